package com.checkupflow.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.checkupflow.document.DocumentTemplates;

/** The documents the PDF renderer is compared on: the report in Korean and English, a long report, a referral letter. */
final class ReportSamples {

    /** A summary long enough to continue on a third page, in paragraphs of Korean sentences. */
    static final String LONG_SUMMARY = String.join("\n\n", java.util.Collections.nCopies(14,
            "혈압이 높습니다(수축기 152 mmHg, 이완기 92 mmHg). 가까운 의원에서 확진검사를 받으시고, 싱겁게 드시며 규칙적으로 "
                    + "운동하세요. HDL 콜레스테롤이 35 mg/dL로 낮아 이상지질혈증이 의심됩니다."));

    private ReportSamples() {
    }

    /** Name → XHTML, in the order they are compared. */
    static Map<String, String> all(ReportExamples examples) {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("report-ko", examples.html("ko"));
        samples.put("report-en", examples.html("en"));
        samples.put("report-long", examples.renderer.render(ReportExamples.issued("ko", null, List.of()),
                ReportExamples.mixed(), LONG_SUMMARY, "박도윤 (면허번호 20103)", ReportExamples.ISSUED,
                new AiDisclosure.AiUse("ollama", "m", "v1")));
        samples.put("referral-ko", referral());
        return samples;
    }

    static String referral() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("lang", "ko");
        v.put("title", "진료의뢰서");
        v.put("labelCenter", "검진기관");
        v.put("labelExamDate", "검진일");
        v.put("labelPatient", "환자");
        v.put("labelAppointment", "진료 예약");
        v.put("labelSignedBy", "의뢰 의사");
        v.put("center", "강남센터");
        v.put("examDate", "2026-11-18");
        v.put("patient", ReportExamples.NAME + " · " + ReportExamples.MASKED_RRN + " · 46세");
        v.put("appointment", "2026-12-01 10:30 (KST) · 서울대병원 신장내과");
        v.put("letter", "신장내과 선생님께,\n\n건강검진에서 혈청 크레아티닌 1.62 mg/dL, 사구체여과율(eGFR) 48 mL/min/1.73m²로 "
                + "질환의심 판정을 받은 46세 남성 환자를 의뢰드립니다. 요단백은 양성(1+)입니다.\n\n정밀검사와 진료를 부탁드립니다.");
        v.put("signer", "김하늘 (면허번호 12345)");
        v.put("signedAt", "2026-11-20 10:30 (KST)");
        return new DocumentTemplates().xhtml("documents/referral-letter/letter.html", v);
    }
}
