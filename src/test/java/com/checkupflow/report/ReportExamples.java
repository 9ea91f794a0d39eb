package com.checkupflow.report;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;

/** An issued screening with a mixed judgement, and the report beans built without Spring. */
final class ReportExamples {

    static final String RRN = "800315-1234567";
    static final String MASKED_RRN = "800315-1******";
    static final String NAME = "김민수";
    static final String SUMMARY = "혈압이 높습니다. 가까운 의원에서 확진검사를 받으세요.";
    static final Instant ISSUED = Instant.parse("2026-11-20T01:30:00Z");
    static final Path FONT = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
    static final Path FALLBACK_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    final ItemLabels labels = new ItemLabels();
    final Centers centers = mock(Centers.class);
    final ScreeningRepository screenings = mock(ScreeningRepository.class);
    final ReferenceBands bands;
    final ReportRenderer renderer;
    final ReportPdf pdf = new ReportPdf(new ReportProperties(FONT, FALLBACK_FONT));
    /** No model text unless a test says otherwise. */
    final AiDisclosure aiDisclosure = mock(AiDisclosure.class);

    ReportExamples() {
        this(com.checkupflow.judgement.DmnFileRules.shipped());
    }

    /** With the bands of these rules (the screening's recorded version is looked up in {@link #screenings}). */
    ReportExamples(com.checkupflow.judgement.JudgingRules rules) {
        bands = new ReferenceBands(rules, screenings, labels);
        when(centers.get("gangnam")).thenReturn(new Center("gangnam", "강남센터", "Gangnam", "ko"));
        when(screenings.bundleJson(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
        renderer = new ReportRenderer(new com.checkupflow.document.DocumentTemplates(), labels, bands, centers);
    }

    /** An exporter whose stored judgement is {@link #mixed()}. */
    ReportFhirExporter exporter(ca.uhn.fhir.context.FhirContext fhir) {
        com.checkupflow.judgement.JudgementJson json = mock(com.checkupflow.judgement.JudgementJson.class);
        when(json.read(org.mockito.ArgumentMatchers.any())).thenReturn(mixed());
        return new ReportFhirExporter(fhir, screenings, json, bands, labels, centers, pdf, aiDisclosure, renderer,
                mock(com.checkupflow.physician.PhysicianProfiles.class));
    }

    /** BP 152/92 (critical SBP is not reached), HDL 35 (low), AST 45 (B), urine 1+, the rest normal. */
    static Judgement mixed() {
        Map<String, Judgement.Item> items = new LinkedHashMap<>();
        q(items, ItemKey.HEIGHT, "172.3", null);
        q(items, ItemKey.WEIGHT, "70.1", null);
        q(items, ItemKey.BMI, "23.6", Category.NORMAL_A);
        q(items, ItemKey.WAIST, "84.0", Category.NORMAL_A);
        q(items, ItemKey.SYSTOLIC_BP, "152", Category.DISEASE_SUSPECT);
        q(items, ItemKey.DIASTOLIC_BP, "92", Category.DISEASE_SUSPECT);
        q(items, ItemKey.HEMOGLOBIN, "14.6", Category.NORMAL_A);
        q(items, ItemKey.FASTING_GLUCOSE, "91", Category.NORMAL_A);
        q(items, ItemKey.TOTAL_CHOLESTEROL, "185", Category.NORMAL_A);
        q(items, ItemKey.HDL, "35", Category.DISEASE_SUSPECT);
        q(items, ItemKey.TRIGLYCERIDES, "120", Category.NORMAL_A);
        q(items, ItemKey.LDL, "110", Category.NORMAL_A);
        q(items, ItemKey.AST, "45", Category.NORMAL_B);
        q(items, ItemKey.ALT, "30", Category.NORMAL_A);
        q(items, ItemKey.GGT, "40", Category.NORMAL_A);
        q(items, ItemKey.CREATININE, "0.95", Category.NORMAL_A);
        q(items, ItemKey.EGFR, "88", Category.NORMAL_A);
        items.put(ItemKey.URINE_PROTEIN.json(), new Judgement.Item(ItemStatus.VALID, Category.DISEASE_SUSPECT, "1+",
                null, "167275009", null, null, "obs-urine_protein"));
        items.put(ItemKey.CHEST_XRAY.json(), new Judgement.Item(ItemStatus.VALID, Category.NORMAL_A, "normal",
                null, "normal", null, null, "obs-chest_xray"));
        return new Judgement("KR-NHIS-GHS-2026", items, Map.of(),
                new Judgement.Overall("CARDIOMETABOLIC_SUSPECT", List.of("CARDIOMETABOLIC_SUSPECT", "GENERAL_SUSPECT"),
                        Category.DISEASE_SUSPECT, true, false));
    }

    private static void q(Map<String, Judgement.Item> items, ItemKey key, String value, Category category) {
        items.put(key.json(), new Judgement.Item(ItemStatus.VALID, category, new BigDecimal(value), key.canonicalUnit(),
                new BigDecimal(value), key.canonicalUnit(), null, "obs-" + key.json()));
    }

    static Screening issued(String language, String reportHtml, List<String> criticalFindings) {
        return issued(language, reportHtml, criticalFindings, LocalDate.of(2026, 11, 18));
    }

    static Screening issued(String language, String reportHtml, List<String> criticalFindings, LocalDate examDate) {
        PatientInfo patient = new PatientInfo(null, NAME, Sex.MALE, LocalDate.of(1980, 3, 15), RRN, List.of());
        return new Screening("scr-1", "gangnam", "urn:test", "b-1", "pi-1", language, Stage.ISSUED,
                ISSUED.minusSeconds(86400), examDate, patient, true, Set.of(), "{}",
                criticalFindings, SUMMARY, reportHtml, ISSUED, "physicianGangnam");
    }

    String html(String language) {
        return renderer.render(issued(language, null, List.of()), mixed(), SUMMARY, "physicianGangnam", ISSUED, null);
    }
}
