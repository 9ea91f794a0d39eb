package com.checkupflow.drafting;

import com.checkupflow.judgement.Category;
import com.checkupflow.judgement.ItemKey;
import com.checkupflow.judgement.ItemStatus;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementUnit;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic, explainable checks of a drafted report summary against its judgement. Runs on every draft,
 * template or model, before the physician sees it. Each finding names the rule and what it saw:
 * <ul>
 *   <li>NUMBER_MISMATCH: the first value-like number after an item's name (within the same sentence, before
 *       the next item name) differs from the item's canonical value rounded to the item's precision, and is not
 *       the reported value either. "혈압 138/92" is read as a systolic/diastolic pair.</li>
 *   <li>UNSUPPORTED_VALUE: a number followed by a measurement unit that equals no value of the judgement
 *       (canonical or reported, any item). Numbers marked as thresholds or range bounds
 *       ("126 mg/dL 이상", "below 60") are not patient values and are skipped; ages, years, dates and counts
 *       carry no measurement unit and are never read.</li>
 *   <li>MISSING_FINDING: a NORMAL_B, DISEASE_SUSPECT or UNCLASSIFIED item that is not named anywhere.</li>
 *   <li>CATEGORY_CONTRADICTION: a sentence names a DISEASE_SUSPECT item and calls something normal
 *       ("정상", "양호", "normal", ...) without negating it ("정상 범위를 벗어나", "above the normal range").
 *       The borderline labels 정상B / Normal B are not counted as calling it normal.</li>
 *   <li>DIAGNOSIS_LANGUAGE: definitive diagnosis wording ("고혈압입니다", "진단되었습니다", "you have diabetes",
 *       "diagnosed with"); the patterns of both languages are applied.</li>
 *   <li>PII_LEAK: an RRN-shaped number (with or without hyphen, also masked), a phone number or an e-mail
 *       address. The detail gives the position only, never the data.</li>
 * </ul>
 * Item names and synonyms, and the language-specific patterns, come from the template resources.
 */
@Component
public class DraftChecker {

    public static final String NUMBER_MISMATCH = "NUMBER_MISMATCH";
    public static final String UNIT_MISMATCH = "UNIT_MISMATCH";
    public static final String UNSUPPORTED_VALUE = "UNSUPPORTED_VALUE";
    public static final String UNSUPPORTED_TEST = "UNSUPPORTED_TEST";
    public static final String MISSING_FINDING = "MISSING_FINDING";
    public static final String CATEGORY_CONTRADICTION = "CATEGORY_CONTRADICTION";
    public static final String OVERALL_CONTRADICTION = "OVERALL_CONTRADICTION";
    public static final String DIAGNOSIS_LANGUAGE = "DIAGNOSIS_LANGUAGE";
    public static final String BAD_CITATION = "BAD_CITATION";
    public static final String PII_LEAK = "PII_LEAK";
    public static final String PLACEHOLDER = "PLACEHOLDER";

    private static final Set<Category> ABNORMAL = EnumSet.of(Category.NORMAL_B, Category.DISEASE_SUSPECT, Category.UNCLASSIFIED);
    private static final int NAME_WINDOW = 40;
    private static final String NUM = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    /** A number not glued to a word, a decimal point or a slash (so "HbA1c", "1.73m²" and "5/8" parts are not read). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,/])(?:" + NUM + ")(?![\\d.,]\\d)");
    private static final String UNITS = "mm\\s?Hg|mm\\[Hg]|mg/dl|g/dl|g/l|iu/l|u/l|kg/m²|kg/m2|ml/min(?:/1\\.73\\s?m(?:²|2))?|ml/min/\\{1\\.73_m2}"
            + "|mmol/l|[µμu]mol/l|cm|kg|inch(?:es)?";
    /** A value with a measurement unit; group 2 is the second number of a pair such as 138/92 mmHg. */
    private static final Pattern VALUE_WITH_UNIT = Pattern.compile(
            "(?<![\\p{L}\\d.,/])(" + NUM + ")(?:\\s*/\\s*(" + NUM + "))?\\s*(?:" + UNITS + ")(?![a-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BP_PAIR = Pattern.compile("(?<![\\d.])(\\d{2,3})\\s*/\\s*(\\d{2,3})(?![\\d.])");
    private static final Pattern BP_WORD = Pattern.compile("혈압|blood pressure|\\bBP\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("\\n|[.!?。](?=\\s|$)");
    private static final Pattern RRN = Pattern.compile(
            "(?<!\\d)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\s?[-–]?\\s?[1-8](?:\\d{6}|[*xX]{6})(?!\\d)");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d.])(?:\\+82[-. ]?)?\\(?0(?:1[016789]|2|[3-6][1-5]|70|50\\d?)\\)?[-. ]?\\d{3,4}[-. ]?\\d{4}(?![\\d.])");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private final TemplateTexts texts;

