package com.checkupflow.drafting;

import com.checkupflow.ai.Values;
import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.PatientContext;
import com.checkupflow.ai.TemplateTexts;
import com.checkupflow.judgement.CriticalFinding;
import com.checkupflow.center.CenterTime;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.FreeFirstVisit;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.TargetDisease;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The offline, deterministic drafter: the default when no model is configured and the fallback whenever the
 * model is unreachable. It only fills sentence patterns from {@code prompts/template/<lang>.properties} with
 * the judgement; no network, no clock, no randomness: the same request always gives the same text.
 *
 * <p>Reviewer notes (round &gt; 1) are deliberately ignored: a template cannot rewrite its text, and a note
 * is free text typed by staff that must never be copied into a patient's report (it may hold names, internal
 * remarks or wrong values). Every round therefore gives the same draft; the physician edits it or writes it.
 */
@Component
class TemplateReportDrafter implements ReportDrafter {

    static final String PROVIDER = "template";
    /**
     * Longest text written with per-disease advice. The draft is stored in a 4000-character engine variable;
     * Korean stays far below this, English can exceed it when nearly every unit is abnormal, and then the
     * advice is condensed into one line ({@code advice.compact}).
     */
    static final int MAX_LENGTH = 3800;

    private static final Set<Category> ABNORMAL = EnumSet.of(Category.NORMAL_B, Category.DISEASE_SUSPECT, Category.UNCLASSIFIED);
    /** The boxes of the result notice, in the order the form prints them. */
    private static final List<String> FLAG_ORDER =
            List.of("NORMAL_A", "NORMAL_B", "GENERAL_SUSPECT", "CARDIOMETABOLIC_SUSPECT", "KNOWN_DISEASE", "UNDETERMINED");
    private static final Pattern RULESET_YEAR = Pattern.compile("(20\\d\\d)");
    private static final BigDecimal UNDERWEIGHT_BELOW = new BigDecimal("18.5");

    private final TemplateTexts texts;
    private final Clock clock;

