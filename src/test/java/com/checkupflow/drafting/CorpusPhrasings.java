package com.checkupflow.drafting;

import com.checkupflow.drafting.CorpusFacts.Fact;
import com.checkupflow.drafting.CorpusTable.Phrase;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.TargetDisease;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The phrasing families of the evaluation corpus, Korean and English side by side: how a good model explains a
 * finding, opens and closes a summary, gives advice and follow-up. Each family is one way of saying it; the
 * generator picks among the families that fit the item. The phrasings are data, in the table
 * {@code src/test/resources/drafting/corpus-phrasings.tsv}; this class reads them by table and key. Variables: {name} item name, {value} {unit} its value,
 * {disease} target disease, {range} normal range, {threshold} 질환의심 threshold, {cvalue} {cunit} the value in
 * another unit, {rvalue} {runit} the value as the laboratory reported it, {other} a normal item named in a contrast,
 * {sys}/{dia} the blood pressure pair, {code} a coded result. In Korean {x/이} adds the fitting particle.
 */
final class CorpusPhrasings {

    private static final List<Phrase> TABLE = CorpusTable.phrases("corpus-phrasings.tsv");

    private CorpusPhrasings() {
    }

    /** How an item stands, which decides the families that fit it. */
    enum Kind {
        SUSPECT_HIGH, SUSPECT_LOW, BORDER_HIGH, BORDER_LOW, UNCLASSIFIED, CODED_BORDER, CODED_SUSPECT;

        static Kind of(Fact f) {
            if (!f.quantity()) {
                return f.suspect() ? CODED_SUSPECT : CODED_BORDER;
            }
            if (f.category() == Category.UNCLASSIFIED) {
                return UNCLASSIFIED;
            }
            if (f.suspect()) {
                return f.low() ? SUSPECT_LOW : SUSPECT_HIGH;
            }
            return f.low() ? BORDER_LOW : BORDER_HIGH;
        }
    }

    /** One phrasing family: a way of explaining a finding (for the item kinds it fits) or a summary sentence. */
    record Family(String name, Set<Kind> kinds, String ko, String en) {
        String template(String language) {
            return language.equals("ko") ? ko : en;
        }
    }

    /** The ways of explaining a finding, in table order. */
    static final List<Family> EXPLANATIONS = families("explanation");
    private static final List<Family> OPENINGS = families("opening");
    private static final List<Family> SENTENCES = families("summary");

    static Family explanation(String name) {
        return named(EXPLANATIONS, name);
    }

    /** An opening sentence of the summary. */
    static Family opening(String name) {
        return named(OPENINGS, name);
    }

    /** A further summary sentence: numbers restated, contrasts, normal items, known disease, closing. */
    static Family sentence(String name) {
        return named(SENTENCES, name);
    }

    /** Item names as a writer varies them; one is chosen per draft and kept. */
    static List<String> names(ItemKey key, String language) {
        List<String> names = texts("name", key.name(), language);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("not judged: " + key);
        }
        return names;
    }

    static String disease(TargetDisease disease, String language) {
        return language.equals("ko") ? disease.labelKo() : disease.labelEn();
    }

    /** A coded result as written in a report. */
    static String code(String code, String language) {
        return texts("code", code, language).stream().findFirst()
                .orElseGet(() -> texts("code", "*", language).get(0).replace("{code}", code));
    }

    /** Lifestyle advice per target disease, targets and ranges included as a model writes them. */
    static List<String> advice(TargetDisease disease, String language) {
        return texts("advice", disease.name(), language);
    }

    /** Advice for the underweight: the obesity unit is borderline because the BMI is low. */
    static List<String> underweightAdvice(String language) {
        return texts("advice", "UNDERWEIGHT", language);
    }

    /** Follow-up recommendations per target disease; tests not in this screening are recommended without a value. */
    static List<String> followUp(TargetDisease disease, String language) {
        return texts("follow-up", disease.name(), language);
    }

    /** The next routine screening, for a summary without a disease to follow up. */
    static List<String> routineFollowUp(String language) {
        return texts("follow-up", "ROUTINE", language);
    }

    /** The unit as people often type it (lower case, a space), where that differs from the display unit. */
    static String typedUnit(ItemKey key) {
        return switch (key) {
            case FASTING_GLUCOSE, TOTAL_CHOLESTEROL, HDL, TRIGLYCERIDES, LDL, CREATININE -> "mg/dl";
            case HEMOGLOBIN -> "g/dl";
            case SYSTOLIC_BP, DIASTOLIC_BP -> "mm Hg";
            case BMI -> "kg/m2";
            case EGFR -> "mL/min/1.73 m²";
            default -> null;
        };
    }

    /** The normal limit without its unit, as in "정상(100 미만)"; {Korean, English}. */
    static String[] bareLimit(ItemKey key) {
        return rows("bare-limit", key.name()).findFirst().map(p -> new String[] {p.ko(), p.en()}).orElse(null);
    }

    private static List<Family> families(String table) {
        return TABLE.stream().filter(p -> p.table().equals(table)).map(p -> new Family(p.key(), kinds(p.kinds()), p.ko(), p.en()))
                .toList();
    }

    private static Set<Kind> kinds(String cell) {
        return cell.isEmpty() ? EnumSet.noneOf(Kind.class)
                : Arrays.stream(cell.split(",")).map(Kind::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
    }

    private static Family named(List<Family> families, String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phrasing family " + name));
    }

    /** The texts of a key in one language, in table order; a row without one in this language is the other's extra. */
    private static List<String> texts(String table, String key, String language) {
        return rows(table, key).map(p -> p.text(language)).filter(t -> !t.isEmpty()).toList();
    }

    private static Stream<Phrase> rows(String table, String key) {
        return TABLE.stream().filter(p -> p.table().equals(table) && p.isFor(key));
    }
}
