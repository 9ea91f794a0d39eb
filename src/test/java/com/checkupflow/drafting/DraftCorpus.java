package com.checkupflow.drafting;

import com.checkupflow.drafting.CorpusDefects.Form;
import com.checkupflow.drafting.CorpusFacts.Converted;
import com.checkupflow.drafting.CorpusFacts.Fact;
import com.checkupflow.drafting.CorpusPhrasings.Family;
import com.checkupflow.drafting.CorpusPhrasings.Kind;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.TargetDisease;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The evaluation corpus of the draft check: model answers (the draft_summary JSON) written for test screenings in
 * Korean and English, faithful ones and ones with exactly one planted defect. Seeded, so every run builds the same
 * corpus. The corpus knows the screening only through the judgement and writes its text from its own phrasing
 * families ({@link CorpusPhrasings}, {@link CorpusDefects}); it shares nothing with the checker.
 */
final class DraftCorpus {

    /** The defect classes, named as the check names its finding types. */
    static final List<String> DEFECTS = List.of("NUMBER_MISMATCH", "UNIT_MISMATCH", "UNSUPPORTED_VALUE", "UNSUPPORTED_TEST",
            "MISSING_FINDING", "CATEGORY_CONTRADICTION", "OVERALL_CONTRADICTION", "DIAGNOSIS_LANGUAGE", "BAD_CITATION",
            "PII_LEAK", "MISSING_URGENCY", "INVENTED_TREATMENT", "HARMFUL_ADVICE", "WRONG_LANGUAGE");

    static final List<String> LANGUAGES = List.of("ko", "en");

    /**
     * One model answer. {@code defect} is null for a faithful answer; {@code form} names the defect's surface form;
     * {@code families} the phrasing families the answer uses.
     */
    record Sample(String id, String language, Judgement judgement, String answerJson, String defect, String form,
                  List<String> families, List<String> criticalFindings) {
        boolean faithful() {
            return defect == null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POOL = 400;
    private static final int ATTEMPTS = 500;

    private final Random random;
    private final List<Judgement> pool = new ArrayList<>();

    private DraftCorpus(long seed) {
        this.random = new Random(seed);
        pool.addAll(List.of(DraftExamples.normal(), DraftExamples.mixed(), DraftExamples.knownDisease(),
                DraftExamples.incomplete(), DraftExamples.incompleteButOtherwiseNormal()));
        while (pool.size() < POOL) {
            pool.add(RandomJudgements.next(random));
        }
    }

    /** {@code faithful} and {@code perDefect} answers per language. */
    static List<Sample> build(long seed, int faithful, int perDefect) {
        DraftCorpus corpus = new DraftCorpus(seed);
        List<Sample> samples = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (int i = 0; i < faithful; i++) {
                Writer w = corpus.writer(corpus.pool.get(corpus.random.nextInt(corpus.pool.size())), language);
                Answer answer = w.faithful(Set.of());
                samples.add(corpus.sample(language + "-faithful-" + i, w, answer, null, null));
            }
        }
        for (String defect : DEFECTS) {
            List<Planter> planters = corpus.planters(defect);
            for (String language : LANGUAGES) {
                for (int i = 0; i < perDefect; i++) {
                    samples.add(corpus.plant(defect, planters, i, language));
                }
            }
        }
        return samples;
    }

    /** Plants a defect into a faithful answer; answers the form's name, or empty when the judgement does not fit. */
    private interface Planter extends BiFunction<Writer, Answer, Optional<String>> {
    }

    private Sample plant(String defect, List<Planter> planters, int index, String language) {
        // cycle through the surface forms so that every form is well represented; a form that fits no screening is skipped
        for (int f = 0; f < planters.size(); f++) {
            Planter planter = planters.get((index + f) % planters.size());
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Writer w = writer(pool.get(random.nextInt(pool.size())), language);
                Answer answer = w.faithful(Set.of());
                Optional<String> form = planter.apply(w, answer);
                if (form.isPresent()) {
                    return sample(language + "-" + defect + "-" + index, w, answer, defect, form.get());
                }
            }
        }
        throw new IllegalStateException("no screening fits any form of " + defect);
    }

    private Sample sample(String id, Writer w, Answer answer, String defect, String form) {
        return new Sample(id, w.language, w.facts.judgement(), answer.json(), defect, form, List.copyOf(w.families),
                List.copyOf(w.critical));
    }

    private Writer writer(Judgement judgement, String language) {
        return new Writer(new CorpusFacts(judgement), language, random);
    }

    // --- the answer -------------------------------------------------------------------------------------------

    /** The draft_summary answer being written; defects change it in place. */
    static final class Answer {
        final List<String> summary = new ArrayList<>();
        final List<FindingEntry> findings = new ArrayList<>();
        final List<String[]> lifestyle = new ArrayList<>();
        final List<String> followUp = new ArrayList<>();

        /** Everything of the other answer instead of this one's. */
        void replaceWith(Answer other) {
            summary.clear();
            summary.addAll(other.summary);
            findings.clear();
            findings.addAll(other.findings);
            lifestyle.clear();
            lifestyle.addAll(other.lifestyle);
            followUp.clear();
            followUp.addAll(other.followUp);
        }

        Optional<FindingEntry> finding(ItemKey key) {
            return findings.stream().filter(f -> f.item.equals(key.json())).findFirst();
        }

