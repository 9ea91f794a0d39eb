package com.checkupflow.report;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.security.CenterAccess;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

@RestController
class ReportController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private final ScreeningRepository screenings;
    private final CenterAccess access;
    private final ReportPdf pdf;
    private final ReportFhirExporter fhir;

    ReportController(ScreeningRepository screenings, CenterAccess access, ReportPdf pdf, ReportFhirExporter fhir) {
        this.access = access;
        this.screenings = screenings;
        this.pdf = pdf;
        this.fhir = fhir;
    }

    /** The issued report; 409 while the screening has not been issued yet. */
    @GetMapping("/api/screenings/{id}/report.html")
    ResponseEntity<String> html(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(issued(id).reportHtml());
    }

    /** The issued report as PDF, rendered from the same document as report.html. */
    @GetMapping("/api/screenings/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"report-" + id + ".pdf\"")
                .body(pdf.render(issued(id).reportHtml()));
    }

    /** The issued report as a FHIR R4 Bundle (DiagnosticReport + Observations). */
    @GetMapping("/api/screenings/{id}/fhir")
    ResponseEntity<String> fhir(@PathVariable String id) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(fhir.exportJson(issued(id)));
    }

    private Screening issued(String id) {
        Screening s = screenings.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "Screening not found", new Problem("screening_not_found", "No screening with id " + id)));
        access.requireCenter(s.center());
        if (s.reportHtml() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Report not issued yet",
                    new Problem("report_not_issued", "The screening is at stage " + s.stage() + "; the report is issued after review",
                            java.util.Map.of("stage", String.valueOf(s.stage()))));
        }
        return s;
    }
}
