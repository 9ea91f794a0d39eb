package com.checkupflow.report;

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

    private final ScreeningRepository screenings;
    private final CenterAccess access;

    ReportController(ScreeningRepository screenings, CenterAccess access) {
        this.access = access;
        this.screenings = screenings;
    }

    /** The issued report; 409 while the screening has not been issued yet. */
    @GetMapping("/api/screenings/{id}/report.html")
    ResponseEntity<String> html(@PathVariable String id) {
        Screening s = screenings.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "Screening not found", new Problem("screening_not_found", "No screening with id " + id)));
        access.requireCenter(s.center());
        if (s.reportHtml() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Report not issued yet",
                    new Problem("report_not_issued", "The screening is at stage " + s.stage() + "; the report is issued after review"));
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(s.reportHtml());
    }
}