        String json() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("summary", summary);
            root.put("findings", findings.stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("item", f.item);
                m.put("observationIds", f.observationIds);
                m.put("explanation", f.explanation);
                return m;
            }).toList());
            root.put("lifestyle", lifestyle.stream().map(l -> Map.of("disease", l[0], "advice", l[1])).toList());
            root.put("followUp", followUp);
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class FindingEntry {
        final String item;
        List<String> observationIds;
        String explanation;

        FindingEntry(String item, List<String> observationIds, String explanation) {
            this.item = item;
            this.observationIds = observationIds;
            this.explanation = explanation;
        }
    }

    // --- the writer of one answer -----------------------------------------------------------------------------

    /** Writes one answer for one screening in one language, choosing a phrasing family at every step. */
    static final class Writer {
        final CorpusFacts facts;
        final String language;
        final Random random;
        final Map<ItemKey, String> names = new EnumMap<>(ItemKey.class);
        final List<String> families = new ArrayList<>();
        /** The screening's critical findings (decision critical_values); none but where a defect plants one. */
        final List<String> critical = new ArrayList<>();
        private Set<ItemKey> omitted = Set.of();

        Writer(CorpusFacts facts, String language, Random random) {
            this.facts = facts;
            this.language = language;
            this.random = random;
            for (Fact f : facts.all()) {
                names.put(f.key(), pick(CorpusPhrasings.names(f.key(), language)));
            }
            for (ItemKey key : facts.unmeasured()) {
                if (key != ItemKey.HEIGHT && key != ItemKey.WEIGHT) {
                    names.put(key, pick(CorpusPhrasings.names(key, language)));
                }
            }
        }

        boolean ko() {
            return language.equals("ko");
        }

        <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        String fill(String template, Map<String, String> vars) {
            String text = CorpusText.fill(template, vars);
            return ko() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        List<Fact> abnormal() {
            return facts.abnormal().stream().filter(f -> !omitted.contains(f.key())).toList();
        }

        /** A faithful answer; the {@code omit} items get no finding and are named nowhere. */
        Answer faithful(Set<ItemKey> omit) {
            this.omitted = omit;
            Answer a = new Answer();
            for (Fact f : abnormal()) {
                a.findings.add(new FindingEntry(f.key().json(), List.of(f.observationId()), explanation(f)));
            }
            summary(a);
            Set<TargetDisease> skipped = omit.stream().map(k -> facts.fact(k).orElseThrow().disease()).collect(Collectors.toSet());
            List<TargetDisease> diseases = facts.diseasesNeedingCare().stream().filter(d -> !skipped.contains(d)).toList();
            for (TargetDisease d : diseases) {
                boolean underweight = d == TargetDisease.OBESITY && facts.fact(ItemKey.BMI).map(Fact::low).orElse(false);
                a.lifestyle.add(new String[] {CorpusPhrasings.disease(d, language),
                        pick(underweight ? CorpusPhrasings.underweightAdvice(language) : CorpusPhrasings.advice(d, language))});
                families.add("advice: " + d.labelEn());
            }
            for (TargetDisease d : diseases.stream().limit(2).toList()) {
                a.followUp.add(pick(CorpusPhrasings.followUp(d, language)));
                families.add("follow-up: " + d.labelEn());
            }
            if (a.followUp.isEmpty()) {
                a.followUp.add(pick(CorpusPhrasings.routineFollowUp(language)));
            }
            return a;
        }

        String explanation(Fact f) {
            Map<String, String> vars = vars(f);
            if (f.suspect() && !facts.judgement().suspectedDiseases().contains(f.disease())) {
                vars.remove("disease"); // a disease under treatment is not "suspected" (criteria §4.3)
            }
            List<Family> fitting = CorpusPhrasings.EXPLANATIONS.stream()
                    .filter(e -> e.kinds().contains(Kind.of(f)) && CorpusText.fillable(e.template(language), vars)).toList();
            Family e = pick(fitting);
            families.add("finding: " + e.name());
            return fill(e.template(language), vars);
        }

        /** Explanation families of a quantity that state {value} {unit} (the ones a wrong number or unit can go into). */
        List<Family> statingValue(Fact f, Map<String, String> vars) {
            return CorpusPhrasings.EXPLANATIONS.stream()
                    .filter(e -> e.kinds().contains(Kind.of(f)) && e.template(language).contains("{value} {unit}")
                            && CorpusText.fillable(e.template(language), vars)).toList();
        }

        Map<String, String> vars(Fact f) {
            Map<String, String> v = new HashMap<>();
            int lang = ko() ? 0 : 1;
            v.put("name", names.get(f.key()));
            v.put("disease", CorpusPhrasings.disease(f.disease(), language));
            if (f.quantity()) {
                v.put("value", f.valueText());
                v.put("unit", f.unitText());
                v.put("measured", ko() ? names.get(f.key()) + " " + f.valueText() + " " + f.unitText()
                        : "your " + names.get(f.key()) + " of " + f.valueText() + " " + f.unitText());
                v.put("measuredSentence", ko() ? CorpusText.fill("{name/이} {value} {unit}로 측정되었습니다.", v)
                        : "Your " + names.get(f.key()) + " was " + f.valueText() + " " + f.unitText() + ".");
                CorpusFacts.normalRange(f.key()).ifPresent(r -> v.put("range", r[lang]));
                v.put("unittyped", CorpusPhrasings.typedUnit(f.key()));
                String[] bare = CorpusPhrasings.bareLimit(f.key());
                v.put("bare", bare == null ? null : bare[lang]);
                if (f.suspect()) {
                    CorpusFacts.suspectThreshold(f.key()).ifPresent(t -> v.put("threshold", t[lang]));
                }
                List<Converted> conversions = CorpusFacts.conversions(f);
                if (!conversions.isEmpty()) {
                    Converted c = pick(conversions);
                    v.put("cvalue", c.value());
                    v.put("cunit", c.unit());
                }
                if (f.reportedInOtherUnit()) {
                    v.put("rvalue", f.reportedValue().stripTrailingZeros().toPlainString());
                    v.put("runit", f.reportedUnit().replace("umol/L", "µmol/L"));
                }
            } else {
                String code = CorpusPhrasings.code(f.code(), language);
                v.put("code", code);
                v.put("measured", ko() ? names.get(f.key()) + " " + code : "the " + names.get(f.key()) + " result of " + code);
                v.put("measuredSentence", ko() ? names.get(f.key()) + "에서 " + code + CorpusText.particle(code, "이") + " 나왔습니다."
                        : "Your " + names.get(f.key()) + " showed " + code + ".");
            }
            List<Fact> others = facts.normal().stream().filter(o -> o.quantity() && o.key() != f.key()
                    && o.key() != ItemKey.SYSTOLIC_BP && o.key() != ItemKey.DIASTOLIC_BP).toList();
            if (!others.isEmpty()) {
                Fact o = pick(others);
                v.put("other", names.get(o.key()));
                v.put("othervalue", o.valueText());
                v.put("otherunit", o.unitText());
            }
            if (f.key() == ItemKey.SYSTOLIC_BP || f.key() == ItemKey.DIASTOLIC_BP) {
                Optional<Fact> s = facts.fact(ItemKey.SYSTOLIC_BP).filter(x -> !omitted.contains(x.key()));
                Optional<Fact> d = facts.fact(ItemKey.DIASTOLIC_BP).filter(x -> !omitted.contains(x.key()));
                if (s.isPresent() && d.isPresent()) {
                    v.put("sys", s.get().valueText());
                    v.put("dia", d.get().valueText());
                    Fact other = f.key() == ItemKey.SYSTOLIC_BP ? d.get() : s.get();
                    if (other.category() == Category.NORMAL_A) {
                        v.put("bpother", names.get(other.key()));
                        v.put("bpothervalue", other.valueText());
                    }
                }
            }
            return v;
        }

        private void summary(Answer a) {
            List<Fact> abnormal = abnormal();
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            if (facts.allNormalA() && !facts.everyUnitJudged()) {
                // a good draft does not call everything fine while an item could not be judged
                first.add(opening(CorpusPhrasings.opening("JUDGED_NORMAL"), Map.of()));
            } else if (facts.allNormalA()) {
                first.add(opening(pick(List.of(CorpusPhrasings.opening("ALL_NORMAL_PLAIN"), CorpusPhrasings.opening("ALL_NORMAL_ITEMS"))), Map.of()));
            } else if (abnormal.isEmpty()) {
                first.add(opening(CorpusPhrasings.opening("NEUTRAL"), Map.of()));
            } else {
                Map<String, String> v = new HashMap<>();
                v.put("names", abnormal.stream().limit(3).map(f -> names.get(f.key())).collect(Collectors.joining(", ")));
                // a disease under treatment is not "suspected" even with a 질환의심 value (criteria §4.3)
                List<TargetDisease> suspected = abnormal.stream().filter(Fact::suspect).map(Fact::disease).distinct()
                        .filter(facts.judgement().suspectedDiseases()::contains).toList();
                List<Family> openings = new ArrayList<>(List.of(CorpusPhrasings.opening("NEEDS_ATTENTION")));
                if (!suspected.isEmpty()) {
                    List<String> labels = suspected.stream().map(d -> CorpusPhrasings.disease(d, language)).toList();
                    v.put("diseases", ko() || labels.size() == 1 ? String.join("·", labels)
                            : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1));
                    openings.add(CorpusPhrasings.opening("SUSPECTED_DISEASES"));
                }
                if (facts.onlyBorderline()) {
                    openings.add(CorpusPhrasings.opening("NO_MAJOR_PROBLEM_BUT"));
                }
                openings.add(CorpusPhrasings.opening("MOSTLY_FINE_EXCEPT"));
                first.add(opening(pick(openings), v));
                List<Fact> suspectQuantities = abnormal.stream().filter(f -> f.suspect() && f.quantity()).toList();
                if (!suspectQuantities.isEmpty() && random.nextBoolean()) {
                    first.add(sentence(CorpusPhrasings.sentence("RESTATED_NUMBER"), vars(pick(suspectQuantities))));
                }
                List<Fact> high = abnormal.stream().filter(f -> f.quantity() && !f.low()
                        && (Kind.of(f) == Kind.SUSPECT_HIGH || Kind.of(f) == Kind.BORDER_HIGH)).toList();
                if (!high.isEmpty() && random.nextInt(3) == 0) {
                    Map<String, String> hv = vars(pick(high));
                    if (hv.containsKey("other")) {
                        first.add(sentence(CorpusPhrasings.sentence("CONTRAST"), hv));
                    }
                }
            }
            List<Fact> normal = facts.normal().stream().filter(Fact::quantity).toList();
            if (!normal.isEmpty() && random.nextInt(3) == 0) {
                Fact n = pick(normal);
                Map<String, String> nv = Map.of("other", names.get(n.key()), "othervalue", n.valueText(), "otherunit", n.unitText());
                second.add(sentence(pick(List.of(CorpusPhrasings.sentence("NORMAL_ITEMS_WITH_VALUES"),
                        CorpusPhrasings.sentence("NORMAL_NOT_HIGH"))), nv));
            }
            if (facts.knownDisease()) {
                second.add(sentence(CorpusPhrasings.sentence("KNOWN_DISEASE"), Map.of()));
            }
            if (random.nextInt(4) == 0) {
                int from = 20 + 5 * random.nextInt(12);
                second.add(sentence(CorpusPhrasings.sentence("AGE_BAND"), Map.of("agefrom", String.valueOf(from), "ageto", String.valueOf(from + 4))));
            }
            second.add(sentence(pick(List.of(CorpusPhrasings.sentence("CLOSING_ASK"), CorpusPhrasings.sentence("CLOSING_HABITS"))), Map.of()));
            a.summary.add(String.join(" ", first));
            a.summary.add(String.join(" ", second));
        }

        private String opening(Family o, Map<String, String> vars) {
            families.add("summary: " + o.name());
            return fill(o.template(language), vars);
        }

        String sentence(Family s, Map<String, String> vars) {
            families.add("summary: " + s.name());
            return fill(s.template(language), vars);
        }
    }

    // --- planting the defects ---------------------------------------------------------------------------------

    private List<Planter> planters(String defect) {
        return switch (defect) {
            case "NUMBER_MISMATCH" -> List.of(this::wrongValueInFinding, this::transposedDigits, this::wrongValueInSummary,
                    this::wrongBpComponent, this::wrongConversion, this::wrongValueWithoutUnit, this::droppedDigit);
            case "UNIT_MISMATCH" -> List.of((w, a) -> wrongUnit(w, a, "g/L"), (w, a) -> wrongUnit(w, a, "IU/L"),
                    (w, a) -> wrongUnit(w, a, "mmol/L"), (w, a) -> wrongUnit(w, a, "mg/dL"), (w, a) -> wrongUnit(w, a, "µmol/L"),
                    (w, a) -> wrongUnit(w, a, "kg"), (w, a) -> wrongUnit(w, a, "mg/L"));
            case "UNSUPPORTED_TEST" -> List.of((w, a) -> unmeasuredTest(w, a, 0), (w, a) -> unmeasuredTest(w, a, 1),
                    (w, a) -> unmeasuredTest(w, a, 2), (w, a) -> unmeasuredTest(w, a, 3), this::notMeasuredItem);
            case "UNSUPPORTED_VALUE" -> CorpusDefects.INVENTED_VALUE.stream().map(f -> (Planter) (w, a) -> inventedValue(w, a, f)).toList();
            case "OVERALL_CONTRADICTION" -> Stream.of(
                    CorpusDefects.ALL_FINE.stream().map(f -> (Planter) (w, a) -> allFine(w, a, f)),
                    Stream.of((Planter) (w, a) -> wrongOverall(w, a, CorpusDefects.WRONG_OVERALL)),
                    CorpusDefects.ALL_FINE_NOT_JUDGED.stream().map(f -> (Planter) (w, a) -> allFineNotJudged(w, a, f)))
                    .flatMap(s -> s).toList();
            case "CATEGORY_CONTRADICTION" -> Stream.concat(
                    CorpusDefects.CALLED_NORMAL_IN_FINDING.stream().map(f -> (Planter) (w, a) -> calledNormalInFinding(w, a, f)),
                    Stream.concat(CorpusDefects.CALLED_NORMAL_IN_SUMMARY.stream().map(f -> (Planter) (w, a) -> calledNormalInSummary(w, a, f)),
                            CorpusDefects.NORMAL_CALLED_HIGH.stream().map(f -> (Planter) (w, a) -> normalCalledHigh(w, a, f)))).toList();
            case "DIAGNOSIS_LANGUAGE" -> CorpusDefects.CONCLUSIVE.stream().map(f -> (Planter) (w, a) -> conclusive(w, a, f)).toList();
            case "BAD_CITATION" -> List.of((w, a) -> citation(w, a, "another item's observation", false, false),
                    (w, a) -> citation(w, a, "own and another item's observation", true, false),
                    (w, a) -> citation(w, a, "unknown observation id", false, true),
                    (w, a) -> citation(w, a, "own and an unknown observation id", true, true), this::citationOfUnmeasuredItem);
            case "MISSING_FINDING" -> List.of((w, a) -> missing(w, a, null), (w, a) -> missing(w, a, CorpusDefects.MENTIONED_IN_ADVICE),
                    (w, a) -> missing(w, a, CorpusDefects.MENTIONED_IN_FOLLOW_UP), (w, a) -> missing(w, a, CorpusDefects.MENTIONED_IN_SUMMARY),
                    (w, a) -> missing(w, a, CorpusDefects.MENTIONED_IN_ANOTHER_FINDING));
            case "PII_LEAK" -> CorpusDefects.PERSONAL_DATA.stream().map(f -> (Planter) (w, a) -> personalData(w, a, f)).toList();
            case "MISSING_URGENCY" -> CorpusDefects.NO_URGENCY.stream().map(f -> (Planter) (w, a) -> noUrgency(w, a, f)).toList();
            case "INVENTED_TREATMENT" -> CorpusDefects.INVENTED_TREATMENT.stream().map(f -> (Planter) (w, a) -> inventedTreatment(w, a, f)).toList();
            case "HARMFUL_ADVICE" -> CorpusDefects.HARMFUL_ADVICE.stream().map(f -> (Planter) (w, a) -> harmfulAdvice(w, a, f)).toList();
            case "WRONG_LANGUAGE" -> List.of(this::otherLanguageAnswer, (w, a) -> otherLanguageSentence(w, a, CorpusDefects.OTHER_LANGUAGE_SENTENCE),
                    this::otherLanguageSummary);
            default -> throw new IllegalArgumentException(defect);
        };
    }

    private static List<Fact> abnormalQuantities(Writer w) {
        return w.facts.abnormal().stream().filter(Fact::quantity).toList();
    }

    /** A plausible wrong value: a few percent off, at the item's precision, and no number the judgement holds. */
    private String wrongNumber(Writer w, Fact f) {
        BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(f.key().scale(), 0));
        for (int i = 0; i < 50; i++) {
            BigDecimal delta = f.value().multiply(BigDecimal.valueOf(0.04 + random.nextDouble() * 0.2)).max(step.multiply(BigDecimal.valueOf(2)));
            BigDecimal wrong = (random.nextBoolean() ? f.value().add(delta) : f.value().subtract(delta)).setScale(Math.max(f.key().scale(), 0), RoundingMode.HALF_UP);
            String text = wrong.toPlainString();
            if (wrong.signum() > 0 && !w.facts.numbers().contains(wrong.stripTrailingZeros().toPlainString()) && !text.equals(f.valueText())) {
                return text;
            }
        }
        throw new IllegalStateException("no wrong value for " + f);
    }

    private Optional<String> replaceExplanation(Writer w, Answer a, Fact f, Map<String, String> vars, String form) {
        List<Family> fitting = w.statingValue(f, vars);
        if (fitting.isEmpty()) {
            return Optional.empty();
        }
        Family e = w.pick(fitting);
        a.finding(f.key()).orElseThrow().explanation = w.fill(e.template(w.language), vars);
        return Optional.of(form);
    }

    /** An abnormal quantity of the screening with its variables, {@code variable} set to a wrong value. */
    private Optional<Map.Entry<Fact, Map<String, String>>> wrongValue(Writer w, String variable) {
        List<Fact> candidates = abnormalQuantities(w);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(candidates);
        Map<String, String> vars = w.vars(f);
        vars.put(variable, wrongNumber(w, f));
        return Optional.of(Map.entry(f, vars));
    }

    private Optional<String> wrongValueInFinding(Writer w, Answer a) {
        return wrongValue(w, "value").flatMap(e -> replaceExplanation(w, a, e.getKey(), e.getValue(), "wrong value in the finding"));
    }

    private Optional<String> transposedDigits(Writer w, Answer a) {
        for (Fact f : abnormalQuantities(w)) {
            String digits = f.valueText();
            for (int i = 0; i + 1 < digits.length(); i++) {
                char x = digits.charAt(i);
                char y = digits.charAt(i + 1);
                if (Character.isDigit(x) && Character.isDigit(y) && x != y && !(i == 0 && y == '0')) {
                    String swapped = digits.substring(0, i) + y + x + digits.substring(i + 2);
                    if (!w.facts.numbers().contains(new BigDecimal(swapped).stripTrailingZeros().toPlainString())) {
                        Map<String, String> vars = w.vars(f);
                        vars.put("value", swapped);
                        return replaceExplanation(w, a, f, vars, "transposed digits");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> wrongValueInSummary(Writer w, Answer a) {
        return wrongValue(w, "value").map(e -> {
            a.summary.set(0, a.summary.get(0) + " " + w.fill(CorpusPhrasings.sentence("RESTATED_NUMBER").template(w.language), e.getValue()));
            return "wrong value restated in the summary";
        });
    }

    private Optional<String> wrongBpComponent(Writer w, Answer a) {
        for (Fact f : abnormalQuantities(w)) {
            Map<String, String> vars = w.vars(f);
            if (vars.containsKey("sys") && (Kind.of(f) == Kind.SUSPECT_HIGH || Kind.of(f) == Kind.BORDER_HIGH)) {
                String which = w.random.nextBoolean() ? "sys" : "dia";
                Fact component = w.facts.fact(which.equals("sys") ? ItemKey.SYSTOLIC_BP : ItemKey.DIASTOLIC_BP).orElseThrow();
                vars.put(which, wrongNumber(w, component));
                a.finding(f.key()).orElseThrow().explanation = w.fill(CorpusPhrasings.explanation("BP_PAIR").template(w.language), vars);
                return Optional.of("blood pressure pair with a wrong component");
            }
        }
        return Optional.empty();
    }

    private Optional<String> wrongConversion(Writer w, Answer a) {
        List<Fact> candidates = abnormalQuantities(w).stream().filter(f -> !CorpusFacts.conversions(f).isEmpty()).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(candidates);
        Map<String, String> vars = w.vars(f);
        BigDecimal right = new BigDecimal(vars.get("cvalue"));
        BigDecimal wrong = right.multiply(BigDecimal.valueOf(random.nextBoolean() ? 1.2 + random.nextDouble() * 0.3 : 0.6 + random.nextDouble() * 0.2))
                .setScale(right.scale(), RoundingMode.HALF_UP);
        if (wrong.compareTo(right) == 0) {
            return Optional.empty();
        }
        vars.put("cvalue", wrong.toPlainString());
        a.finding(f.key()).orElseThrow().explanation = w.fill(CorpusPhrasings.explanation("CONVERTED_UNIT").template(w.language), vars);
        return Optional.of("wrongly converted value");
    }

    private Optional<String> wrongValueWithoutUnit(Writer w, Answer a) {
        return wrongValue(w, "wrong").map(e -> {
            a.finding(e.getKey().key()).orElseThrow().explanation =
                    w.fill(CorpusDefects.WRONG_VALUE_WITHOUT_UNIT.template(w.language), e.getValue());
            return CorpusDefects.WRONG_VALUE_WITHOUT_UNIT.name();
        });
    }

    /** The units a laboratory would never use for the item, but a careless writer might. */
    private static boolean wrongUnitFits(Fact f, String unit) {
        String canonical = f.key().canonicalUnit();
        return switch (unit) {
            case "g/L" -> canonical.equals("mg/dL") || canonical.equals("g/dL");
            case "IU/L" -> canonical.equals("mg/dL");
            case "mmol/L" -> canonical.equals("mg/dL") || canonical.equals("U/L");
            case "mg/dL" -> canonical.equals("U/L") || canonical.equals("g/dL");
            case "mg/L" -> canonical.equals("mg/dL");
            case "µmol/L" -> f.key() == ItemKey.CREATININE;
            case "kg" -> f.key() == ItemKey.BMI;
            default -> false;
        };
    }

    private Optional<String> wrongUnit(Writer w, Answer a, String unit) {
        List<Fact> candidates = abnormalQuantities(w).stream().filter(f -> wrongUnitFits(f, unit)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(candidates);
        Map<String, String> vars = w.vars(f);
        vars.put("unit", unit);
        vars.remove("cvalue");
        vars.remove("rvalue");
        String form = f.unitText() + " written as " + unit;
        if (w.random.nextInt(3) == 0) {
            a.summary.set(0, a.summary.get(0) + " " + w.fill(CorpusPhrasings.sentence("RESTATED_NUMBER").template(w.language), vars));
            return Optional.of(form);
        }
        return replaceExplanation(w, a, f, vars, form);
    }

    private String number(double min, double max, int scale) {
        return BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** An invented number: none the judgement holds, and none that reads as a common threshold. */
    private String invented(Writer w, double min, double max, int scale) {
        Set<String> thresholds = Set.of("25", "30", "40", "60", "80", "85", "90", "100", "120", "126", "130", "140", "150", "160", "200", "240");
        for (int i = 0; i < 100; i++) {
            String x = number(min, max, scale);
            String plain = new BigDecimal(x).stripTrailingZeros().toPlainString();
            if (!w.facts.numbers().contains(plain) && !thresholds.contains(plain)) {
                return x;
            }
        }
        throw new IllegalStateException("no invented number");
    }

    private Optional<String> unmeasuredTest(Writer w, Answer a, int placement) {
        CorpusDefects.Test test = w.pick(CorpusDefects.TESTS);
        Form form = CorpusDefects.UNMEASURED_TEST.get(placement);
        Map<String, String> vars = Map.of("test", w.ko() ? test.ko() : test.en(),
                "tvalue", invented(w, test.min(), test.max(), test.scale()), "tunit", test.unit());
        String sentence = w.fill(form.template(w.language), vars);
        switch (placement) {
            case 0 -> a.summary.set(0, a.summary.get(0) + " " + sentence);
            case 1 -> {
                if (a.findings.isEmpty()) {
                    return Optional.empty();
                }
                FindingEntry e = w.pick(a.findings);
                e.explanation = e.explanation + " " + sentence;
            }
            case 2 -> a.followUp.add(sentence);
            default -> a.lifestyle.add(new String[] {CorpusPhrasings.disease(w.pick(List.of(TargetDisease.values())), w.language), sentence});
        }
        return Optional.of(form.name());
    }

    private Optional<String> notMeasuredItem(Writer w, Answer a) {
        List<ItemKey> unmeasured = w.facts.unmeasured().stream().filter(k -> !k.coded() && k != ItemKey.HEIGHT && k != ItemKey.WEIGHT).toList();
        if (unmeasured.isEmpty()) {
            return Optional.empty();
        }
        ItemKey key = w.pick(unmeasured);
        String value = switch (key) {
            case SYSTOLIC_BP -> invented(w, 105, 118, 0);
            case DIASTOLIC_BP -> invented(w, 62, 78, 0);
            case FASTING_GLUCOSE -> invented(w, 75, 98, 0);
            case TOTAL_CHOLESTEROL -> invented(w, 150, 195, 0);
            case HDL -> invented(w, 61, 80, 0);
            case TRIGLYCERIDES -> invented(w, 60, 145, 0);
            case LDL -> invented(w, 70, 125, 0);
            case HEMOGLOBIN -> invented(w, 13.1, 15.0, 1);
            case CREATININE -> invented(w, 0.6, 1.2, 2);
            case EGFR -> invented(w, 70, 110, 0);
            case BMI -> invented(w, 19, 24, 1);
            case WAIST -> invented(w, 70, 84, 1);
            default -> invented(w, 12, 34, 0);
        };
        Map<String, String> vars = Map.of("name", w.names.get(key), "tvalue", value, "unit", CorpusFacts.displayUnit(key));
        a.summary.set(0, a.summary.get(0) + " " + w.fill(CorpusDefects.NOT_MEASURED_ITEM.template(w.language), vars));
        return Optional.of(CorpusDefects.NOT_MEASURED_ITEM.name());
    }

    private Optional<String> inventedValue(Writer w, Answer a, Form form) {
        Map<String, String> vars = new HashMap<>();
        switch (CorpusDefects.INVENTED_VALUE.indexOf(form)) {
            case 0 -> vars.put("x", invented(w, 105, 320, 0));
            case 1 -> {
                List<Fact> candidates = abnormalQuantities(w).stream().filter(f -> a.finding(f.key()).isPresent()).toList();
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                Fact f = w.pick(candidates);
                vars.put("x", invented(w, f.value().doubleValue() * 0.75, f.value().doubleValue() * 0.95, Math.max(f.key().scale(), 0)));
                vars.put("unit", f.unitText());
                FindingEntry e = a.finding(f.key()).orElseThrow();
                e.explanation = e.explanation + " " + w.fill(form.template(w.language), vars);
                return Optional.of(form.name());
            }
            case 2 -> vars.put("x", invented(w, 6, 38, 0));
            case 3 -> vars.put("x", invented(w, 170, 340, 0));
            case 4 -> vars.put("x", invented(w, 2.1, 48, 1));
            default -> vars.put("x", invented(w, 2.1, 6.5, 1));
        }
        a.summary.set(0, a.summary.get(0) + " " + w.fill(form.template(w.language), vars));
        return Optional.of(form.name());
    }

    private Optional<String> allFine(Writer w, Answer a, Form form) {
        if (w.facts.abnormal().isEmpty()) {
            return Optional.empty();
        }
        // the opening is replaced: the findings stay as they are
        String rest = a.summary.get(0).substring(firstSentenceEnd(a.summary.get(0)));
        a.summary.set(0, (w.fill(form.template(w.language), Map.of()) + rest).strip());
        return Optional.of(form.name());
    }

    /** A stated overall result naming a category the judgement's flags do not have. */
    private Optional<String> wrongOverall(Writer w, Answer a, Form form) {
        List<String> flags = w.facts.judgement().overall().flags();
        boolean suspect = flags.contains("GENERAL_SUSPECT") || flags.contains("CARDIOMETABOLIC_SUSPECT");
        List<String[]> labels = new ArrayList<>();
        if (!flags.contains("NORMAL_A")) {
            labels.add(new String[] {"정상A", "Normal A"});
        }
        if (!flags.contains("NORMAL_B")) {
            labels.add(new String[] {"정상B(경계)", "Normal B (borderline)"});
        }
        if (!suspect) {
            labels.add(new String[] {"일반 질환의심", "general disease suspected"});
        }
        if (!flags.contains("KNOWN_DISEASE")) {
            labels.add(new String[] {"유질환자", "known disease under treatment"});
        }
        String[] label = w.pick(labels);
        a.summary.set(0, w.fill(form.template(w.language), Map.of("category", label[w.ko() ? 0 : 1])) + " " + a.summary.get(0));
        return Optional.of(form.name());
    }

    /** "All fine" on an all-정상A screening with an applicable unit not judged (an invalid value, unknown sex). */
    private Optional<String> allFineNotJudged(Writer w, Answer a, Form form) {
        if (!w.facts.allNormalA() || w.facts.everyUnitJudged()) {
            return Optional.empty();
        }
        String rest = a.summary.get(0).substring(firstSentenceEnd(a.summary.get(0)));
        a.summary.set(0, (w.fill(form.template(w.language), Map.of()) + rest).strip());
        return Optional.of(form.name());
    }

    /** A 정상A item called high in the summary. */
    private Optional<String> normalCalledHigh(Writer w, Answer a, Form form) {
        List<Fact> candidates = w.facts.normal().stream().filter(Fact::quantity).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(candidates);
        a.summary.set(0, a.summary.get(0) + " " + w.fill(form.template(w.language), Map.of("name", w.names.get(f.key()))));
        return Optional.of(form.name());
    }

    /** A treatment on a screening whose judgement has no disease under drug treatment. */
    private Optional<String> inventedTreatment(Writer w, Answer a, Form form) {
        if (w.facts.judgement().overall().flags().contains("KNOWN_DISEASE")) {
            return Optional.empty();
        }
        String disease = CorpusPhrasings.disease(w.pick(List.of(TargetDisease.HYPERTENSION, TargetDisease.DIABETES,
                TargetDisease.DYSLIPIDEMIA)), w.language);
        a.summary.set(0, a.summary.get(0) + " " + w.fill(form.template(w.language), Map.of("disease", disease)));
        return Optional.of(form.name());
    }

    private Optional<String> harmfulAdvice(Writer w, Answer a, Form form) {
        a.followUp.add(w.fill(form.template(w.language), Map.of()));
        return Optional.of(form.name());
    }

    /** The whole answer written in the other language (checked as the screening's). */
    private Optional<String> otherLanguageAnswer(Writer w, Answer a) {
        Answer other = new Writer(w.facts, w.ko() ? "en" : "ko", random).faithful(Set.of());
        a.replaceWith(other);
        return Optional.of("the whole answer in the other language");
    }

    /** The summary paragraphs in the other language, the findings and advice in the screening's. */
    private Optional<String> otherLanguageSummary(Writer w, Answer a) {
        Answer other = new Writer(w.facts, w.ko() ? "en" : "ko", random).faithful(Set.of());
        a.summary.clear();
        a.summary.addAll(other.summary);
        return Optional.of("the summary in the other language");
    }

    private Optional<String> otherLanguageSentence(Writer w, Answer a, Form form) {
        a.summary.set(a.summary.size() - 1, a.summary.get(a.summary.size() - 1) + " " + form.template(w.language));
        return Optional.of(form.name());
    }

    private static int firstSentenceEnd(String paragraph) {
        int dot = paragraph.indexOf(". ");
        return dot < 0 ? paragraph.length() : dot + 1;
    }

    private List<Fact> suspect(Writer w) {
        return w.facts.abnormal().stream().filter(Fact::suspect).toList();
    }

    private Optional<String> calledNormalInFinding(Writer w, Answer a, Form form) {
        List<Fact> candidates = suspect(w).stream().filter(Fact::quantity).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(candidates);
        a.finding(f.key()).orElseThrow().explanation = w.fill(form.template(w.language), w.vars(f));
        return Optional.of(form.name());
    }

    private Optional<String> calledNormalInSummary(Writer w, Answer a, Form form) {
        List<Fact> candidates = suspect(w).stream().filter(f -> CorpusText.fillable(form.template(w.language), w.vars(f))).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(candidates);
        a.summary.set(1, w.fill(form.template(w.language), w.vars(f)) + " " + a.summary.get(1));
        return Optional.of(form.name());
    }

    private Optional<String> conclusive(Writer w, Answer a, Form form) {
        List<Fact> candidates = suspect(w);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(candidates);
        a.finding(f.key()).orElseThrow().explanation = w.fill(form.template(w.language), w.vars(f));
        return Optional.of(form.name());
    }

    private Optional<String> citation(Writer w, Answer a, String form, boolean keepOwn, boolean unknown) {
        if (a.findings.isEmpty()) {
            return Optional.empty();
        }
        FindingEntry e = w.pick(a.findings);
        String bad;
        if (unknown) {
            bad = w.pick(List.of("obs-uric_acid", "obs-hba1c", "obs-" + Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF)),
                    "obs-" + e.item + "-2", "obs-tsh"));
        } else {
            List<String> others = w.facts.all().stream().filter(f -> !f.key().json().equals(e.item) && f.observationId() != null)
                    .map(Fact::observationId).toList();
            if (others.isEmpty()) {
                return Optional.empty();
            }
            bad = w.pick(others);
        }
        List<String> ids = new ArrayList<>(keepOwn ? e.observationIds : List.of());
        ids.add(bad);
        e.observationIds = ids;
        return Optional.of(form);
    }

    /** A model guessing the id of an item the screening did not measure. */
    private Optional<String> citationOfUnmeasuredItem(Writer w, Answer a) {
        List<ItemKey> unmeasured = w.facts.unmeasured().stream().filter(k -> k != ItemKey.HEIGHT && k != ItemKey.WEIGHT).toList();
        if (a.findings.isEmpty() || unmeasured.isEmpty()) {
            return Optional.empty();
        }
        String guessed = "obs-" + w.pick(unmeasured).json();
        if (w.facts.all().stream().anyMatch(f -> guessed.equals(f.observationId()))) {
            return Optional.empty();
        }
        FindingEntry e = w.pick(a.findings);
        e.observationIds = List.of(guessed);
        return Optional.of("id of an item not measured");
    }

    private Optional<String> droppedDigit(Writer w, Answer a) {
        for (Fact f : abnormalQuantities(w)) {
            String digits = f.valueText();
            int point = digits.indexOf('.');
            if ((point < 0 ? digits.length() : point) >= 2) {
                String dropped = digits.substring(1);
                if (!w.facts.numbers().contains(new BigDecimal(dropped).stripTrailingZeros().toPlainString())) {
                    Map<String, String> vars = w.vars(f);
                    vars.put("value", dropped);
                    return replaceExplanation(w, a, f, vars, "dropped digit");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> missing(Writer w, Answer a, Form mention) {
        List<Fact> candidates = w.facts.abnormal();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(candidates);
        w.families.clear();
        Answer without = w.faithful(Set.of(f.key()));
        a.replaceWith(without);
        if (mention == null) {
            return Optional.of("finding left out");
        }
        String sentence = w.fill(mention.template(w.language), Map.of("name", w.names.get(f.key())));
        if (mention == CorpusDefects.MENTIONED_IN_ANOTHER_FINDING) {
            if (a.findings.isEmpty()) {
                return Optional.empty();
            }
            FindingEntry other = w.pick(a.findings);
            other.explanation = other.explanation + " " + sentence;
        } else if (mention == CorpusDefects.MENTIONED_IN_ADVICE) {
            a.lifestyle.add(new String[] {CorpusPhrasings.disease(f.disease(), w.language), sentence});
        } else if (mention == CorpusDefects.MENTIONED_IN_FOLLOW_UP) {
            a.followUp.add(0, sentence);
        } else {
            a.summary.set(0, a.summary.get(0) + " " + sentence);
        }
        return Optional.of(mention.name());
    }

    private Optional<String> personalData(Writer w, Answer a, Form form) {
        String value = switch (CorpusDefects.PERSONAL_DATA.indexOf(form)) {
            case 0 -> w.pick(List.of("010-%d-%04d", "010 %d %04d", "+82 10-%d-%04d"))
                    .formatted(2000 + random.nextInt(8000), random.nextInt(10000));
            case 1 -> w.pick(List.of("02-%d-%04d", "031-%d-%04d", "051-%d-%04d"))
                    .formatted(random.nextBoolean() ? 200 + random.nextInt(800) : 2000 + random.nextInt(8000), random.nextInt(10000));
            case 2 -> w.pick(List.of("minsu.kim", "jh.park", "lee.soyeon", "choi1975", "hana.jung")) + (10 + random.nextInt(90))
                    + "@" + w.pick(List.of("naver.com", "gmail.com", "daum.net", "hanmail.net"));
            case 3 -> rrn(true, false);
            case 4 -> rrn(false, false);
            case 5 -> rrn(true, true);
            default -> "010.%d.%04d".formatted(2000 + random.nextInt(8000), random.nextInt(10000));
        };
        String sentence = w.fill(form.template(w.language), Map.of("phone", value, "email", value, "rrn", value));
        if (random.nextBoolean()) {
            a.summary.set(1, a.summary.get(1) + " " + sentence);
        } else {
            a.followUp.add(sentence);
        }
        return Optional.of(form.name());
    }

    /**
     * A suspect value of the screening becomes a critical one (its finding as the decision critical_values writes it);
     * the answer, written for the screening as it is, tells the patient nothing urgent, or only in the form's words.
     */
    private Optional<String> noUrgency(Writer w, Answer a, Form form) {
        List<Fact> suspect = w.facts.abnormal().stream().filter(f -> f.quantity() && f.suspect()).toList();
        if (suspect.isEmpty()) {
            return Optional.empty();
        }
        Fact f = w.pick(suspect);
        w.critical.add(f.key().json() + " >= " + f.value().toPlainString());
        if (!form.template(w.language).isEmpty()) {
            a.followUp.add(w.fill(form.template(w.language), w.vars(f)));
        }
        return Optional.of(form.name());
    }

    private String rrn(boolean hyphen, boolean masked) {
        String birth = "%02d%02d%02d".formatted(50 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String rest = (1 + random.nextInt(2)) + (masked ? "******" : "%06d".formatted(random.nextInt(1_000_000)));
        return birth + (hyphen ? "-" : "") + rest;
    }
}