    DraftChecker(TemplateTexts texts) {
        this.texts = texts;
    }

    public DraftCheck check(String text, Judgement judgement, String language) {
        TemplateTexts.Bundle bundle = texts.bundle(language);
        String draft = text == null ? "" : text;
        Run run = new Run(bundle, draft, judgement);
        List<DraftCheck.Finding> findings = new ArrayList<>();
        run.numberMismatches(findings);
        run.unsupportedValues(findings);
        run.missingFindings(findings);
        run.contradictions(findings);
        diagnosisLanguage(draft, findings);
        piiLeaks(draft, findings);
        return DraftCheck.of(findings);
    }

    /**
     * Checks a model's answer: the structure (item keys, citations, stated values and units, category words of each
     * finding) and then the text rules on the rendered text ({@link DraftRenderer}).
     */
    public DraftCheck checkAnswer(DraftAnswer answer, String renderedText, Judgement judgement, String language) {
        List<DraftCheck.Finding> findings = new ArrayList<>();
        Map<String, ItemKey> owners = new java.util.HashMap<>();
        if (judgement.items() != null) {
            judgement.items().forEach((k, item) -> {
                if (item.observationId() != null) {
                    ItemKey.fromJson(k).ifPresent(key -> owners.put(item.observationId(), key));
                }
            });
        }
        for (DraftAnswer.Finding f : DraftAnswer.nullSafe(answer.findings())) {
            for (String id : DraftAnswer.nullSafe(f.observationIds())) {
                ItemKey owner = owners.get(id);
                if (owner == null || !owner.json().equals(f.item())) {
                    findings.add(new DraftCheck.Finding(BAD_CITATION, "the finding for " + f.item() + " cites " + id
                            + (owner == null ? ", which is no observation of this screening" : ", which is " + owner.json())));
                }
            }
        }
        findings.addAll(check(renderedText, judgement, language).findings());
        return DraftCheck.of(findings);
    }

    /** An item's own category, or for a single-item unit the unit's; null when neither is known. */
    static Category category(Judgement j, ItemKey key) {
        Judgement.Item item = j.items() == null ? null : j.items().get(key.json());
        if (item != null && item.category() != null) {
            return item.category();
        }
        for (JudgementUnit unit : JudgementUnit.values()) {
            if (unit.items().size() == 1 && unit.items().get(0) == key && j.judgements() != null
                    && j.judgements().get(unit.json()) != null) {
                return j.judgements().get(unit.json()).category();
            }
        }
        return null;
    }

    private void diagnosisLanguage(String text, List<DraftCheck.Finding> findings) {
        Set<String> seen = new HashSet<>();
        for (String language : List.of(TemplateTexts.KO, TemplateTexts.EN)) {
            Matcher m = texts.bundle(language).pattern("check.diagnosis").matcher(text);
            while (m.find()) {
                if (seen.add(m.start() + ":" + m.group())) {
                    findings.add(new DraftCheck.Finding(DIAGNOSIS_LANGUAGE,
                            "definitive diagnosis wording \"" + m.group() + "\" at character " + m.start()
                                    + "; use suspected wording (\"~이 의심됩니다\", \"suspected ~\")"));
                }
            }
        }
    }

