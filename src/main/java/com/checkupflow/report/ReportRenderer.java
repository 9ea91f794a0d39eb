package com.checkupflow.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.checkupflow.center.Centers;
import com.checkupflow.judgement.Category;
import com.checkupflow.judgement.ItemKey;
import com.checkupflow.judgement.ItemLabels;
import com.checkupflow.judgement.ItemStatus;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.screening.PersonalData;
import com.checkupflow.screening.Screening;

/** Renders the issued report as HTML from {@code report/report.html}; every value is HTML-escaped. */
@Component
class ReportRenderer {

    private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Seoul"));

    private final String template;
    private final ItemLabels labels;
    private final Centers centers;

    ReportRenderer(ItemLabels labels, Centers centers) {
        this.labels = labels;
        this.centers = centers;
        try (InputStream in = ReportRenderer.class.getResourceAsStream("/report/report.html")) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(Screening s, Judgement judgement, String finalText, String signer, Instant signedAt) {
        boolean en = "en".equals(s.language());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("lang", en ? "en" : "ko");
        v.put("title", en ? "Health screening result" : "일반건강검진 결과통보서");
        v.put("labelCenter", en ? "Center" : "검진기관");
        v.put("labelExamDate", en ? "Exam date" : "검진일");
        v.put("labelPatient", en ? "Patient" : "수검자");
        v.put("labelOverall", en ? "Overall result" : "종합판정");
        v.put("labelItem", en ? "Item" : "검사항목");
        v.put("labelValue", en ? "Result" : "결과");
        v.put("labelUnit", en ? "Unit" : "단위");
        v.put("labelCategory", en ? "Category" : "판정");
        v.put("labelSummary", en ? "Summary" : "종합소견");
        v.put("labelSigned", en ? "Signed by" : "판정의사");
        v.put("center", centers.get(s.center()).displayName(s.language()));
        v.put("examDate", s.examDate() == null ? "" : s.examDate().toString());
        v.put("patient", PersonalData.maskName(s.patient().name()) + " · " + PersonalData.maskRrn(s.patient().rrn())
                + " · " + (s.sex() == null ? "" : s.sex().code()) + " · " + s.age());
        v.put("overall", String.join(", ", judgement.overall().flags().stream()
                .map(f -> labels.flag(f, s.language())).toList()));
        v.put("summary", finalText);
        v.put("signer", signer == null ? "" : signer);
        v.put("signedAt", SIGNED.format(signedAt));
        String html = template;
        for (Map.Entry<String, String> e : v.entrySet()) {
            html = html.replace("{{" + e.getKey() + "}}", HtmlUtils.htmlEscape(e.getValue()));
        }
        return html.replace("{{rows}}", rows(judgement, s.language()));
    }

    private String rows(Judgement judgement, String lang) {
        StringBuilder rows = new StringBuilder();
        judgement.items().forEach((json, item) -> {
            ItemKey key = ItemKey.fromJson(json).orElseThrow();
            boolean abnormal = item.category() != null && item.category() != Category.NORMAL_A;
            String value = item.status() == ItemStatus.VALID ? labels.value(item.value(), lang) : labels.status(item.status());
            String category = item.category() == null ? "" : "en".equals(lang) ? item.category().labelEn() : item.category().labelKo();
            rows.append("  <tr").append(abnormal ? " class=\"abnormal\"" : "").append("><td>")
                    .append(HtmlUtils.htmlEscape(labels.item(key, lang))).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(value)).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(item.status() == ItemStatus.VALID ? labels.unit(item.unit()) : ""))
                    .append("</td><td>").append(HtmlUtils.htmlEscape(category)).append("</td></tr>\n");
        });
        return rows.toString();
    }
}
