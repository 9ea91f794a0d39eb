package com.checkupflow.drafting;

import com.checkupflow.ai.Values;
import com.checkupflow.ai.AnswerSchema;
import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.InvalidAnswerException;
import com.checkupflow.ai.KindDescription;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemCatalog;
import com.checkupflow.ai.TemplateTexts;

import com.checkupflow.privacy.PersonalDataScrubber;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.ItemUnits;
import com.checkupflow.kernel.TargetDisease;
import com.checkupflow.judgement.CriticalFinding;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.kernel.ItemLabels;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Deterministic, explainable checks of a drafted report summary against its judgement. Runs on every draft,
 * template or model, before the physician sees it; docs/draft-check.md describes every rule for physicians and
 * designers. {@link #check} reads a text (template drafts, physicians' texts); {@link #checkAnswer} reads a model's
 * structured answer and the text rendered from it. The language-specific patterns (a small grammar per rule) and the
 * item names come from {@code prompts/template/<lang>.properties}; the tests the screening does not contain from
 * {@code draft-check/tests.txt}. Each finding names the rule and what it saw, never personal data.
 */
@Component
public class DraftChecker {

    /** A stated number differs from the item's value. */
    public static final String NUMBER_MISMATCH = "NUMBER_MISMATCH";
    /** A value of an item stated with a unit the item is not measured in. */
    public static final String UNIT_MISMATCH = "UNIT_MISMATCH";
    /** A measured-looking value that is no value of the judgement. */
    public static final String UNSUPPORTED_VALUE = "UNSUPPORTED_VALUE";
    /** A result of a test the screening does not contain. */
    public static final String UNSUPPORTED_TEST = "UNSUPPORTED_TEST";
    /** A NORMAL_B, DISEASE_SUSPECT or UNCLASSIFIED item without its own finding. */
    public static final String MISSING_FINDING = "MISSING_FINDING";
    /** An item called normal (or another category) against its category. */
    public static final String CATEGORY_CONTRADICTION = "CATEGORY_CONTRADICTION";
    /** "All results are normal" while an item is NORMAL_B or worse. */
    public static final String OVERALL_CONTRADICTION = "OVERALL_CONTRADICTION";
    /** Conclusive diagnosis wording. */
    public static final String DIAGNOSIS_LANGUAGE = "DIAGNOSIS_LANGUAGE";
    /** A finding of the answer that refers to the wrong item or cites an observation of another item or none. */
    public static final String BAD_CITATION = "BAD_CITATION";
    /** A disease called suspected that the judgement does not suspect (not 질환의심, or under treatment, criteria §4.3). */
    public static final String SUSPICION_CONTRADICTION = "SUSPICION_CONTRADICTION";
    /** Personal data in the text. */
    public static final String PII_LEAK = "PII_LEAK";
    /** An empty or placeholder text. */
    public static final String PLACEHOLDER = "PLACEHOLDER";
    /** A critical (panic) value of the decision critical_values, but no sentence tells the patient to seek care at once. */
    public static final String MISSING_URGENCY = "MISSING_URGENCY";
    /** A treatment (medication) the person is said to be on, while the judgement has no KNOWN_DISEASE (no active medication). */
    public static final String INVENTED_TREATMENT = "INVENTED_TREATMENT";
    /** Advice to skip future screenings or to stop care. */
    public static final String HARMFUL_ADVICE = "HARMFUL_ADVICE";
    /** A text in another language than the report's (English on a Korean report or the reverse). */
    public static final String WRONG_LANGUAGE = "WRONG_LANGUAGE";

    static final Set<Category> ABNORMAL = EnumSet.of(Category.NORMAL_B, Category.DISEASE_SUSPECT, Category.UNCLASSIFIED);
    private static final int NAME_WINDOW = 40;
    private static final int MIN_LETTERS = 10;
    /** A quoted part of the text is cut at this length. */
    private static final int QUOTE_LENGTH = 60;
    /** Below this share of Hangul letters a text is no Korean text; above it no English one (parentheses aside). */
    private static final double HANGUL_SHARE = 0.3;
    /** A sentence of a Korean text without Hangul and with this many lower-case English words is English. */
    private static final int ENGLISH_WORDS = 4;
    private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![\\p{L}/])[a-z]{2,}(?![\\p{L}/])");
    private static final String NUM = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    /** A number not glued to a word, a decimal point or a slash (so "HbA1c", "1.73m²" and "5/8" parts are not read). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,/])(?:" + NUM + ")(?![\\d.,]\\d)");
    /**
     * Measurement units as drafts write them: the screening's own, common laboratory units of any kind (so a value of a
     * test the screening lacks is read too) and composite units. Diet quantities (g, mg, L, kcal alone) are not here.
     */
    private static final String UNITS = "%|‰|mm\\s?hg|mm\\[hg]|kg/m(?:²|2)|ml/min(?:/1\\.73\\s?m(?:²|2))?|ml/min/\\{1\\.73_m2}"
            + "|(?:[pnµμum]?(?:g|mol|eq|iu|u|kat)|mosm|cells|copies)/(?:[pnµμumcdk]?l|kg|mol|g|min|h)"
            + "|(?:x\\s?)?10\\^?\\d+/[µμu]?l|/[µμu]l|cm|kg|inch(?:es)?|bpm|회/분";
    private static final Pattern UNIT_AFTER = Pattern.compile("^\\s*(" + UNITS + ")(?![a-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern BP_PAIR = Pattern.compile("(?<![\\d.])(\\d{2,3})\\s*/\\s*(\\d{2,3})(?![\\d.])");
    private static final Pattern BP_WORD = Pattern.compile("혈압|blood pressure|\\bBP\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MMHG_AFTER = Pattern.compile("^\\s*mm\\s?\\[?hg", Pattern.CASE_INSENSITIVE);
    /** A value restated right after another: "131 mg/dL(약 7.3 mmol/L)", "203 mg/dL (about 5.25 mmol/L)". */
    private static final Pattern RESTATED = Pattern.compile("^\\s*[(,]\\s*(?:약|about|approx\\.?|approximately|≈|~|or)?\\s*(" + NUM
            + ")\\s*(" + UNITS + ")(?![a-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTFIX = Pattern.compile("(?<![\\p{L}\\d.,/])(" + NUM + ")\\s*(?:" + UNITS + ")\\s*(?:of\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("\\n|[.!?。](?=\\s|$)");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern LIST_LINE = Pattern.compile("^\\s*(?:[-•*■\\[]|\\d+\\.)");
    private static final Pattern PLACEHOLDER_WORDS = Pattern.compile(
            "lorem ipsum|\\bTODO\\b|\\bTBD\\b|\\bplaceholder\\b|\\bto be (?:written|completed)\\b|추후\\s*(?:작성|기재|입력)|작성\\s*예정|내용\\s*(?:입력|없음)|\\bx{3,}\\b",
            Pattern.CASE_INSENSITIVE);
    /** Printed units → the way the normalizer reads them. */
    private static final Map<String, String> UNIT_SPELLINGS = Map.of("mm[hg]", "mmHg", "mm hg", "mmHg", "ml/min", "mL/min/{1.73_m2}",
            "ml/min/1.73m²", "mL/min/{1.73_m2}", "ml/min/1.73m2", "mL/min/{1.73_m2}", "ml/min/1.73 m²", "mL/min/{1.73_m2}",
            "ml/min/1.73 m2", "mL/min/{1.73_m2}", "inches", "inch");

    private final TemplateTexts texts;
    private final TestLexicon lexicon;
    private final DraftRenderer renderer;
    /** The compiled patterns by language and key ({@link #pattern}). */
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
    private final String rules;

    DraftChecker(TemplateTexts texts) {
        this.texts = texts;
        this.lexicon = TestLexicon.load(texts);
        this.renderer = new DraftRenderer(texts);
        this.rules = rulesVersion();
    }

    /**
     * The code and resources that decide a {@link #check}: this class, the names and grammar it reads, the judgement
     * model, the catalogue and helpers it compares values with (every class of ours the check reaches,
     * {@code DraftCheckerRulesVersionTest}), with their nested and anonymous classes. Their digest with the Java
     * runtime's version is the rules' version: a check stored by another build (other code, patterns, names, labels,
     * unit conversions or JDK) is never taken for one of this build.
     */
    static final List<Class<?>> RULE_CLASSES = List.of(DraftChecker.class, TestLexicon.class, DraftCheck.class,
            DraftAnswer.class, DraftRenderer.class, TemplateTexts.class, PromptTemplates.class, KindDescription.class,
            AnswerSchema.class, InvalidAnswerException.class, Deidentifier.Input.class, Values.class, ItemUnits.class,
            ItemCatalog.class, ItemKey.class, ItemStatus.class, InvalidReason.class, Category.class, TargetDisease.class,
            JudgementUnit.class, Judgement.class, JudgementJson.class, CriticalFinding.class, PersonalDataScrubber.class,
            ItemLabels.class);
    private static final List<String> RULE_RESOURCES = List.of("prompts/template/ko.properties",
            "prompts/template/en.properties", TestLexicon.RESOURCE, "labels/items.properties");

    private static String rulesVersion() {
        MessageDigest digest = sha256();
        digest.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
        Set<String> names = new TreeSet<>();
        List<Class<?>> classes = new ArrayList<>(RULE_CLASSES);
        for (int i = 0; i < classes.size(); i++) {
            Class<?> c = classes.get(i);
            classes.addAll(List.of(c.getDeclaredClasses()));
            names.add(c.getName());
            // anonymous classes are not declared classes: compiled as Outer$1, Outer$2, ...
            for (int n = 1; DraftChecker.class.getClassLoader().getResource(classFile(c.getName() + "$" + n)) != null; n++) {
                names.add(c.getName() + "$" + n);
            }
        }
        for (String name : names) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(resource(classFile(name)));
        }
        RULE_RESOURCES.forEach(r -> digest.update(resource(r)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }

    private static byte[] resource(String path) {
        try (InputStream in = DraftChecker.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * The digest of everything {@link #check(String, Judgement, String, List)} reads: the rules' version, the text, the
     * judgement as stored (JSON), the report's language and the critical findings. Equal digests mean the check would
     * find the same again, so a stored result may stand for it (the physician signing the draft "Check draft" checked);
     * any other digest means checking again. The text is stored beside it in plain, so the digest tells nothing more.
     *
     * @param judgementJson the JSON the check's judgement was read from
     */
    public String inputDigest(String text, String judgementJson, String language, List<String> criticalFindings) {
        MessageDigest digest = sha256();
        List<String> inputs = new ArrayList<>(List.of("check/v1", rules, String.valueOf(text),
                String.valueOf(judgementJson), String.valueOf(language)));
        inputs.add(String.valueOf(criticalFindings.size()));
        inputs.addAll(criticalFindings);
        for (String input : inputs) {
            // each input with its length: no two different lists of inputs read as the same bytes
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a text of a screening without critical (panic) values. */
    public DraftCheck check(String text, Judgement judgement, String language) {
        return check(text, judgement, language, List.<String>of());
    }

    /**
     * Checks a text: template drafts, physicians' edited or written texts. {@code criticalFindings} are the screening's
     * findings of the decision critical_values ({@code "systolic_bp >= 180"}), the one source of panic values.
     */
    public DraftCheck check(String text, Judgement judgement, String language, List<String> criticalFindings) {
        TemplateTexts.Bundle bundle = texts.bundle(language);
        String draft = text == null ? "" : text;
        List<DraftCheck.Finding> findings = new ArrayList<>();
        placeholder(bundle, draft, findings);
        Run run = new Run(bundle, draft, judgement, null);
        run.values(findings);
        run.missingFindings(findings);
        run.claims(findings);
        run.unsupportedTests(findings);
        diagnosisLanguage(bundle, draft, findings);
        suspicions(bundle, draft, judgement, findings);
        treatments(bundle, draft, judgement, findings);
        harmfulAdvice(bundle, draft, findings);
        wrongLanguage(bundle, draft, findings);
        piiLeaks(bundle, draft, findings);
        urgency(bundle, draft, criticalFindings, findings);
        return DraftCheck.of(distinct(findings));
    }

    /**
     * Checks a text with the given rules only (a document kind's check profile): a document that quotes values of
     * another screening, or does not explain every finding, is checked for what it does say.
     */
    public DraftCheck check(String text, Judgement judgement, String language, List<String> criticalFindings,
                            Set<String> rules) {
        return DraftCheck.of(check(text, judgement, language, criticalFindings).findings().stream()
                .filter(f -> rules.contains(f.type())).toList());
    }

    /**
     * Checks a model's answer: the structure (each finding's item key and citations; every abnormal item has its own
     * finding), each explanation read as a statement about its own item (values, units, category words), the prose
     * (summary, advice, follow-up) like any text, and the whole rendered text for tests, diagnosis wording and
     * personal data.
     */
    public DraftCheck checkAnswer(DraftAnswer answer, String renderedText, Judgement judgement, String language) {
        return checkAnswer(answer, renderedText, judgement, language, List.of());
    }

    /** {@link #checkAnswer(DraftAnswer, String, Judgement, String)} of a screening with these critical findings. */
    public DraftCheck checkAnswer(DraftAnswer answer, String renderedText, Judgement judgement, String language,
                                  List<String> criticalFindings) {
        TemplateTexts.Bundle bundle = texts.bundle(language);
        String rendered = renderedText == null ? "" : renderedText;
        List<DraftCheck.Finding> findings = new ArrayList<>();
        citations(bundle, answer, judgement, findings);
        ownFindings(bundle, answer, judgement, findings);
        for (DraftAnswer.Finding f : DraftAnswer.nullSafe(answer.findings())) {
            Optional<ItemKey> key = ItemKey.fromJson(f.item());
            if (key.isPresent() && f.explanation() != null) {
                Run explanation = new Run(bundle, f.explanation(), judgement, key.get());
                explanation.values(findings);
                explanation.claims(findings);
            }
        }
        DraftAnswer prose = new DraftAnswer(answer.summary(), List.of(), answer.lifestyle(), answer.followUp());
        Run proseRun = new Run(bundle, renderer.render(prose, judgement, language), judgement, null);
        proseRun.values(findings);
        proseRun.claims(findings);
        placeholder(bundle, rendered, findings);
        new Run(bundle, rendered, judgement, null).unsupportedTests(findings);
        diagnosisLanguage(bundle, rendered, findings);
        suspicions(bundle, rendered, judgement, findings);
        treatments(bundle, rendered, judgement, findings);
        harmfulAdvice(bundle, rendered, findings);
        wrongLanguage(bundle, rendered, findings);
        piiLeaks(bundle, rendered, findings);
        urgency(bundle, rendered, criticalFindings, findings);
        return DraftCheck.of(distinct(findings));
    }

    private static List<DraftCheck.Finding> distinct(List<DraftCheck.Finding> findings) {
        return List.copyOf(new LinkedHashSet<>(findings));
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

    /** The valid items that need a finding of their own: NORMAL_B, DISEASE_SUSPECT or UNCLASSIFIED. */
    static Set<ItemKey> needingFinding(Judgement j) {
        Set<ItemKey> keys = EnumSet.noneOf(ItemKey.class);
        if (j.items() != null) {
            j.items().forEach((k, item) -> ItemKey.fromJson(k).ifPresent(key -> {
                if (item.status() == ItemStatus.VALID && ABNORMAL.contains(category(j, key))) {
                    keys.add(key);
                }
            }));
        }
        return keys;
    }

    /** The judgement has an item or unit that is NORMAL_B or DISEASE_SUSPECT (UNCLASSIFIED is no band: it awaits the physician). */
    static boolean anyAbnormal(Judgement j) {
        Set<Category> worse = EnumSet.of(Category.NORMAL_B, Category.DISEASE_SUSPECT);
        return needingFinding(j).stream().anyMatch(k -> worse.contains(category(j, k))) || (j.judgements() != null
                && j.judgements().values().stream().anyMatch(u -> u != null && worse.contains(u.category())));
    }

    // --- the structure of an answer -------------------------------------------------------------------

    private static void citations(TemplateTexts.Bundle b, DraftAnswer answer, Judgement j, List<DraftCheck.Finding> findings) {
        // a panel's observation (85354-9 blood pressure) is the observation of each of its components
        Map<String, Set<String>> owners = new HashMap<>();
        if (j.items() != null) {
            j.items().forEach((k, item) -> {
                if (item.observationId() != null) {
                    owners.computeIfAbsent(item.observationId(), id -> new TreeSet<>()).add(k);
                }
            });
        }
        Set<ItemKey> needed = needingFinding(j);
        for (DraftAnswer.Finding f : DraftAnswer.nullSafe(answer.findings())) {
            Optional<ItemKey> key = ItemKey.fromJson(f.item());
            String shown = shown(b, BAD_CITATION, null, key.map(b::itemName).orElse(String.valueOf(f.item())), null);
            if (key.isEmpty() || j.items() == null || !j.items().containsKey(f.item())) {
                findings.add(new DraftCheck.Finding(BAD_CITATION, "a finding refers to item \"" + f.item()
                        + "\", which is not an item of this judgement", shown));
                continue;
            }
            if (!needed.contains(key.get())) {
                findings.add(new DraftCheck.Finding(BAD_CITATION, "a finding refers to " + f.item() + ", which is "
                        + category(j, key.get()) + " and needs no finding", shown));
            }
            for (String id : DraftAnswer.nullSafe(f.observationIds())) {
                Set<String> owner = owners.get(id);
                if (owner == null) {
                    findings.add(new DraftCheck.Finding(BAD_CITATION, "the finding for " + f.item()
                            + " cites an observation id that is no observation of this screening", shown));
                } else if (!owner.contains(f.item())) {
                    findings.add(new DraftCheck.Finding(BAD_CITATION, "the finding for " + f.item()
                            + " cites the observation of " + String.join(", ", owner), shown));
                }
            }
        }
    }

    private static void ownFindings(TemplateTexts.Bundle b, DraftAnswer answer, Judgement j, List<DraftCheck.Finding> findings) {
        Set<String> explained = new HashSet<>();
        DraftAnswer.nullSafe(answer.findings()).forEach(f -> explained.add(f.item()));
        Set<ItemKey> missing = EnumSet.noneOf(ItemKey.class);
        for (ItemKey key : needingFinding(j)) {
            if (!explained.contains(key.json())) {
                missing.add(key);
                findings.add(new DraftCheck.Finding(MISSING_FINDING, key.json() + " is " + category(j, key)
                        + " but the answer has no finding for it", shown(b, MISSING_FINDING, null, b.itemName(key), truth(b, j, key))));
            }
        }
        unitsWithoutFinding(b, j, k -> explained.contains(k.json()) || missing.contains(k), findings);
    }

    private static void unitsWithoutFinding(TemplateTexts.Bundle b, Judgement j, java.util.function.Predicate<ItemKey> covered,
                                            List<DraftCheck.Finding> findings) {
        if (j.judgements() == null) {
            return;
        }
        for (JudgementUnit unit : JudgementUnit.values()) {
            Judgement.UnitJudgement uj = j.judgements().get(unit.json());
            if (uj != null && ABNORMAL.contains(uj.category()) && unit.items().stream().noneMatch(covered)) {
                findings.add(new DraftCheck.Finding(MISSING_FINDING, "judgement unit " + unit.json() + " is "
                        + uj.category() + " but the draft reports none of its items", shown(b, MISSING_FINDING, null,
                        unitName(b, unit), uj.category().label(b.language()))));
            }
        }
    }

    // --- whole-text rules ---------------------------------------------------------------------------

    private static void placeholder(TemplateTexts.Bundle b, String text, List<DraftCheck.Finding> findings) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        Matcher m = PLACEHOLDER_WORDS.matcher(text);
        if (letters < MIN_LETTERS) {
            findings.add(new DraftCheck.Finding(PLACEHOLDER, "the text has " + letters + " letters: it is empty or a placeholder",
                    shown(b, PLACEHOLDER, quote(text, 0, text.length()), null, null)));
        } else if (m.find()) {
            findings.add(new DraftCheck.Finding(PLACEHOLDER, "placeholder wording \"" + m.group() + "\" at character " + m.start(),
                    shown(b, PLACEHOLDER, m.group(), null, null)));
        }
    }

    private void diagnosisLanguage(TemplateTexts.Bundle report, String text, List<DraftCheck.Finding> findings) {
        Set<Integer> seen = new HashSet<>();
        for (String language : List.of(TemplateTexts.KO, TemplateTexts.EN)) {
            TemplateTexts.Bundle b = texts.bundle(language);
            Matcher m = pattern(b, "check.diagnosis").matcher(text);
            Pattern conditional = pattern(b, "check.conditional");
            while (m.find()) {
                int from = sentenceStart(text, m.start());
                if (conditional.matcher(text.substring(from, m.start())).find() || !seen.add(m.start())) {
                    continue; // a criterion ("126 mg/dL 이상이면 당뇨병으로 진단합니다"), not this person's diagnosis
                }
                findings.add(new DraftCheck.Finding(DIAGNOSIS_LANGUAGE,
                        "conclusive wording \"" + m.group() + "\" at character " + m.start()
                                + "; use suspected wording (\"~이 의심됩니다\", \"suspected ~\")",
                        shown(report, DIAGNOSIS_LANGUAGE, quote(text, m.start(), m.end()), null, null)));
            }
        }
    }

    /**
     * Every disease a sentence calls suspected ("고혈압·당뇨병이 의심되어", "suspected hypertension") must be one the
     * judgement suspects; the official box labels ("고혈압·당뇨병·이상지질혈증 질환의심") are labels, not sentences.
     */
    private void suspicions(TemplateTexts.Bundle report, String text, Judgement judgement, List<DraftCheck.Finding> findings) {
        List<TargetDisease> suspected = judgement.suspectedDiseases();
        Set<TargetDisease> reported = EnumSet.noneOf(TargetDisease.class);
        for (String language : List.of(TemplateTexts.KO, TemplateTexts.EN)) {
            TemplateTexts.Bundle b = texts.bundle(language);
            String unlabelled = text;
            for (String label : List.of("flag.CARDIOMETABOLIC_SUSPECT", "flag.CARDIOMETABOLIC_SUSPECT.legacy")) {
                // "고혈압·당뇨병·이상지질혈증 질환의심:" heads a statement about those diseases; without the colon it is the box
                unlabelled = patterns.computeIfAbsent(language + " label " + label,
                        k -> Pattern.compile(Pattern.quote(b.text(label)) + "(?!\\s*:)")).matcher(unlabelled).replaceAll(" ");
            }
            Matcher m = pattern(b, "check.suspected").matcher(unlabelled);
            Pattern negation = pattern(b, "check.suspected.negation");
            Pattern conditional = pattern(b, "check.conditional");
            while (m.find()) {
                // "…이 의심되는 소견은 없습니다", "no suspected …", "높으면 …이 의심될 수 있으니": no claim that it is suspected
                int start = sentenceStart(unlabelled, m.start());
                int end = sentenceEnd(unlabelled, m.end());
                String before = unlabelled.substring(start, m.start());
                String after = unlabelled.substring(m.end(), end);
                if (negation.matcher(TemplateTexts.KO.equals(language) ? after : before).find()
                        || conditional.matcher(before).find()) {
                    continue;
                }
                String named = m.group();
                // longest names first: 복부비만 is not 비만
                for (TargetDisease disease : SUSPICION_ORDER) {
                    Matcher name = pattern(b, "check.disease." + disease.name()).matcher(named);
                    if (name.find()) {
                        named = name.replaceAll(" ");
                        if (!suspected.contains(disease) && reported.add(disease)) {
                            boolean treated = under(judgement, disease);
                            findings.add(new DraftCheck.Finding(SUSPICION_CONTRADICTION, disease.labelEn()
                                    + " is called suspected (\"" + m.group().strip() + "\") but the judgement does not suspect it"
                                    + (treated ? " (under treatment: its values add no suspect flag)" : ""),
                                    shown(report, SUSPICION_CONTRADICTION, quote(unlabelled, m.start(), m.end()), null,
                                            disease.label(report.language()) + " " + report.text("check.shown.SUSPICION_CONTRADICTION"
                                                    + (treated ? ".treated" : ".none")))));
                        }
                    }
                }
            }
        }
    }

    private static int sentenceEnd(String text, int position) {
        Matcher m = SENTENCE_END.matcher(text);
        return m.find(position) ? m.start() : text.length();
    }

    private static final List<TargetDisease> SUSPICION_ORDER = List.of(TargetDisease.ABDOMINAL_OBESITY, TargetDisease.OBESITY,
            TargetDisease.HYPERTENSION, TargetDisease.DIABETES, TargetDisease.DYSLIPIDEMIA, TargetDisease.ANEMIA,
            TargetDisease.LIVER_DISEASE, TargetDisease.KIDNEY_DISEASE, TargetDisease.CHEST_DISEASE);

    private static boolean under(Judgement judgement, TargetDisease disease) {
        return judgement.judgements() != null && java.util.Arrays.stream(JudgementUnit.values())
                .filter(u -> u.targetDisease() == disease)
                .map(u -> judgement.judgements().get(u.json()))
                .anyMatch(uj -> uj != null && uj.underTreatment());
    }

    /**
     * A screening with a critical (panic) value needs one sentence that tells the patient to seek care at once: an
     * urgency word ({@code check.urgency}: "즉시", "오늘", "immediately") and a care word ({@code check.urgency.care}:
     * "진료", "의료기관", "doctor") in the same sentence, in either order and in words of their own ("응급실" alone is not
     * both), a request to act ({@code check.urgency.act}: "받으세요", "see"), and no condition ({@code
     * check.urgency.conditional}) or negation ({@code check.urgency.negation}). "가까운 시일 내에 진료" is the routine
     * advice, not urgency; "바로 식단을 조절하세요" is no care; "기침이 계속되면 바로 진료를 받으십시오" is advice for later;
     * "즉시 진료가 필요한 소견은 없습니다" says the opposite; "오늘 받으신 결과는 의사가 확인하였습니다" asks nothing.
     */
    private void urgency(TemplateTexts.Bundle b, String text, List<String> criticalFindings,
                                List<DraftCheck.Finding> findings) {
        List<ItemKey> critical = CriticalFinding.items(criticalFindings);
        if (critical.isEmpty()) {
            return;
        }
        Pattern urgent = pattern(b, "check.urgency");
        Pattern care = pattern(b, "check.urgency.care");
        Pattern conditional = pattern(b, "check.urgency.conditional");
        Pattern negation = pattern(b, "check.urgency.negation");
        Pattern act = pattern(b, "check.urgency.act");
        int start = 0;
        Matcher end = SENTENCE_END.matcher(text);
        while (start < text.length()) {
            int stop = end.find() ? end.end() : text.length();
            String sentence = text.substring(start, stop);
            if (apart(urgent, care, sentence) && act.matcher(sentence).find()
                    && !conditional.matcher(sentence).find() && !negation.matcher(sentence).find()) {
                return;
            }
            start = stop;
        }
        findings.add(new DraftCheck.Finding(MISSING_URGENCY, critical.stream().map(ItemKey::json)
                .collect(Collectors.joining(", ")) + " is a critical (panic) value but no sentence tells the patient to"
                + " seek care at once (" + b.text("check.urgency.example") + ")", shown(b, MISSING_URGENCY, null,
                critical.stream().map(b::itemName).collect(Collectors.joining(", ")), null)));
    }

    /** Whether the sentence has a match of each pattern that do not overlap (one word is not both). */
    private static boolean apart(Pattern one, Pattern other, String sentence) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = one.matcher(sentence);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        Matcher o = other.matcher(sentence);
        while (o.find()) {
            int s = o.start();
            int e = o.end();
            if (spans.stream().anyMatch(span -> span[1] <= s || e <= span[0])) {
                return true;
            }
        }
        return false;
    }

    /**
     * A treatment the person is said to be on ("복용 중인 고혈압 약", "치료 중", "your medication"): the judgement knows of
     * one only through KNOWN_DISEASE (an active MedicationStatement, criteria §4.3). A condition ("복용 중인 약이 있다면",
     * "if you take medication") or a denial ("치료 중인 질환은 없습니다") is no claim.
     */
    private void treatments(TemplateTexts.Bundle b, String text, Judgement j, List<DraftCheck.Finding> findings) {
        if (flags(j).contains("KNOWN_DISEASE")) {
            return;
        }
        Matcher m = pattern(b, "check.treatment").matcher(text);
        Pattern before = pattern(b, "check.treatment.exception.before");
        Pattern after = pattern(b, "check.treatment.exception.after");
        while (m.find()) {
            int start = sentenceStart(text, m.start());
            int end = sentenceEnd(text, m.end());
            if (before.matcher(text.substring(start, m.start())).find() || after.matcher(text.substring(m.end(), end)).find()) {
                continue;
            }
            findings.add(new DraftCheck.Finding(INVENTED_TREATMENT, "\"" + m.group() + "\" at character " + m.start()
                    + " says the person is treated, but the judgement has no disease under drug treatment (no KNOWN_DISEASE)",
                    shown(b, INVENTED_TREATMENT, quote(text, start, end), null, null)));
            return;
        }
    }

    /** Advice that keeps the person from the next screening or from care ("건강검진을 받지 않으셔도 됩니다"). */
    private void harmfulAdvice(TemplateTexts.Bundle b, String text, List<DraftCheck.Finding> findings) {
        Matcher m = pattern(b, "check.harmful").matcher(text);
        Pattern before = pattern(b, "check.harmful.negation.before");
        Pattern after = pattern(b, "check.harmful.negation.after");
        while (m.find()) {
            int start = sentenceStart(text, m.start());
            int end = sentenceEnd(text, m.end());
            if (before.matcher(text.substring(start, m.start())).find() || after.matcher(text.substring(m.end(), end)).find()) {
                continue; // "검진을 받지 않으셔도 된다는 뜻은 아닙니다", "this does not mean you can skip screenings"
            }
            findings.add(new DraftCheck.Finding(HARMFUL_ADVICE, "\"" + m.group() + "\" at character " + m.start()
                    + " advises against future screenings or care", shown(b, HARMFUL_ADVICE, quote(text, start, end), null, null)));
        }
    }

    /**
     * A text in another language than the report's: its letters outside parentheses are mostly Latin on a Korean report
     * (or mostly Hangul on an English one), or a Korean text has a whole sentence in English. Korean item names in
     * parentheses ("Normal A (정상A)") and English abbreviations and units (HDL, mg/dL) belong to either.
     */
    private static void wrongLanguage(TemplateTexts.Bundle b, String text, List<DraftCheck.Finding> findings) {
        String plain = PARENTHESES.matcher(text).replaceAll(" ");
        long hangul = plain.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL).count();
        long latin = plain.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        if (hangul + latin < MIN_LETTERS) {
            return;
        }
        boolean korean = TemplateTexts.KO.equals(b.language());
        double share = (double) hangul / (hangul + latin);
        Optional<Span> sentence = Optional.empty();
        if (korean ? share >= HANGUL_SHARE : share <= HANGUL_SHARE) {
            // mostly the right script: a whole sentence in the other language still is one
            int start = 0;
            Matcher end = SENTENCE_END.matcher(text);
            while (sentence.isEmpty() && start < text.length()) {
                int stop = end.find() ? end.end() : text.length();
                String s = PARENTHESES.matcher(text.substring(start, stop)).replaceAll(" ");
                long h = s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL).count();
                long l = s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
                if (korean ? h == 0 && ENGLISH_WORD.matcher(s).results().count() >= ENGLISH_WORDS : h >= MIN_LETTERS && h > l) {
                    sentence = Optional.of(new Span(start, stop));
                }
                start = stop;
            }
            if (sentence.isEmpty()) {
                return;
            }
        }
        Span quoted = sentence.orElse(new Span(0, sentenceEnd(text, 0)));
        findings.add(new DraftCheck.Finding(WRONG_LANGUAGE, "the report is in " + b.language() + " but "
                + (sentence.isPresent() ? "the sentence at character " + quoted.start() + " is in another language"
                : Math.round(share * 100) + " % of the letters are Hangul"), shown(b, WRONG_LANGUAGE,
                quote(text, quoted.start(), quoted.end()), null, null)));
    }

    /** The judgement's flags and primary result. */
    private static Set<String> flags(Judgement j) {
        Set<String> flags = new HashSet<>();
        if (j.overall() != null) {
            if (j.overall().flags() != null) {
                flags.addAll(j.overall().flags());
            }
            if (j.overall().primary() != null) {
                flags.add(j.overall().primary());
            }
        }
        return flags;
    }

    /** The judgement units that apply but were not judged (no category; lipids not scheduled do not apply). */
    static List<JudgementUnit> notJudged(Judgement j) {
        List<JudgementUnit> units = new ArrayList<>();
        if (j.judgements() != null) {
            for (JudgementUnit unit : JudgementUnit.values()) {
                Judgement.UnitJudgement uj = j.judgements().get(unit.json());
                if (uj != null && uj.category() == null && !"not_scheduled".equals(uj.note())) {
                    units.add(unit);
                }
            }
        }
        return units;
    }

    private static String unitName(TemplateTexts.Bundle b, JudgementUnit unit) {
        return unit.items().stream().map(b::itemName).collect(Collectors.joining("·"));
    }

    /** An item's fact as the physician reads it: "116 mmHg (정상A)", "정상A" for a coded item. */
    static String truth(TemplateTexts.Bundle b, Judgement j, ItemKey key) {
        Judgement.Item item = j.items() == null ? null : j.items().get(key.json());
        Category category = category(j, key);
        String label = category == null ? "" : category.label(b.language());
        if (item == null || key.coded() || Values.decimal(item.value()).isEmpty()) {
            return label;
        }
        String value = Values.plain(Values.decimal(item.value()).orElseThrow()) + " " + Values.unitLabel(item.unit());
        return label.isEmpty() ? value : value + " (" + label + ")";
    }

    /** The text between start and end, on one line, cut at {@link #QUOTE_LENGTH}, personal data left out. */
    static String quote(String text, int start, int end) {
        String q = text.substring(Math.max(0, start), Math.min(text.length(), end)).replaceAll("\\s+", " ").strip();
        for (Pattern personal : List.of(PersonalDataScrubber.RRN, PersonalDataScrubber.PHONE, PersonalDataScrubber.EMAIL)) {
            q = personal.matcher(q).replaceAll("…");
        }
        return q.length() <= QUOTE_LENGTH ? q : q.substring(0, QUOTE_LENGTH - 1) + "…";
    }

    /** The finding as the physician reads it ({@code check.shown.<type>}). */
    static String shown(TemplateTexts.Bundle b, String type, String quote, String name, String truth) {
        Map<String, String> values = new HashMap<>();
        values.put("quote", quote == null ? "" : quote);
        values.put("name", name == null ? "" : name);
        values.put("truth", truth == null ? "" : truth);
        return b.text("check.shown." + type, values).replaceAll("\\s{2,}", " ").strip();
    }

    private static int sentenceStart(String text, int position) {
        int start = 0;
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find() && m.end() <= position) {
            start = m.end();
        }
        return start;
    }

    private static void piiLeaks(TemplateTexts.Bundle b, String text, List<DraftCheck.Finding> findings) {
        Set<Integer> at = new HashSet<>();
        for (var kind : List.of(Map.entry("resident registration number", PersonalDataScrubber.RRN),
                Map.entry("phone number", PersonalDataScrubber.PHONE), Map.entry("e-mail address", PersonalDataScrubber.EMAIL))) {
            Matcher m = kind.getValue().matcher(text);
            while (m.find()) {
                if (at.add(m.start())) {
                    findings.add(new DraftCheck.Finding(PII_LEAK,
                            kind.getKey() + "-shaped text at character " + m.start() + " (" + (m.end() - m.start()) + " characters)",
                            shown(b, PII_LEAK, null, null, null)));
                }
            }
        }
    }

    /**
     * A pattern of the bundle with {@code {disease}} filled in from {@code check.disease}, compiled once: the bundles
     * are loaded once, and compiling the grammar on every check was a tenth of a check's CPU.
     */
    private Pattern pattern(TemplateTexts.Bundle b, String key) {
        return patterns.computeIfAbsent(b.language() + ' ' + key, k -> {
            String regex = b.text(key);
            if (regex.contains("{disease}")) {
                regex = regex.replace("{disease}", b.text("check.disease"));
            }
            return Pattern.compile(regex, caseFlags(regex));
        });
    }

    /**
     * Case-insensitive matching, except for a regex without cased characters (Hangul, ASCII digits and signs, the
     * escapes {@code \s \S \d \D \b \B \n \t \r \f} and escaped signs), which matches the same without case
     * folding: folding each compared character was half of a Korean pattern's matching. A range of a class counts by
     * what it covers: {@code [가-힣]} and {@code [0-9]} are uncased, {@code [ㄱ-힣]} or {@code [!-~]} cover cased letters.
     * Anything else keeps the flags.
     */
    static int caseFlags(String regex) {
        int classDepth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '[') {
                classDepth++;
            } else if (c == ']' && classDepth > 0) {
                classDepth--;
            }
            boolean uncased = c == '\\'
                    ? ++i < regex.length() && ("sSdDbBntrf".indexOf(regex.charAt(i)) >= 0 || asciiSign(regex.charAt(i)))
                    : c == '-' && classDepth > 0 ? uncasedRange(regex, i)
                    : asciiSign(c) || Character.isDigit(c) && c < 0x80 || hangul(c);
            if (!uncased) {
                return Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            }
        }
        return 0;
    }

    /** A {@code -} in a class between two syllables or two ASCII digits; anything else (a literal {@code -} too) counts as cased. */
    private static boolean uncasedRange(String regex, int dash) {
        if (dash == 0 || dash + 1 >= regex.length()) {
            return false;
        }
        char lo = regex.charAt(dash - 1);
        char hi = regex.charAt(dash + 1);
        return syllable(lo) && syllable(hi) || lo >= '0' && hi <= '9' && lo <= hi;
    }

    private static boolean syllable(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }

    private static boolean asciiSign(char c) {
        return c < 0x80 && !Character.isLetterOrDigit(c);
    }

    /** Hangul syllables, jamo and compatibility jamo: no case, and no other character folds to one of them. */
    static boolean hangul(char c) {
        return c >= 0xAC00 && c <= 0xD7A3 || c >= 0x1100 && c <= 0x11FF || c >= 0x3130 && c <= 0x318F;
    }

    /** A name in the text: an item of the screening (key) or a test the screening does not contain (test). */
    record Hit(ItemKey key, String test, String name, int start, int end) {
        boolean item() {
            return key != null;
        }
    }

    private record Span(int start, int end) {
        boolean contains(int position) {
            return position >= start && position < end;
        }
    }

    /** One check of one text. */
    private final class Run {
        private final TemplateTexts.Bundle b;
        private final String text;
        private final Judgement j;
        /** The item an explanation is about; null for free text. */
        private final ItemKey about;
        private final List<Hit> hits;
        private final List<Span> sentences = new ArrayList<>();
        private final List<Span> clauses = new ArrayList<>();
        private final Set<Integer> consumed = new HashSet<>();

        Run(TemplateTexts.Bundle b, String text, Judgement j, ItemKey about) {
            this.b = b;
            this.text = text;
            this.j = j;
            this.about = about;
            this.hits = lexicon.names(b, text);
            int start = 0;
            Matcher m = SENTENCE_END.matcher(text);
            while (m.find()) {
                addSentence(start, m.end());
                start = m.end();
            }
            addSentence(start, text.length());
        }

        private void addSentence(int start, int end) {
            if (end <= start) {
                return;
            }
            sentences.add(new Span(start, end));
            Matcher c = p("check.contrast").matcher(text).region(start, end);
            int from = start;
            while (c.find()) {
                if (c.end() > from) {
                    clauses.add(new Span(from, c.end()));
                    from = c.end();
                }
            }
            if (end > from) {
                clauses.add(new Span(from, end));
            }
        }

        private Pattern p(String key) {
            return pattern(b, key);
        }

        private Span sentenceAt(int position) {
            return sentences.stream().filter(s -> s.contains(position)).findFirst().orElse(new Span(0, text.length()));
        }

        private Span clauseAt(int position) {
            return clauses.stream().filter(s -> s.contains(position)).findFirst().orElse(sentenceAt(position));
        }

        private List<Hit> hitsIn(Span span) {
            return hits.stream().filter(h -> span.contains(h.start())).toList();
        }

        // --- values ---------------------------------------------------------------------------------

        private Judgement.Item item(ItemKey key) {
            return j.items() == null ? null : j.items().get(key.json());
        }

        private Optional<BigDecimal> value(ItemKey key) {
            Judgement.Item item = item(key);
            if (item == null || !(item.status() == ItemStatus.VALID || item.measuredNotDue()) || key.coded()) {
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

        /**
         * A value stated in a unit the item is accepted in equals the item's value. In the canonical unit: the value at
         * the item's precision. In another unit: the reported value in that unit, or, converted to the canonical unit,
         * the stated value's rounding interval (7.3 means 7.25 to 7.35) holds the canonical value.
         */
        private boolean matchesIn(ItemKey key, BigDecimal stated, String ucum) {
            BigDecimal canonical = value(key).orElse(null);
            if (canonical == null) {
                return false;
            }
            if (ItemUnits.toCanonical(key, ucum, BigDecimal.ONE).orElseThrow().compareTo(BigDecimal.ONE) == 0) {
                return stated.setScale(key.scale(), RoundingMode.HALF_UP).compareTo(canonical.setScale(key.scale(), RoundingMode.HALF_UP)) == 0;
            }
            Judgement.Item item = item(key);
            Optional<BigDecimal> reported = Values.decimal(item.reportedValue());
            if (reported.isPresent() && reported.get().compareTo(stated) == 0 && item.reportedUnit() != null
                    && ItemUnits.toCanonical(key, item.reportedUnit(), BigDecimal.ONE).equals(ItemUnits.toCanonical(key, ucum, BigDecimal.ONE))) {
                return true;
            }
            BigDecimal half = BigDecimal.valueOf(5, Math.max(stated.scale(), 0) + 1);
            BigDecimal low = ItemUnits.toCanonical(key, ucum, stated.subtract(half)).orElseThrow();
            BigDecimal high = ItemUnits.toCanonical(key, ucum, stated.add(half)).orElseThrow();
            BigDecimal slack = BigDecimal.valueOf(5, key.scale() + 1);
            return canonical.compareTo(low.subtract(slack)) >= 0 && canonical.compareTo(high.add(slack)) <= 0;
        }

        /** The item's value as the report prints it, with the reported value when it was given in another unit. */
        private String valueText(ItemKey key) {
            Judgement.Item item = item(key);
            String s = Values.plain(value(key).orElseThrow()) + " " + Values.unitLabel(item.unit());
            Optional<BigDecimal> reported = Values.decimal(item.reportedValue());
            if (reported.isPresent() && item.reportedUnit() != null && !item.reportedUnit().equals(item.unit())) {
                s += " (" + Values.plain(reported.get()) + " " + Values.unitLabel(item.reportedUnit()) + ")";
            }
            return s;
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

        private Optional<String> unitAfter(int end) {
            Matcher m = UNIT_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 24)));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        private int afterUnit(int end) {
            Matcher m = UNIT_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 24)));
            return m.find() ? end + m.end() : end;
        }

        /** The number is in a clause about another time ("지난 검진 때는", "last year"): no value of this judgement. */
        private boolean otherTime(int position) {
            Span clause = clauseAt(position);
            return p("check.otherTime").matcher(text.substring(clause.start(), clause.end())).find();
        }

        /** A threshold, target, range bound, change, count, age or date rather than a measured value. */
        private boolean notAValue(int start, int end) {
            int from = clauseAt(start).start();
            String before = text.substring(Math.max(from, start - 30), start);
            int unitEnd = afterUnit(end);
            String after = text.substring(end, Math.min(text.length(), end + 24));
            String afterTheUnit = text.substring(unitEnd, Math.min(text.length(), unitEnd + 24));
            Span sentence = sentenceAt(start);
            return p("check.target").matcher(text.substring(sentence.start(), sentence.end())).find()
                    || p("check.threshold.before").matcher(before).find() || p("check.change.before").matcher(before).find()
                    || p("check.threshold.after").matcher(afterTheUnit).find()
                    || p("check.change.after").matcher(afterTheUnit).find()
                    || (unitEnd == end && p("check.count.after").matcher(after).find());
        }

        /** Numbers of the text, attributed to the item named before them (or the explanation's item). */
        void values(List<DraftCheck.Finding> findings) {
            bloodPressurePairs(findings);
            Set<Hit> postfixed = postfixNames(findings);
            for (int h = 0; h < hits.size(); h++) {
                Hit hit = hits.get(h);
                if (postfixed.contains(hit)) {
                    continue;
                }
                int limit = Math.min(Math.min(sentenceAt(hit.start()).end(), hit.end() + NAME_WINDOW),
                        h + 1 < hits.size() ? hits.get(h + 1).start() : text.length());
                Matcher m = NUMBER.matcher(text).region(hit.end(), Math.max(hit.end(), sentenceAt(hit.start()).end()));
                while (m.find() && m.start() < limit) {
                    if (consumed.contains(m.start())) {
                        continue;
                    }
                    if (!hit.item() || otherTime(m.start())) {
                        break; // a test the screening lacks: its value is no value of the judgement (below)
                    }
                    consumed.add(m.start());
                    if (notAValue(m.start(), m.end())) {
                        continue;
                    }
                    compare(hit.key(), "\"" + hit.name() + "\" is followed by ", m, findings);
                    break;
                }
            }
            if (about != null) {
                Matcher m = NUMBER.matcher(text);
                while (m.find()) {
                    int at = m.start();
                    boolean named = hits.stream().anyMatch(h -> h.start() < at && sentenceAt(at).contains(h.start()));
                    if (!consumed.contains(at) && !named && unitAfter(m.end()).isPresent() && !otherTime(at)) {
                        consumed.add(at);
                        if (!notAValue(at, m.end())) {
                            compare(about, "the explanation of " + about.json() + " states ", m, findings);
                        }
                    }
                }
            }
            unsupportedValues(findings);
        }

        /** English puts the name after the value too: "120 mmHg systolic and 86 mmHg diastolic". */
        private Set<Hit> postfixNames(List<DraftCheck.Finding> findings) {
            Set<Hit> named = new HashSet<>();
            if (!TemplateTexts.EN.equals(b.language())) {
                return named;
            }
            for (Hit hit : hits) {
                int from = Math.max(sentenceAt(hit.start()).start(), hit.start() - 30);
                Matcher m = POSTFIX.matcher(text).region(from, hit.start());
                if (hit.item() && m.find() && !consumed.contains(m.start(1))) {
                    consumed.add(m.start(1));
                    named.add(hit);
                    if (!notAValue(m.start(1), m.end(1))) {
                        compare(hit.key(), "\"" + hit.name() + "\" follows ", m.group(1), m.start(1), m.end(1), findings);
                    }
                }
            }
            return named;
        }

        private void compare(ItemKey key, String what, Matcher m, List<DraftCheck.Finding> findings) {
            compare(key, what, m.group(), m.start(), m.end(), findings);
            // "131 mg/dL(약 7.3 mmol/L)": the same value in another unit belongs to the same item
            Matcher again = RESTATED.matcher(text.substring(afterUnit(m.end()), Math.min(text.length(), afterUnit(m.end()) + 30)));
            if (again.find() && again.group(2) != null) {
                int offset = afterUnit(m.end());
                consumed.add(offset + again.start(1));
                compare(key, what, again.group(1), offset + again.start(1), offset + again.end(1), findings);
            }
        }

        private void compare(ItemKey key, String what, String number, int start, int end, List<DraftCheck.Finding> findings) {
            Judgement.Item item = item(key);
            Optional<String> unit = unitAfter(end);
            String statedText = number + unit.map(u -> " " + u).orElse("");
            if (!key.coded() && (item == null || item.status() == ItemStatus.MISSING
                    || item.status() == ItemStatus.NOT_SCHEDULED && !item.measuredNotDue())) {
                // a value measured outside the schedule is reported (not judged), so it is supported
                if (unit.isPresent()) {
                    findings.add(new DraftCheck.Finding(UNSUPPORTED_TEST, what + statedText + " at character " + start
                            + ", but this screening did not measure " + key.json(), shown(b, UNSUPPORTED_TEST,
                            b.itemName(key) + " " + statedText, null, null)));
                }
                return;
            }
            if (value(key).isEmpty()) {
                return;
            }
            BigDecimal stated = parse(number);
            String truth = valueText(key);
            if (unit.isEmpty()) {
                if (!matches(key, stated)) {
                    findings.add(new DraftCheck.Finding(NUMBER_MISMATCH, what + statedText + " at character " + start
                            + ", but " + describe(key), shown(b, NUMBER_MISMATCH, statedText, b.itemName(key), truth)));
                }
                return;
            }
            String ucum = ucum(unit.get());
            boolean accepted = ItemUnits.toCanonical(key, ucum, stated).isPresent();
            if (accepted && matchesIn(key, stated, ucum)) {
                return;
            }
            if (!accepted || matches(key, stated)) {
                findings.add(new DraftCheck.Finding(UNIT_MISMATCH, what + statedText + " at character " + start
                        + ": " + (accepted ? "the number is the value in another unit; " : key.json() + " is not measured in "
                        + unit.get() + "; ") + describe(key), shown(b, UNIT_MISMATCH, statedText, b.itemName(key), truth)));
            } else {
                findings.add(new DraftCheck.Finding(NUMBER_MISMATCH, what + statedText + " at character " + start
                        + ", but " + describe(key), shown(b, NUMBER_MISMATCH, statedText, b.itemName(key), truth)));
            }
        }

        private static String ucum(String unit) {
            String spelled = unit.toLowerCase().replace('μ', 'µ').replaceAll("\\s+", " ");
            return UNIT_SPELLINGS.getOrDefault(spelled, unit);
        }

        private void bloodPressurePairs(List<DraftCheck.Finding> findings) {
            Matcher pair = BP_PAIR.matcher(text);
            while (pair.find()) {
                int from = clauseAt(pair.start()).start();
                boolean bp = BP_WORD.matcher(text.substring(Math.max(from, pair.start() - 20), pair.start())).find()
                        || MMHG_AFTER.matcher(text.substring(pair.end())).find()
                        || about == ItemKey.SYSTOLIC_BP || about == ItemKey.DIASTOLIC_BP;
                if (!bp) {
                    continue;
                }
                consumed.add(pair.start(1));
                consumed.add(pair.start(2));
                if (notAValue(pair.start(1), pair.end(1)) || notAValue(pair.start(2), pair.end(2))) {
                    continue;
                }
                String stated = quote(text, pair.start(), afterUnit(pair.end()));
                comparePair(ItemKey.SYSTOLIC_BP, pair.group(1), pair.start(1), stated, findings);
                comparePair(ItemKey.DIASTOLIC_BP, pair.group(2), pair.start(2), stated, findings);
            }
        }

        private void comparePair(ItemKey key, String number, int at, String stated, List<DraftCheck.Finding> findings) {
            if (value(key).isPresent() && !matches(key, parse(number))) {
                // both components as the report prints them: "본문 “126/84 mmHg” ↔ 결과 혈압 116/74 mmHg"
                String truth = value(ItemKey.SYSTOLIC_BP).map(Values::plain).orElse("?") + "/"
                        + value(ItemKey.DIASTOLIC_BP).map(Values::plain).orElse("?") + " mmHg";
                findings.add(new DraftCheck.Finding(NUMBER_MISMATCH, "blood pressure pair states " + number
                        + " at character " + at + ", but " + describe(key), shown(b, NUMBER_MISMATCH, stated,
                        b.itemName(ItemKey.SYSTOLIC_BP) + "/" + b.itemName(ItemKey.DIASTOLIC_BP), truth)));
            }
        }

        /** The number is a value of the judgement: as judged, as reported, or converted into the stated unit. */
        private boolean supported(BigDecimal stated, Optional<String> unit) {
            if (j.items() == null) {
                return false;
            }
            if (unit.isPresent()) {
                for (ItemKey key : ItemKey.values()) {
                    String ucum = ucum(unit.get());
                    if (value(key).isPresent() && ItemUnits.toCanonical(key, ucum, stated).isPresent()
                            && ItemUnits.toCanonical(key, ucum, BigDecimal.ONE).orElseThrow().compareTo(BigDecimal.ONE) != 0
                            && matchesIn(key, stated, ucum)) {
                        return true;
                    }
                }
            }
            for (Judgement.Item i : j.items().values()) {
                for (Object v : new Object[] {i.value(), i.reportedValue()}) {
                    Optional<BigDecimal> d = Values.decimal(v);
                    if (d.isPresent() && (d.get().compareTo(stated) == 0
                            || d.get().setScale(Math.max(stated.scale(), 0), RoundingMode.HALF_UP).compareTo(stated) == 0)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Values nobody named: with a unit, or without one where the wording makes them a person's result. */
        private void unsupportedValues(List<DraftCheck.Finding> findings) {
            Matcher m = NUMBER.matcher(text);
            while (m.find()) {
                if (consumed.contains(m.start()) || notAValue(m.start(), m.end())) {
                    continue;
                }
                Optional<String> unit = unitAfter(m.end());
                boolean patientValue = unit.isPresent();
                if (!patientValue) {
                    String before = text.substring(Math.max(clauseAt(m.start()).start(), m.start() - 20), m.start());
                    String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
                    patientValue = p("check.patientValue.before").matcher(before).find()
                            || p("check.patientValue.after").matcher(after).find();
                }
                if (patientValue && !supported(parse(m.group()), unit)) {
                    findings.add(new DraftCheck.Finding(UNSUPPORTED_VALUE, "\"" + m.group() + unit.map(u -> " " + u).orElse("")
                            + "\" at character " + m.start() + " is not a value of this judgement",
                            shown(b, UNSUPPORTED_VALUE, quote(text, clauseAt(m.start()).start(), clauseAt(m.start()).end()), null, null)));
                }
            }
        }

        // --- tests the screening does not contain ---------------------------------------------------

        void unsupportedTests(List<DraftCheck.Finding> findings) {
            Set<String> reported = new HashSet<>();
            for (Hit hit : hits) {
                if (hit.item()) {
                    continue;
                }
                Span clause = clauseAt(hit.start());
                String clauseText = text.substring(clause.start(), clause.end());
                Matcher number = NUMBER.matcher(text).region(hit.end(), Math.min(clause.end(), hit.end() + NAME_WINDOW));
                boolean withValue = false;
                while (!withValue && number.find()) {
                    withValue = !notAValue(number.start(), number.end());
                }
                if (!withValue && p("check.recommend").matcher(clauseText).find()) {
                    continue; // "필요하면 복부 초음파 검사를 받아 보십시오": advice, not a result
                }
                if (reported.add(hit.test() + ":" + clause.start())) {
                    findings.add(new DraftCheck.Finding(UNSUPPORTED_TEST, "\"" + hit.name() + "\" at character " + hit.start()
                            + " names " + (withValue ? "a result of " : "") + "a test this screening does not contain",
                            shown(b, UNSUPPORTED_TEST, quote(text, clause.start(), clause.end()), null, null)));
                }
            }
        }

        // --- missing findings (texts) ---------------------------------------------------------------

        /** The item is named in a sentence that states its value, its code or an assessment, not only in passing. */
        private boolean reports(Hit hit) {
            Span s = sentenceAt(hit.start());
            String sentence = text.substring(s.start(), s.end());
            if (p("check.assessment").matcher(sentence).find()) {
                return true;
            }
            Judgement.Item item = item(hit.key());
            if (hit.key().coded()) {
                String code = item.value() instanceof String c ? c : String.valueOf(item.reportedValue());
                String label = "code." + hit.key().json() + "." + code;
                return b.has(label) && sentence.contains(b.text(label));
            }
            Matcher m = NUMBER.matcher(sentence);
            while (m.find()) {
                if (matches(hit.key(), parse(m.group()))) {
                    return true;
                }
            }
            return false;
        }

        void missingFindings(List<DraftCheck.Finding> findings) {
            Set<ItemKey> reportedKeys = EnumSet.noneOf(ItemKey.class);
            Set<ItemKey> named = EnumSet.noneOf(ItemKey.class);
            for (Hit h : hits) {
                if (h.item()) {
                    named.add(h.key());
                    if (item(h.key()) != null && reports(h)) {
                        reportedKeys.add(h.key());
                    }
                }
            }
            Set<ItemKey> missing = EnumSet.noneOf(ItemKey.class);
            for (ItemKey key : needingFinding(j)) {
                if (!reportedKeys.contains(key)) {
                    missing.add(key);
                    findings.add(new DraftCheck.Finding(MISSING_FINDING, key.json() + " is " + category(j, key)
                            + (named.contains(key) ? " but the draft names it only in passing, without its result"
                            : " but the draft does not name it") + " (e.g. \"" + b.itemName(key) + "\")",
                            shown(b, MISSING_FINDING, null, b.itemName(key), truth(b, j, key))));
                }
            }
            unitsWithoutFinding(b, j, k -> reportedKeys.contains(k) || missing.contains(k), findings);
        }

        // --- claims: normal, other categories, overall ----------------------------------------------

        /** The items a clause speaks of: named in it and not excepted ("HDL을 제외한 나머지", "except HDL"). */
        private List<Hit> subjects(Span clause) {
            List<Hit> in = hitsIn(clause).stream().filter(Hit::item).toList();
            Matcher after = p("check.exception.after").matcher(text).region(clause.start(), clause.end());
            int exceptedUntil = -1;
            while (after.find()) {
                if (after.end() > after.start()) {
                    exceptedUntil = after.start();
                }
            }
            Matcher before = p("check.exception.before").matcher(text).region(clause.start(), clause.end());
            int exceptedFrom = before.find() ? before.end() : Integer.MAX_VALUE;
            int until = exceptedUntil;
            return in.stream().filter(h -> h.end() > until && h.start() < exceptedFrom).toList();
        }

        private boolean negated(Span clause, int start, int end) {
            String after = PARENTHESES.matcher(text.substring(end, Math.min(clause.end(), end + 40))).replaceAll("");
            String before = text.substring(Math.max(clause.start(), start - 40), start);
            return p("check.normalNegation.after").matcher(after).find() || p("check.normalNegation.before").matcher(before).find();
        }

        /** The items a clause without a subject refers back to: those named just before, in the same paragraph. */
        private List<ItemKey> antecedents(int clauseIndex) {
            Span clause = clauses.get(clauseIndex);
            Span sentence = sentenceAt(clause.start());
            for (int c = clauseIndex - 1; c >= 0; c--) {
                Span previous = clauses.get(c);
                Span previousSentence = sentenceAt(previous.start());
                boolean sameSentence = previousSentence.equals(sentence);
                if (!sameSentence && !continues(previousSentence, sentence)) {
                    break;
                }
                List<Hit> named = subjects(previous);
                if (!named.isEmpty()) {
                    return named.stream().map(Hit::key).distinct().toList();
                }
                if (!sameSentence && sentences.indexOf(previousSentence) < sentences.indexOf(sentence) - 1) {
                    break;
                }
            }
            return about == null ? List.of() : List.of(about);
        }

        /** The next sentence continues the previous one's topic: same line, or a line that is no list item or heading. */
        private boolean continues(Span previous, Span next) {
            String between = text.substring(previous.start(), next.start());
            if (!between.contains("\n")) {
                return true;
            }
            String line = text.substring(next.start(), next.end());
            return !between.matches("(?s).*\\n\\s*\\n.*") && !LIST_LINE.matcher(line).find()
                    && !LIST_LINE.matcher(text.substring(previous.start(), previous.end())).find();
        }

        void claims(List<DraftCheck.Finding> findings) {
            boolean abnormal = anyAbnormal(j);
            Set<String> reported = new HashSet<>();
            overallStated(findings, reported);
            for (int c = 0; c < clauses.size(); c++) {
                Span clause = clauses.get(c);
                categoryWords(clause, c, findings, reported);
                directions(clause, findings, reported);
                Matcher m = p("check.normalClaim").matcher(text).region(clause.start(), clause.end());
                while (m.find()) {
                    if (negated(clause, m.start(), m.end())) {
                        continue;
                    }
                    claim(clause, c, m, abnormal, findings, reported);
                    break;
                }
            }
        }

        private void claim(Span clause, int c, Matcher m, boolean abnormal, List<DraftCheck.Finding> findings,
                           Set<String> reported) {
            List<Hit> subjects = subjects(clause);
            String clauseText = text.substring(clause.start(), clause.end());
            Span sentence = sentenceAt(clause.start());
            String sentenceText = text.substring(sentence.start(), sentence.end());
            if (!subjects.isEmpty()) {
                subjects.stream().filter(h -> category(j, h.key()) == Category.DISEASE_SUSPECT).findFirst()
                        .ifPresent(h -> contradiction(h.key(), h.name(), clause, m.group(), findings, reported));
                return;
            }
            if (p("check.otherSubject").matcher(clauseText).find()) {
                return; // "나머지 항목은 정상입니다": about the others
            }
            boolean overall = p("check.overall").matcher(clauseText).find();
            List<ItemKey> antecedents = overall ? List.of() : antecedents(c);
            if (!antecedents.isEmpty()) {
                antecedents.stream().filter(k -> category(j, k) == Category.DISEASE_SUSPECT).findFirst()
                        .ifPresent(k -> contradiction(k, b.itemName(k), clause, m.group(), findings, reported));
                return;
            }
            boolean claimsAll = overall || p("check.noAbnormality").matcher(m.group()).find();
            if (!claimsAll || p("check.overall.hedge").matcher(sentenceText).find() || reported.contains("overall:" + sentence.start())) {
                return;
            }
            String quoted = quote(text, sentence.start(), sentence.end());
            List<JudgementUnit> notJudged = notJudged(j);
            if (abnormal) {
                reported.add("overall:" + sentence.start());
                findings.add(new DraftCheck.Finding(OVERALL_CONTRADICTION, "the sentence at character " + sentence.start()
                        + " says \"" + m.group() + "\" of the results as a whole, but " + abnormalSummary(),
                        shown(b, OVERALL_CONTRADICTION, quoted, null, flagLabels())));
            } else if (!notJudged.isEmpty() && !p("check.overall.judgedOnly").matcher(sentenceText).find()
                    && !p("check.overallStated").matcher(sentenceText).find()) {
                // "all items fine" while an applicable unit was not judged (unknown sex, an invalid value): say what was judged
                reported.add("overall:" + sentence.start());
                findings.add(new DraftCheck.Finding(OVERALL_CONTRADICTION, "the sentence at character " + sentence.start()
                        + " says \"" + m.group() + "\" of the results as a whole, but " + notJudged.stream()
                        .map(JudgementUnit::json).collect(Collectors.joining(", ")) + " not judged",
                        shown(b, "OVERALL_NOT_JUDGED", quoted, null, notJudged.stream().map(u -> unitName(b, u))
                                .collect(Collectors.joining(", ")))));
            }
        }

        /** The judgement's overall result in the report's words ("정상A", "고혈압·당뇨병·이상지질혈증 질환의심, 유질환자"). */
        private String flagLabels() {
            List<String> flags = j.overall() == null || j.overall().flags() == null ? List.of() : j.overall().flags();
            return flags.stream().map(f -> b.has("flag." + f) ? b.text("flag." + f) : f)
                    .collect(Collectors.joining(b.text("flag.separator")));
        }

        /**
         * A stated overall result ("종합판정: 정상B(경계)", "Overall: normal A") must be a flag of the judgement: the category
         * words after it (check.category.*, both languages: the English labels carry the Korean ones) each name one; 정상A
         * also needs a complete case (criteria §4.5).
         */
        private void overallStated(List<DraftCheck.Finding> findings, Set<String> reported) {
            if (j.overall() == null) {
                return;
            }
            Set<String> flags = flags(j);
            Map<Category, Boolean> fits = Map.of(Category.NORMAL_A, flags.contains("NORMAL_A") && j.overall().complete(),
                    Category.NORMAL_B, flags.contains("NORMAL_B"),
                    Category.DISEASE_SUSPECT, flags.contains("GENERAL_SUSPECT") || flags.contains("CARDIOMETABOLIC_SUSPECT"));
            Matcher m = p("check.overallStated").matcher(text);
            while (m.find()) {
                Span clause = clauseAt(m.end());
                int end = Math.max(m.end(), clause.end());
                String said = text.substring(m.end(), end);
                List<String> wrong = new ArrayList<>();
                for (String language : List.of(TemplateTexts.KO, TemplateTexts.EN)) {
                    TemplateTexts.Bundle any = texts.bundle(language);
                    fits.forEach((category, fine) -> {
                        Matcher word = pattern(any, "check.category." + category.name()).matcher(said);
                        if (!fine && word.find() && !wrong.contains(word.group())) {
                            wrong.add(word.group());
                        }
                    });
                    Matcher known = pattern(any, "check.category.KNOWN_DISEASE").matcher(said);
                    if (!flags.contains("KNOWN_DISEASE") && known.find() && !wrong.contains(known.group())) {
                        wrong.add(known.group());
                    }
                }
                Span sentence = sentenceAt(m.start());
                if (!wrong.isEmpty() && reported.add("overall:" + sentence.start())) {
                    findings.add(new DraftCheck.Finding(OVERALL_CONTRADICTION, "the text states the overall result as \""
                            + String.join(", ", wrong) + "\" at character " + m.start() + ", but the judgement's flags are "
                            + String.join(", ", j.overall().flags() == null ? List.of() : j.overall().flags())
                            + (j.overall().complete() ? "" : " (incomplete: never 정상A)"),
                            shown(b, OVERALL_CONTRADICTION, quote(text, m.start(), end), null, flagLabels())));
                }
            }
        }

        /**
         * A direction or abnormality ("간 기능 수치가 약간 높으니", "혈당이 높", "your blood pressure is high") said of items
         * that are all 정상A: the items named before it in its clause, by name or by a group word of a target disease
         * ({@code check.group.<disease>}: the items of that disease's judgement units). Not when denied ("높지 않습니다",
         * "not high"), supposed ("높으면", "if … high", "높아질 수 있으니"), advised ("낮게 유지") or set as a target.
         */
        private void directions(Span clause, List<DraftCheck.Finding> findings, Set<String> reported) {
            Matcher m = p("check.direction").matcher(text).region(clause.start(), clause.end());
            Span sentence = sentenceAt(clause.start());
            if (p("check.target").matcher(text.substring(sentence.start(), sentence.end())).find()) {
                return;
            }
            while (m.find()) {
                String before = text.substring(clause.start(), m.start());
                String after = text.substring(m.end(), Math.min(clause.end(), m.end() + 20));
                if (p("check.direction.negation.after").matcher(after).find() || p("check.direction.negation.before").matcher(before).find()
                        || p("check.direction.conditional").matcher(after).find() || p("check.conditional").matcher(before).find()
                        || p("check.direction.advice").matcher(after).find()) {
                    continue;
                }
                int at = m.start();
                Map<ItemKey, String> named = new java.util.LinkedHashMap<>();
                subjects(clause).stream().filter(h -> h.start() < at).forEach(h -> named.putIfAbsent(h.key(), h.name()));
                // a group word ("간 기능", "콜레스테롤") only speaks for the clause when no item is named in it
                for (TargetDisease disease : named.isEmpty() ? TargetDisease.values() : new TargetDisease[0]) {
                    if (!b.has("check.group." + disease.name())) {
                        continue;
                    }
                    Matcher g = p("check.group." + disease.name()).matcher(text).region(clause.start(), at);
                    while (g.find()) {
                        int gs = g.start();
                        int ge = g.end();
                        if (hits.stream().noneMatch(h -> h.start() < ge && gs < h.end())) {
                            String word = g.group();
                            java.util.Arrays.stream(JudgementUnit.values()).filter(u -> u.targetDisease() == disease)
                                    .flatMap(u -> u.items().stream()).forEach(k -> named.putIfAbsent(k, word));
                        }
                    }
                }
                List<ItemKey> judged = named.keySet().stream().filter(k -> item(k) != null && item(k).status() == ItemStatus.VALID
                        && category(j, k) != null).toList();
                if (!judged.isEmpty() && judged.stream().allMatch(k -> category(j, k) == Category.NORMAL_A)
                        && reported.add(judged.get(0) + ":" + clause.start())) {
                    String truth = judged.stream().map(k -> b.itemName(k) + " " + truth(b, j, k)).collect(Collectors.joining(", "));
                    findings.add(new DraftCheck.Finding(CATEGORY_CONTRADICTION, "the clause at character " + clause.start()
                            + " says \"" + m.group() + "\" of \"" + named.get(judged.get(0)) + "\" ("
                            + judged.stream().map(ItemKey::json).collect(Collectors.joining(", ")) + ", all NORMAL_A)",
                            shown(b, CATEGORY_CONTRADICTION, quote(text, clause.start(), clause.end()), "", truth)));
                }
                return;
            }
        }

        private String abnormalSummary() {
            Set<ItemKey> keys = EnumSet.copyOf(needingFinding(j));
            keys.removeIf(k -> category(j, k) == Category.UNCLASSIFIED);
            return keys.isEmpty() ? "a judgement unit is NORMAL_B or worse"
                    : keys.stream().map(k -> k.json() + " is " + category(j, k)).reduce((a, x) -> a + ", " + x).orElse("");
        }

        private void contradiction(ItemKey key, String name, Span clause, String said, List<DraftCheck.Finding> findings,
                                   Set<String> reported) {
            if (reported.add(key + ":" + clause.start())) {
                findings.add(new DraftCheck.Finding(CATEGORY_CONTRADICTION, "the clause at character " + clause.start()
                        + " speaks of \"" + name + "\" (" + key.json() + ", " + category(j, key) + ") and says \"" + said + "\"",
                        shown(b, CATEGORY_CONTRADICTION, quote(text, clause.start(), clause.end()), b.itemName(key), truth(b, j, key))));
            }
        }

        /** A category label of another category said of an item (정상A of a suspect item, 질환의심 of a borderline one). */
        private void categoryWords(Span clause, int c, List<DraftCheck.Finding> findings, Set<String> reported) {
            for (Category said : List.of(Category.NORMAL_A, Category.NORMAL_B, Category.DISEASE_SUSPECT)) {
                Matcher m = p("check.category." + said.name()).matcher(text).region(clause.start(), clause.end());
                while (m.find()) {
                    if (negated(clause, m.start(), m.end())) {
                        continue;
                    }
                    List<ItemKey> keys = subjects(clause).stream().map(Hit::key).distinct().toList();
                    if (keys.isEmpty()) {
                        keys = antecedents(c);
                    }
                    // said of a group ("혈압 … 경계 범위"): a contradiction only when no item of it is in that category
                    boolean fits = keys.stream().map(k -> category(j, k))
                            .anyMatch(actual -> actual == null || actual == said || actual == Category.UNCLASSIFIED);
                    if (!keys.isEmpty() && !fits) {
                        contradiction(keys.get(0), b.itemName(keys.get(0)), clause, m.group(), findings, reported);
                    }
                    break;
                }
            }
        }
    }
}