    private static void piiLeaks(String text, List<DraftCheck.Finding> findings) {
        Set<Integer> at = new HashSet<>();
        for (var kind : List.of(Map.entry("resident registration number", RRN), Map.entry("phone number", PHONE),
                Map.entry("e-mail address", EMAIL))) {
            Matcher m = kind.getValue().matcher(text);
            while (m.find()) {
                if (at.add(m.start())) {
                    findings.add(new DraftCheck.Finding(PII_LEAK,
                            kind.getKey() + "-shaped text at character " + m.start() + " (" + (m.end() - m.start()) + " characters)"));
                }
            }
        }
    }

    private record Hit(ItemKey key, String name, int start, int end) {
    }

    /** One check of one draft. */
    private static final class Run {
        private final TemplateTexts.Bundle b;
        private final String text;
        private final Judgement j;
        private final List<Hit> hits;
        private final int[] sentenceEnds;
        private final Pattern thresholdBefore;
        private final Pattern thresholdAfter;
        private final Pattern countAfter;

        Run(TemplateTexts.Bundle b, String text, Judgement j) {
            this.b = b;
            this.text = text;
            this.j = j;
            this.thresholdBefore = b.pattern("check.threshold.before");
            this.thresholdAfter = b.pattern("check.threshold.after");
            this.countAfter = b.pattern("check.count.after");
            this.hits = findNames();
            List<Integer> ends = new ArrayList<>();
            Matcher m = SENTENCE_END.matcher(text);
            while (m.find()) {
                ends.add(m.end());
            }
            ends.add(text.length());
            this.sentenceEnds = ends.stream().mapToInt(Integer::intValue).toArray();
        }

        // --- names ----------------------------------------------------------------------------------

