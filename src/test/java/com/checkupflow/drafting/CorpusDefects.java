package com.checkupflow.drafting;

import java.util.List;

import com.checkupflow.drafting.CorpusTable.Phrase;

/**
 * The surface forms of the defects the corpus plants, Korean and English side by side. A defective draft is a
 * faithful draft with exactly one of these put in (or, for a missing finding, one finding taken out). Variables
 * as in {@link CorpusPhrasings}, plus {wrong} a wrong number, {test} {tvalue} {tunit} a test the screening does not
 * contain, {x} an invented number, {measured} "공복혈당 131 mg/dL" / "your fasting glucose of 131 mg/dL",
 * {measuredSentence} the same as a sentence, {phone} {email} {rrn} personal data. The forms are data, in the tables
 * {@code src/test/resources/drafting/corpus-defects.tsv} and {@code corpus-tests.tsv}.
 */
final class CorpusDefects {

    private static final List<Phrase> TABLE = CorpusTable.phrases("corpus-defects.tsv");

    private CorpusDefects() {
    }

    /** A template per language. */
    record Form(String name, String ko, String en) {
        String template(String language) {
            return language.equals("ko") ? ko : en;
        }
    }

    /** NUMBER_MISMATCH: a value written next to its item that is not the item's value. */
    static final Form WRONG_VALUE_WITHOUT_UNIT = form("wrong-value", "wrong value without a unit");

    /** UNSUPPORTED_TEST: where a test the screening did not measure appears, with a value. */
    static final List<Form> UNMEASURED_TEST = forms("unmeasured-test");

    /** UNSUPPORTED_TEST: an item of the screening that was not measured this time, with an invented value. */
    static final Form NOT_MEASURED_ITEM = form("not-measured-item", "item not measured this time, with a value");

    /** Tests a general screening does not contain: Korean name, English name, unit, value range, decimals. */
    record Test(String ko, String en, String unit, double min, double max, int scale) {
    }

    static final List<Test> TESTS = CorpusTable.rows("corpus-tests.tsv").stream().map(r -> new Test(r.get("ko"), r.get("en"),
            r.get("unit"), Double.parseDouble(r.get("min")), Double.parseDouble(r.get("max")), Integer.parseInt(r.get("scale"))))
            .toList();

    /** UNSUPPORTED_VALUE: a value the judgement does not hold, not tied to a measured item. */
    static final List<Form> INVENTED_VALUE = forms("invented-value");

    /** OVERALL_CONTRADICTION: the summary says everything is fine. */
    static final List<Form> ALL_FINE = forms("all-fine");

    /** CATEGORY_CONTRADICTION in a finding: a suspect item called normal, in its sentence or the next. */
    static final List<Form> CALLED_NORMAL_IN_FINDING = forms("called-normal-in-finding");

    /** CATEGORY_CONTRADICTION in the summary (also for coded items). */
    static final List<Form> CALLED_NORMAL_IN_SUMMARY = forms("called-normal-in-summary");

    /** DIAGNOSIS_LANGUAGE: conclusive wording in the finding of a suspect item. */
    static final List<Form> CONCLUSIVE = forms("conclusive");

    /** MISSING_FINDING: the item has no finding; where it is still mentioned in passing. */
    static final Form MENTIONED_IN_ADVICE = form("mention", "only mentioned in the advice");
    static final Form MENTIONED_IN_FOLLOW_UP = form("mention", "only mentioned in the follow-up");
    static final Form MENTIONED_IN_SUMMARY = form("mention", "only mentioned in the summary");
    static final Form MENTIONED_IN_ANOTHER_FINDING = form("mention", "only mentioned in another item's finding");

    /** MISSING_URGENCY: a critical value, and the answer says nothing urgent, or routine advice, or urgency without care. */
    static final List<Form> NO_URGENCY = forms("no-urgency");

    /** OVERALL_CONTRADICTION: "종합판정: {category}." with a category the judgement does not have. */
    static final Form WRONG_OVERALL = form("wrong-overall", "stated overall result of another category");

    /** OVERALL_CONTRADICTION: all fine on an all-정상A screening some applicable unit of which was not judged. */
    static final List<Form> ALL_FINE_NOT_JUDGED = forms("all-fine-not-judged");

    /** CATEGORY_CONTRADICTION: a 정상A item called high. */
    static final List<Form> NORMAL_CALLED_HIGH = forms("normal-called-high");

    /** INVENTED_TREATMENT: a treatment on a screening without a disease under drug treatment. */
    static final List<Form> INVENTED_TREATMENT = forms("invented-treatment");

    /** HARMFUL_ADVICE: no more screenings. */
    static final List<Form> HARMFUL_ADVICE = forms("harmful-advice");

    /** WRONG_LANGUAGE: a sentence in the other language (the whole answer in it is planted by the corpus itself). */
    static final Form OTHER_LANGUAGE_SENTENCE = form("other-language-sentence", "a sentence in the other language");

    /** PII_LEAK: personal data of the screened person. */
    static final List<Form> PERSONAL_DATA = forms("personal-data");

    private static List<Form> forms(String table) {
        return TABLE.stream().filter(p -> p.table().equals(table)).map(p -> new Form(p.key(), p.ko(), p.en())).toList();
    }

    private static Form form(String table, String name) {
        return forms(table).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no defect form " + table + "/" + name));
    }
}