    TemplateReportDrafter(TemplateTexts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public Draft draft(DraftRequest request) {
        TemplateTexts.Bundle bundle = texts.bundle(request.language());
        LocalDate today = LocalDate.now(clock.withZone(CenterTime.ZONE));
        String text = new Report(bundle, request.judgement(), request.patient(), request.criticalFindings(), today, false).write();
        if (text.length() > MAX_LENGTH) {
            text = new Report(bundle, request.judgement(), request.patient(), request.criticalFindings(), today, true).write();
        }
        return new Draft(text, PROVIDER, null, bundle.text("version"), false);
    }

    /** One line of the findings section: a judgement unit (or, for an unjudged unit, one abnormal item). */
    private record Entry(JudgementUnit unit, Category category, List<ItemKey> items, boolean low) {
    }

    /** Writes one report; holds the per-report state so that the drafter itself stays stateless. */
    private static final class Report {
        private final TemplateTexts.Bundle b;
        private final Judgement j;
        private final PatientContext patient;
        /** The center's date of drafting. */
        private final LocalDate today;
        private final boolean ko;
        private final StringBuilder out = new StringBuilder();
        private final Map<TargetDisease, List<Entry>> groups = new EnumMap<>(TargetDisease.class);
        private final Set<TargetDisease> cardiometabolic;
        private final boolean compact;
        private final List<ItemKey> critical;

        Report(TemplateTexts.Bundle b, Judgement j, PatientContext patient, List<String> criticalFindings,
               LocalDate today, boolean compact) {
            this.b = b;
            this.critical = CriticalFinding.items(criticalFindings);
            this.j = j;
            this.patient = patient;
            this.today = today;
            this.compact = compact;
            this.ko = TemplateTexts.KO.equals(b.language());
            this.cardiometabolic = legacyRuleset()
                    ? EnumSet.of(TargetDisease.HYPERTENSION, TargetDisease.DIABETES)
                    : EnumSet.of(TargetDisease.HYPERTENSION, TargetDisease.DIABETES, TargetDisease.DYSLIPIDEMIA);
            collectEntries();
        }

        String write() {
            line(b.text("title"));
            line(intro());
            if (!critical.isEmpty()) {
                line(b.text("urgency", Map.of("items", critical.stream().map(b::itemName)
                        .collect(Collectors.joining(b.text("list.separator"))))));
            }
            overall();
            findings();
            notJudged();
            advice();
            followUp();
            out.append('\n').append(b.text("closing"));
            return out.toString();
        }

        // --- reading the judgement ---------------------------------------------------------------------

        private Judgement.Item item(ItemKey key) {
            return j.items() == null ? null : j.items().get(key.json());
        }

        private Judgement.UnitJudgement unitJudgement(JudgementUnit unit) {
            return j.judgements() == null ? null : j.judgements().get(unit.json());
        }

        private Category unitCategory(JudgementUnit unit) {
            Judgement.UnitJudgement uj = unitJudgement(unit);
            return uj == null ? null : uj.category();
        }

        private List<String> flags() {
            List<String> flags = j.overall() == null || j.overall().flags() == null ? List.of() : j.overall().flags();
            List<String> ordered = new ArrayList<>(FLAG_ORDER.stream().filter(flags::contains).toList());
            flags.stream().filter(f -> !FLAG_ORDER.contains(f)).forEach(ordered::add);
            return ordered;
        }

        private boolean complete() {
            return j.overall() == null || j.overall().complete();
        }

        private boolean legacyRuleset() {
            Matcher m = RULESET_YEAR.matcher(j.ruleset() == null ? "" : j.ruleset());
            return m.find() && Integer.parseInt(m.group(1)) < 2026;
        }

        private void collectEntries() {
            for (JudgementUnit unit : JudgementUnit.values()) {
                Category category = unitCategory(unit);
                List<ItemKey> valid = unit.items().stream()
                        .filter(k -> item(k) != null && item(k).status() == ItemStatus.VALID).toList();
                if (category != null) {
                    if (ABNORMAL.contains(category)) {
                        add(new Entry(unit, category, valid, underweight(unit, valid)));
                    }
                } else {
                    // Not judged as a unit (e.g. a BP pair with one reading missing): still report abnormal readings.
                    for (ItemKey key : valid) {
                        Category own = item(key).category();
                        if (own != null && ABNORMAL.contains(own)) {
                            add(new Entry(unit, own, List.of(key), underweight(unit, List.of(key))));
                        }
                    }
                }
            }
        }

        private boolean underweight(JudgementUnit unit, List<ItemKey> items) {
            return unit == JudgementUnit.BMI && items.contains(ItemKey.BMI)
                    && Values.decimal(item(ItemKey.BMI).value()).map(v -> v.compareTo(UNDERWEIGHT_BELOW) < 0).orElse(false);
        }

        private void add(Entry entry) {
            groups.computeIfAbsent(entry.unit().targetDisease(), d -> new ArrayList<>()).add(entry);
        }

        private boolean groupHas(TargetDisease disease, Category category) {
            return groups.getOrDefault(disease, List.of()).stream().anyMatch(e -> e.category() == category);
        }

        private boolean onlyUnderweight(TargetDisease disease) {
            return disease == TargetDisease.OBESITY && groups.getOrDefault(disease, List.of()).stream().allMatch(Entry::low);
        }

        private String diseaseName(TargetDisease disease) {
            return onlyUnderweight(disease) ? b.text("disease.OBESITY.low") : b.text("disease." + disease.name());
        }

        private String diseases(List<TargetDisease> diseases) {
            List<String> names = diseases.stream().map(this::diseaseName).toList();
            if (names.size() < 2) {
                return String.join("", names);
            }
            return String.join(b.text("disease.separator"), names.subList(0, names.size() - 1))
                    + b.text("disease.lastSeparator") + names.get(names.size() - 1);
        }

        // --- sections -----------------------------------------------------------------------------------

        private String intro() {
            String center = patient.center() == null || patient.center().isBlank() ? b.text("center.default") : patient.center();
            String sex = "male".equalsIgnoreCase(patient.sex()) ? b.text("sex.male")
                    : "female".equalsIgnoreCase(patient.sex()) ? b.text("sex.female") : b.text("sex.unknown");
            Map<String, String> values = new java.util.HashMap<>(Map.of(
                    "center", center, "sex", sex, "age", Integer.toString(patient.age())));
            // Without a birth date the age is unknown: say so rather than print a number (never "만 0세").
            String age = patient.ageKnown() ? "" : ".ageUnknown";
            if (patient.examDate() == null) {
                return b.text("intro.noDate" + age, values);
            }
            values.put("examDate", patient.examDate().format(
                    DateTimeFormatter.ofPattern(b.text("date.pattern"), ko ? Locale.KOREAN : Locale.ENGLISH)));
            return b.text("intro" + age, values);
        }

        private void overall() {
            section("section.overall");
            List<String> flags = flags();
            if (flags.contains("NORMAL_A") && !complete()) {
                // An incomplete case is never printed as 정상A (screening-criteria.md §4.5).
                line(b.text("overall.withheld"));
                line(b.text("overall.withheld.meaning"));
            } else {
                line(b.text("overall.flags", Map.of("labels", flags.stream().map(this::flagLabel)
                        .collect(Collectors.joining(b.text("flag.separator"))))));
                for (String flag : flags) {
                    String key = "overall.meaning." + flag;
                    if (!b.has(key)) {
                        continue;
                    }
                    if (flag.equals("CARDIOMETABOLIC_SUSPECT")) {
                        List<TargetDisease> suspect = suspectCardiometabolic();
                        String diseases = diseases(suspect);
                        line(suspect.isEmpty() ? b.text(key + ".unnamed")
                                : b.text(key, Map.of("diseases", diseases, "josa_i", josaI(diseases))));
                    } else if (flag.equals("NORMAL_A") && !notJudgedUnits().isEmpty()) {
                        // "every item is fine" would hide the units that were not judged (unknown sex, an invalid value)
                        line(b.text(key + ".partial", Map.of("units", String.join(b.text("list.separator"), notJudgedUnits()))));
                    } else {
                        line(b.text(key));
                    }
                }
            }
            List<String> normalUnits = new ArrayList<>();
            for (JudgementUnit unit : JudgementUnit.values()) {
                if (unitCategory(unit) == Category.NORMAL_A) {
                    normalUnits.add(unitName(unit));
                }
            }
            if (!normalUnits.isEmpty() && !flags.equals(List.of("NORMAL_A"))) {
                line(b.text("overall.normalUnits", Map.of("units", String.join(b.text("list.separator"), normalUnits))));
            }
            if (!complete()) {
                line(b.text("overall.incomplete"));
            }
            if (j.overall() != null && j.overall().needsPhysicianReview()) {
                line(b.text("overall.review"));
            }
        }

        private String flagLabel(String flag) {
            if (flag.equals("CARDIOMETABOLIC_SUSPECT") && legacyRuleset()) {
                return b.text("flag.CARDIOMETABOLIC_SUSPECT.legacy");
            }
            return b.has("flag." + flag) ? b.text("flag." + flag) : flag;
        }

        /** Suspect target diseases of the ruleset's cardiometabolic list: the box label is not a sentence about them. */
        private List<TargetDisease> suspectCardiometabolic() {
            return cardiometabolic.stream().filter(j.suspectedDiseases()::contains).toList();
        }

        private void findings() {
            if (groups.isEmpty()) {
                return;
            }
            section("section.findings");
            groups.forEach((disease, entries) -> {
                line(b.text("group.header", Map.of("disease", capitalize(diseaseName(disease)))));
                for (Entry e : entries) {
                    line(b.text("finding.line", Map.of(
                            "items", capitalize(e.items().stream().map(this::itemText)
                                    .collect(Collectors.joining(b.text("finding.item.separator")))),
                            "category", ko ? e.category().labelKo() : e.category().labelEn(),
                            "meaning", meaning(e))));
                }
            });
        }

        private String itemText(ItemKey key) {
            return b.itemText(key, item(key));
        }

        private String meaning(Entry e) {
            Judgement.UnitJudgement uj = unitJudgement(e.unit());
            if (e.category() == Category.DISEASE_SUSPECT && uj != null && uj.underTreatment()) {
                return b.text("meaning.treated.DISEASE_SUSPECT");
            }
            String base = "meaning." + e.unit().json() + "." + e.category().name();
            String side = base + (e.low() ? ".low" : ".high");
            return b.firstOf(side, base, "meaning.default." + e.category().name());
        }

        private void notJudged() {
            List<String> lines = new ArrayList<>();
            boolean notScheduled = false;
            for (JudgementUnit unit : JudgementUnit.values()) {
                Judgement.UnitJudgement uj = unitJudgement(unit);
                if (uj != null && uj.category() != null) {
                    continue;
                }
                String note = uj == null || uj.note() == null ? "not_judged" : uj.note();
                if (note.equals("not_scheduled")) {
                    notScheduled = true;
                    continue;
                }
                String key = "notJudged." + note;
                if (note.equals("not_judged") && unit == JudgementUnit.CHEST_XRAY && item(ItemKey.CHEST_XRAY) != null
                        && item(ItemKey.CHEST_XRAY).value() instanceof String code && b.has(key + "." + code)) {
                    key = key + "." + code;
                } else if (note.equals("not_judged") && unit.items().stream().allMatch(ItemKey::lipid)) {
                    key = key + ".lipids"; // a lipid is never unjudged but for an unknown schedule (no birth date)
                }
                lines.add(b.text(b.has(key) ? key : "notJudged.not_judged", Map.of("name", capitalize(unitName(unit)))));
            }
            List<ItemKey> measuredNotDue = Arrays.stream(ItemKey.values())
                    .filter(k -> item(k) != null && item(k).measuredNotDue()).toList();
            if (notScheduled && measuredNotDue.isEmpty()) {
                lines.add(b.text("notJudged.not_scheduled"));
            }
            if (!measuredNotDue.isEmpty()) {
                // Measured although not due: the values are given and never called "not done".
                section("section.notDue");
                line(b.text("notDue.line", Map.of("items", capitalize(measuredNotDue.stream().map(this::itemText)
                        .collect(Collectors.joining(b.text("finding.item.separator")))))));
            }
            if (!lines.isEmpty()) {
                section("section.notJudged");
                lines.forEach(this::line);
            }
        }

        /** The names of the units that apply but were not judged (lipids not scheduled do not apply). */
        private List<String> notJudgedUnits() {
            return DraftChecker.notJudged(j).stream().map(this::unitName).toList();
        }

        private boolean anyNotJudged() {
            for (JudgementUnit unit : JudgementUnit.values()) {
                Judgement.UnitJudgement uj = unitJudgement(unit);
                if (uj == null || (uj.category() == null && !"not_scheduled".equals(uj.note()))) {
                    return true;
                }
            }
            return false;
        }

        private void advice() {
            List<String> lines = new ArrayList<>();
            List<TargetDisease> advised = groups.keySet().stream()
                    .filter(d -> groupHas(d, Category.NORMAL_B) || groupHas(d, Category.DISEASE_SUSPECT)).toList();
            if (compact && !advised.isEmpty()) {
                lines.add(b.text("advice.line", Map.of("disease", capitalize(diseases(advised)), "advice", b.text("advice.compact"))));
            } else {
                for (TargetDisease disease : advised) {
                    String key = onlyUnderweight(disease) ? "advice." + disease.name() + ".low" : "advice." + disease.name();
                    lines.add(b.text("advice.line", Map.of("disease", capitalize(diseaseName(disease)), "advice", b.text(key))));
                }
            }
            if (!lines.isEmpty()) {
                section("section.advice");
                lines.forEach(this::line);
            }
        }

        private void followUp() {
            section("section.followup");
            List<String> flags = flags();
            boolean known = flags.contains("KNOWN_DISEASE");
            List<TargetDisease> suspect = groups.keySet().stream().filter(j.suspectedDiseases()::contains).toList();
            List<TargetDisease> cardio = suspect.stream().filter(cardiometabolic::contains).toList();
            List<TargetDisease> general = suspect.stream().filter(d -> !cardiometabolic.contains(d)).toList();
            // 질환의심 values in a disease the person is already treated for add no flag and are not "suspected" (§4.3).
            List<TargetDisease> treatedHigh = groups.keySet().stream()
                    .filter(d -> groupHas(d, Category.DISEASE_SUSPECT) && !suspect.contains(d)).toList();
            List<TargetDisease> borderline = groups.keySet().stream()
                    .filter(d -> groupHas(d, Category.NORMAL_B) && !groupHas(d, Category.DISEASE_SUSPECT)).toList();
            Set<String> unclassified = new LinkedHashSet<>();
            groups.values().forEach(entries -> entries.stream().filter(e -> e.category() == Category.UNCLASSIFIED)
                    .forEach(e -> e.items().forEach(k -> unclassified.add(b.itemName(k)))));
            int before = out.length();

            if (!cardio.isEmpty()) {
                Map<String, String> values = Map.of("diseases", diseases(cardio), "year",
                        patient.examDate() == null ? "" : Integer.toString(patient.examDate().getYear() + 1));
                // a late draft (a December exam corrected in February) must not promise a free visit that has lapsed
                boolean lapsed = patient.examDate() != null
                        && FreeFirstVisit.lapsed(patient.examDate(), today);
                line(b.text(patient.examDate() == null ? "followup.cardiometabolic.noYear"
                        : lapsed ? "followup.cardiometabolic.lapsed" : "followup.cardiometabolic", values));
            }
            if (!treatedHigh.isEmpty()) {
                line(b.text("followup.treated", Map.of("diseases", capitalize(diseases(treatedHigh)))));
            }
            if (!general.isEmpty()) {
                line(b.text("followup.general", Map.of("diseases", diseases(general))));
            }
            if (!borderline.isEmpty()) {
                line(b.text("followup.normalB", Map.of("diseases", diseases(borderline))));
            }
            if (!unclassified.isEmpty()) {
                line(b.text("followup.unclassified", Map.of("items", capitalize(String.join(b.text("list.separator"), unclassified)))));
            }
            if (known) {
                line(b.text("followup.known"));
            }
            if (anyNotJudged()) {
                line(b.text("followup.retest"));
            }
            if (out.length() == before) {
                line(b.text("followup.none"));
            }
        }

        // --- helpers ------------------------------------------------------------------------------------

        private String unitName(JudgementUnit unit) {
            String key = "unit." + unit.json() + ".name";
            return b.has(key) ? b.text(key) : b.itemName(unit.items().get(0));
        }

        private void section(String key) {
            out.append('\n').append(b.text(key)).append('\n');
        }

        private void line(String text) {
            out.append(text).append('\n');
        }

        private String capitalize(String s) {
            // "systolic ..." → "Systolic ...", but "eGFR" stays as it is.
            if (ko || s.length() < 2 || !Character.isLowerCase(s.charAt(0)) || Character.isUpperCase(s.charAt(1))) {
                return s;
            }
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        /** Korean subject particle: 이 after a final consonant, 가 after a vowel. */
        private static String josaI(String word) {
            if (word.isEmpty()) {
                return "이";
            }
            char last = word.charAt(word.length() - 1);
            if (last >= 0xAC00 && last <= 0xD7A3) {
                return (last - 0xAC00) % 28 == 0 ? "가" : "이";
            }
            return "이";
        }
    }
}