        /** Every mention of a judged item, longest name first, not overlapping, not inside a longer word. */
        private List<Hit> findNames() {
            List<Map.Entry<String, ItemKey>> names = new ArrayList<>();
            for (ItemKey key : ItemKey.values()) {
                if (key != ItemKey.HEIGHT && key != ItemKey.WEIGHT) {
                    b.itemNames(key).forEach(n -> names.add(Map.entry(n, key)));
                }
            }
            names.sort(Comparator.comparingInt((Map.Entry<String, ItemKey> e) -> e.getKey().length()).reversed());
            List<Hit> found = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                Hit hit = null;
                if (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))) {
                    for (Map.Entry<String, ItemKey> e : names) {
                        String name = e.getKey();
                        int end = i + name.length();
                        if (text.regionMatches(true, i, name, 0, name.length())
                                && !(isAsciiAlnum(name.charAt(name.length() - 1)) && end < text.length() && isAsciiAlnum(text.charAt(end)))) {
                            hit = new Hit(e.getValue(), name, i, end);
                            break;
                        }
                    }
                }
                if (hit != null) {
                    found.add(hit);
                    i = hit.end();
                } else {
                    i++;
                }
            }
            return found;
        }

        private static boolean isAsciiAlnum(char c) {
            return c < 128 && Character.isLetterOrDigit(c);
        }

        private int sentenceOf(int position) {
            for (int s = 0; s < sentenceEnds.length; s++) {
                if (position < sentenceEnds[s]) {
                    return s;
                }
            }
            return sentenceEnds.length - 1;
        }

        private int sentenceEnd(int position) {
            return sentenceEnds[sentenceOf(position)];
        }

        private int sentenceStart(int position) {
            int s = sentenceOf(position);
            return s == 0 ? 0 : sentenceEnds[s - 1];
        }

        // --- values ---------------------------------------------------------------------------------

        private Judgement.Item item(ItemKey key) {
            return j.items() == null ? null : j.items().get(key.json());
        }

        private Optional<BigDecimal> value(ItemKey key) {
            Judgement.Item item = item(key);
            if (item == null || item.status() != ItemStatus.VALID || key.coded()) {
                return Optional.empty();
            }
            return Values.decimal(item.value());
        }

        private static BigDecimal parse(String number) {
            return new BigDecimal(number.replace(",", ""));
        }

        /** Canonical value at the item's precision, or exactly the reported value. */
        private boolean matches(ItemKey key, BigDecimal stated) {
            BigDecimal canonical = value(key).orElse(null);
            if (canonical != null && stated.setScale(key.scale(), RoundingMode.HALF_UP)
                    .compareTo(canonical.setScale(key.scale(), RoundingMode.HALF_UP)) == 0) {
                return true;
            }
            Optional<BigDecimal> reported = Values.decimal(item(key).reportedValue());
            return reported.isPresent() && reported.get().compareTo(stated) == 0;
        }

        private String describe(ItemKey key) {
            Judgement.Item item = item(key);
            String s = key.json() + " is " + Values.plain(value(key).orElseThrow()) + " " + Values.unitLabel(item.unit());
            Optional<BigDecimal> reported = Values.decimal(item.reportedValue());
            if (reported.isPresent() && item.reportedUnit() != null && !item.reportedUnit().equals(item.unit())) {
                s += " (reported " + Values.plain(reported.get()) + " " + Values.unitLabel(item.reportedUnit()) + ")";
            }
            return s;
        }

        /** A threshold, range bound, count, age or date rather than a measured value. */
        private boolean notAValue(int start, int end, int from) {
            String before = text.substring(Math.max(from, start - 20), start);
            String after = text.substring(end, Math.min(text.length(), end + 20));
            String afterUnit = after.replaceFirst("(?i)^\\s*(?:" + UNITS + ")", "");
            return thresholdBefore.matcher(before).find() || thresholdAfter.matcher(afterUnit).find()
                    || countAfter.matcher(after).find();
        }

        void numberMismatches(List<DraftCheck.Finding> findings) {
            Set<Integer> pairNumbers = new HashSet<>();
            Matcher pair = BP_PAIR.matcher(text);
            while (pair.find()) {
                int from = sentenceStart(pair.start());
                if (BP_WORD.matcher(text.substring(Math.max(from, pair.start() - 20), pair.start())).find()) {
                    pairNumbers.add(pair.start(1));
                    pairNumbers.add(pair.start(2));
                    comparePair(ItemKey.SYSTOLIC_BP, pair.group(1), pair.start(1), findings);
                    comparePair(ItemKey.DIASTOLIC_BP, pair.group(2), pair.start(2), findings);
                }
            }
            for (int h = 0; h < hits.size(); h++) {
                Hit hit = hits.get(h);
                if (value(hit.key()).isEmpty()) {
                    continue;
                }
                int limit = Math.min(Math.min(sentenceEnd(hit.start()), hit.end() + NAME_WINDOW),
                        h + 1 < hits.size() ? hits.get(h + 1).start() : text.length());
                Matcher m = NUMBER.matcher(text).region(hit.end(), Math.max(hit.end(), limit));
                while (m.find()) {
                    if (pairNumbers.contains(m.start()) || notAValue(m.start(), m.end(), hit.end())) {
                        continue;
                    }
                    BigDecimal stated = parse(m.group());
                    if (!matches(hit.key(), stated)) {
                        findings.add(new DraftCheck.Finding(NUMBER_MISMATCH, "\"" + hit.name() + "\" is followed by "
                                + m.group() + " at character " + m.start() + ", but " + describe(hit.key())));
                    }
                    break;
                }
            }
        }

        private void comparePair(ItemKey key, String number, int at, List<DraftCheck.Finding> findings) {
            if (value(key).isPresent() && !matches(key, parse(number))) {
                findings.add(new DraftCheck.Finding(NUMBER_MISMATCH, "blood pressure pair states " + number
                        + " at character " + at + ", but " + describe(key)));
            }
        }

        void unsupportedValues(List<DraftCheck.Finding> findings) {
            List<BigDecimal> source = new ArrayList<>();
            if (j.items() != null) {
                j.items().values().forEach(i -> {
                    Values.decimal(i.value()).ifPresent(source::add);
                    Values.decimal(i.reportedValue()).ifPresent(source::add);
                });
            }
            Matcher m = VALUE_WITH_UNIT.matcher(text);
            while (m.find()) {
                for (int g = 1; g <= 2; g++) {
                    if (m.group(g) == null || notAValue(m.start(g), m.end(), sentenceStart(m.start()))) {
                        continue;
                    }
                    BigDecimal stated = parse(m.group(g));
                    boolean supported = source.stream().anyMatch(v -> v.compareTo(stated) == 0
                            || v.setScale(Math.max(stated.scale(), 0), RoundingMode.HALF_UP).compareTo(stated) == 0);
                    if (!supported) {
                        findings.add(new DraftCheck.Finding(UNSUPPORTED_VALUE, "\"" + m.group().trim() + "\" at character "
                                + m.start() + ": " + m.group(g) + " is not a value of this judgement"));
                    }
                }
            }
        }

        private Category category(ItemKey key) {
            Judgement.Item item = item(key);
            if (item != null && item.category() != null) {
                return item.category();
            }
            for (JudgementUnit unit : JudgementUnit.values()) {
                if (unit.items().size() == 1 && unit.items().get(0) == key && j.judgements() != null
                        && j.judgements().get(unit.json()) != null) {
                    return j.judgements().get(unit.json()).category();
                }
            }
            return null;
        }

        void missingFindings(List<DraftCheck.Finding> findings) {
            Set<ItemKey> mentioned = EnumSet.noneOf(ItemKey.class);
            hits.forEach(h -> mentioned.add(h.key()));
            Set<ItemKey> reported = EnumSet.noneOf(ItemKey.class);
            for (ItemKey key : ItemKey.values()) {
                Judgement.Item item = item(key);
                Category category = category(key);
                if (item != null && item.status() == ItemStatus.VALID && ABNORMAL.contains(category) && !mentioned.contains(key)) {
                    reported.add(key);
                    findings.add(new DraftCheck.Finding(MISSING_FINDING, key.json() + " is " + category
                            + " but the draft does not name it (e.g. \"" + b.itemName(key) + "\")"));
                }
            }
            if (j.judgements() == null) {
                return;
            }
            for (JudgementUnit unit : JudgementUnit.values()) {
                Judgement.UnitJudgement uj = j.judgements().get(unit.json());
                if (uj != null && ABNORMAL.contains(uj.category())
                        && unit.items().stream().noneMatch(k -> mentioned.contains(k) || reported.contains(k))) {
                    findings.add(new DraftCheck.Finding(MISSING_FINDING, "judgement unit " + unit.json() + " is "
                            + uj.category() + " but the draft names none of its items"));
                }
            }
        }

        void contradictions(List<DraftCheck.Finding> findings) {
            Pattern claim = b.pattern("check.normalClaim");
            Pattern negatedAfter = b.pattern("check.normalNegation.after");
            Pattern negatedBefore = b.pattern("check.normalNegation.before");
            Set<String> reported = new HashSet<>();
            for (Hit hit : hits) {
                if (category(hit.key()) != Category.DISEASE_SUSPECT) {
                    continue;
                }
                int from = sentenceStart(hit.start());
                int to = sentenceEnd(hit.start());
                Matcher m = claim.matcher(text).region(from, to);
                while (m.find()) {
                    String after = text.substring(m.end(), Math.min(to, m.end() + 15));
                    String before = text.substring(Math.max(from, m.start() - 30), m.start());
                    if (negatedAfter.matcher(after).find() || negatedBefore.matcher(before).find()) {
                        continue;
                    }
                    if (reported.add(hit.key() + ":" + from)) {
                        findings.add(new DraftCheck.Finding(CATEGORY_CONTRADICTION, "the sentence at character " + from
                                + " names \"" + hit.name() + "\" (" + hit.key().json() + ", DISEASE_SUSPECT) and says \""
                                + m.group() + "\""));
                    }
                    break;
                }
            }
        }
    }
}
