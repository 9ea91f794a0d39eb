package com.checkupflow.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.checkupflow.center.CenterTime;
import com.checkupflow.center.Centers;
import com.checkupflow.document.DocumentTemplates;
import com.checkupflow.judgement.CriticalFinding;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.FreeFirstVisit;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.TargetDisease;
import com.checkupflow.kernel.TreatedDisease;
import com.checkupflow.screening.PersonalData;
import com.checkupflow.screening.Screening;

/**
 * Renders the issued report from {@code report/report.html} (Thymeleaf in XML mode, the documents' one template
 * engine), well-formed XHTML that is served as is and turned into the PDF by {@link ReportPdf}. Every value is
 * escaped by the template engine; the RRN is printed masked only.
 */
@Component
class ReportRenderer {

    /** The boxes of the official result notice, in the form's order. */
    static final List<String> OVERALL_BOXES = List.of("NORMAL_A", "NORMAL_B", "GENERAL_SUSPECT",
            "CARDIOMETABOLIC_SUSPECT", "KNOWN_DISEASE");
    static final String TICKED = "■";
    static final String UNTICKED = "□";
    private static final Set<String> SUSPECT_FLAGS = Set.of("CARDIOMETABOLIC_SUSPECT", "GENERAL_SUSPECT");
    private static final Set<String> NORMAL_FLAGS = Set.of("NORMAL_A", "NORMAL_B");
    private static final Pattern RULESET_YEAR = Pattern.compile("(20\\d\\d)");


    static final String TEMPLATE = "report/report.html";

    private final Properties texts = new Properties();
    private final DocumentTemplates templates;
    private final ItemLabels labels;
    private final ReferenceBands bands;
    private final Centers centers;

