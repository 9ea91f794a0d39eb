package com.checkupflow.report;

import org.springframework.stereotype.Component;

import com.checkupflow.center.Centers;
import com.checkupflow.delivery.DeliveryDocuments;
import com.checkupflow.screening.ScreeningRepository;

/** The issued report as the delivery channels send it: the PDF, and a short cover text without any finding. */
@Component
class ReportDeliveryDocuments implements DeliveryDocuments {

    private final ScreeningRepository screenings;
    private final ReportPdf pdf;
    private final Centers centers;

    ReportDeliveryDocuments(ScreeningRepository screenings, ReportPdf pdf, Centers centers) {
        this.screenings = screenings;
        this.pdf = pdf;
        this.centers = centers;
    }

    @Override
    public Document report(String screeningId) {
        ScreeningRepository.IssuedReport s = screenings.issuedReport(screeningId)
                .orElseThrow(() -> new IllegalStateException("Report of " + screeningId + " not issued"));
        String center = centers.get(s.center()).displayName(s.language());
        boolean en = "en".equals(s.language());
        String subject = en ? "Your health screening result (" + center + ")" : "[" + center + "] 건강검진 결과통보서";
        String body = en
                ? "Your health screening result of " + s.examDate() + " is attached as a PDF.\n\n" + center
                : s.examDate() + " 건강검진 결과통보서를 PDF로 보내드립니다.\n\n" + center;
        return new Document(subject, body, "report-" + s.examDate() + ".pdf", pdf.render(s.reportHtml()));
    }
}