    ReportRenderer(DocumentTemplates templates, ItemLabels labels, ReferenceBands bands, Centers centers) {
        this.templates = templates;
        this.labels = labels;
        this.bands = bands;
        this.centers = centers;
        try (Reader textsIn = new InputStreamReader(
                ReportRenderer.class.getResourceAsStream("/report/report-texts.properties"), StandardCharsets.UTF_8)) {
            texts.load(textsIn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param aiUse the model behind the text, which the report then names; null when no model wrote any of it */
    String render(Screening s, Judgement judgement, String finalText, String signer, Instant signedAt,
                  AiDisclosure.AiUse aiUse) {
        String lang = "en".equals(s.language()) ? "en" : "ko";
        Map<String, Object> v = new HashMap<>();
        v.put("lang", lang);
        for (String key : List.of("title", "center", "examDate", "name", "rrn", "sex", "age", "overall", "items",
                "item", "value", "unit", "bands", "category", "summary", "advice", "signedBy", "signedAt")) {
            v.put(key.equals("title") ? "title" : "label" + Character.toUpperCase(key.charAt(0)) + key.substring(1),
                    text(key, lang));
        }
        v.put("bandsNote", text("bandsNote", lang));
        v.put("labelNormalA", Category.NORMAL_A.label(lang));
        v.put("labelNormalB", Category.NORMAL_B.label(lang));
        v.put("labelSuspect", Category.DISEASE_SUSPECT.label(lang));
        v.put("center", centers.get(s.center()).displayName(lang));
        v.put("examDate", s.examDate() == null ? "" : s.examDate().toString());
        v.put("patientName", s.patient().name() == null || s.patient().name().isBlank() ? text("nameUnknown", lang)
                : s.patient().name());
        v.put("patientRrn", s.patient().rrn() == null ? "" : PersonalData.maskRrn(s.patient().rrn()));
        v.put("patientSex", s.sex() == null ? "" : text(s.sex().code(), lang));
        v.put("patientAge", s.age() < 0 ? "" : s.age() + " " + text("ageUnit", lang));
        v.put("summary", finalText == null ? "" : finalText);
        v.put("signer", signer == null ? "" : signer);
        v.put("signedAt", signedAt == null ? "" : CenterTime.format(signedAt));
        v.put("aiNotice", aiUse == null ? null : aiNotice(lang, signer));
        v.put("boxes", boxes(judgement, lang));
        v.put("rows", rows(judgement, s.sex(), lang, bands.of(s.id())));
        // the free first visit is promised only while it still holds on the day the report is issued
        boolean freeVisitLapsed = s.examDate() != null && signedAt != null
                && FreeFirstVisit.lapsed(s.examDate(), LocalDate.ofInstant(signedAt, CenterTime.ZONE));
        v.put("advice", advice(judgement, s.treatedDiseases(), lang, freeVisitLapsed));
        v.put("urgency", urgency(judgement, s.criticalFindings(), lang));
        return templates.xhtml(TEMPLATE, v);
    }

    /** A box of the overall result: ticked when the judgement has its flag. */
    record Box(boolean ticked, String mark, String label) {
    }

    /** A row of the items table: the item, its value and unit, the printed bands and its category. */
    record Row(boolean abnormal, String item, boolean numeric, String value, String unit, String normalA,
                      String normalB, String suspect, String category) {
    }

    /** The notice that a generative-AI draft was reviewed, edited and signed by the physician (named as signed). */
    String aiNotice(String lang, String physician) {
        return text("aiNotice", lang).replace("{physician}", physician == null ? "" : physician);
    }

    /**
     * The urgency statement of a screening with a critical (panic) value of the decision critical_values, with each
     * value and unit; null when there is none. Printed above the overall result.
     */
    private String urgency(Judgement judgement, List<String> criticalFindings, String lang) {
        List<String> values = CriticalFinding.items(criticalFindings).stream()
                .filter(key -> judgement.items().get(key.json()) != null).map(key -> {
                    Judgement.Item item = judgement.items().get(key.json());
                    String unit = labels.unit(item.unit());
                    return labels.item(key, lang) + " " + labels.value(item.value(), lang) + (unit.isEmpty() ? "" : " " + unit);
                }).toList();
        return values.isEmpty() ? null : text("urgency", lang).replace("{items}", String.join(", ", values));
    }

    /**
     * An incomplete screening ticks no 정상A/정상B: a missing test may change it (criteria §4.5); its result is
     * printed as pending, the suspect boxes of what was judged still ticked.
     */
    private List<Box> boxes(Judgement judgement, String lang) {
        boolean complete = judgement.overall().complete();
        List<Box> boxes = new ArrayList<>(OVERALL_BOXES.stream().map(flag -> {
            boolean ticked = judgement.overall().flags().contains(flag) && (complete || !NORMAL_FLAGS.contains(flag));
            return new Box(ticked, ticked ? TICKED : UNTICKED, labels.flag(flag, lang));
        }).toList());
        if (!complete) {
            boxes.add(new Box(true, TICKED, text("pending", lang)));
        }
        return boxes;
    }

    private List<Row> rows(Judgement judgement, Sex sex, String lang, ReferenceBands.Printed printed) {
        List<Row> rows = new ArrayList<>();
        judgement.items().forEach((json, item) -> {
            ItemKey key = ItemKey.fromJson(json).orElseThrow();
            boolean abnormal = item.category() != null && item.category() != Category.NORMAL_A;
            boolean valid = item.status() == ItemStatus.VALID || item.measuredNotDue();
            String value = valid ? labels.value(item.value(), lang) : labels.status(item.status(), lang);
            String category = item.category() != null ? item.category().label(lang)
                    : item.measuredNotDue() ? labels.notDue(lang) : "";
            rows.add(new Row(abnormal, labels.item(key, lang), !key.coded(), value, valid ? labels.unit(item.unit()) : "",
                    printed.band(key, sex, Category.NORMAL_A, lang), printed.band(key, sex, Category.NORMAL_B, lang),
                    printed.band(key, sex, Category.DISEASE_SUSPECT, lang), category));
        });
        return rows;
    }

    private List<String> advice(Judgement judgement, Set<TreatedDisease> treated, String lang, boolean freeVisitLapsed) {
        List<String> lines = new ArrayList<>();
        boolean complete = judgement.overall().complete();
        if (!complete) {
            lines.add(text("advice.INCOMPLETE", lang).replace("{items}", missingTests(judgement, lang)));
        }
        for (String flag : judgement.overall().flags()) {
            if (!complete && NORMAL_FLAGS.contains(flag)) {
                continue;
            }
            String key = "advice." + flag + (freeVisitLapsed && flag.equals("CARDIOMETABOLIC_SUSPECT") ? ".lapsed" : "");
            String text = texts.getProperty(key + "." + lang);
            if (SUSPECT_FLAGS.contains(flag)) {
                // The official box label lists every disease of the box; the sentence names only the suspected ones.
                List<TargetDisease> named = suspected(judgement, treated, flag.equals("CARDIOMETABOLIC_SUSPECT"));
                text = named.isEmpty() ? texts.getProperty(key + ".unnamed." + lang)
                        : text.replace("{diseases}", diseases(named, lang));
            }
            if (text != null) {
                lines.add(text);
            }
        }
        return lines;
    }

    /** The items a complete screening still needs: missing, invalid, or a coded test not read (X-ray not taken). */
    private String missingTests(Judgement judgement, String lang) {
        List<String> names = new ArrayList<>();
        judgement.items().forEach((json, item) -> {
            ItemKey key = ItemKey.fromJson(json).orElseThrow();
            if (item.status() == ItemStatus.MISSING || item.status() == ItemStatus.INVALID
                    || (item.status() == ItemStatus.VALID && key.coded() && item.category() == null)) {
                names.add(labels.item(key, lang));
            }
        });
        return String.join(", ", names);
    }

    /**
     * The target diseases whose unit is 질환의심, of the cardiometabolic box or of the general one; a disease under
     * treatment is not "suspected" (its values add no flag, screening-criteria.md §4.3).
     */
    private static List<TargetDisease> suspected(Judgement judgement, Set<TreatedDisease> treated, boolean cardiometabolic) {
        Set<TargetDisease> box = cardiometabolicDiseases(judgement.ruleset());
        // the screening's treated diseases too: a judgement stored before it marked units under treatment
        return judgement.suspectedDiseases().stream()
                .filter(disease -> box.contains(disease) == cardiometabolic
                        && treated.stream().noneMatch(t -> t.name().equals(disease.name())))
                .toList();
    }

    /** Hypertension, diabetes and (since the 2026 ruleset) dyslipidemia. */
    private static Set<TargetDisease> cardiometabolicDiseases(String ruleset) {
        Matcher year = RULESET_YEAR.matcher(ruleset == null ? "" : ruleset);
        return year.find() && Integer.parseInt(year.group(1)) < 2026
                ? EnumSet.of(TargetDisease.HYPERTENSION, TargetDisease.DIABETES)
                : EnumSet.of(TargetDisease.HYPERTENSION, TargetDisease.DIABETES, TargetDisease.DYSLIPIDEMIA);
    }

    /** "고혈압, 당뇨병과 이상지질혈증이" / "Hypertension, diabetes and dyslipidemia": a list with its particle. */
    private String diseases(List<TargetDisease> diseases, String lang) {
        boolean ko = !"en".equals(lang);
        List<String> names = diseases.stream().map(d -> d.label(lang)).toList();
        String last = names.get(names.size() - 1);
        String list = names.size() == 1 ? last : String.join(", ", names.subList(0, names.size() - 1))
                + (ko ? (finalConsonant(names.get(names.size() - 2)) ? "과 " : "와 ") : " and ") + last;
        if (ko) {
            return list + (finalConsonant(last) ? "이" : "가");
        }
        return Character.toUpperCase(list.charAt(0)) + list.substring(1) + (names.size() == 1 ? " is" : " are");
    }

    private static boolean finalConsonant(String word) {
        char last = word.charAt(word.length() - 1);
        return last < 0xAC00 || last > 0xD7A3 || (last - 0xAC00) % 28 != 0;
    }

    private String text(String key, String lang) {
        return texts.getProperty(key + "." + lang, key);
    }
}
