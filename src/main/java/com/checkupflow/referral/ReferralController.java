package com.checkupflow.referral;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.report.ReportPdf;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.security.CenterAccess;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

@RestController
class ReferralController {

    private final ReferralService referrals;
    private final ReportPdf pdf;
    private final ScreeningRepository screenings;
    private final CenterAccess access;

    ReferralController(ReferralService referrals, ReportPdf pdf, ScreeningRepository screenings, CenterAccess access) {
        this.referrals = referrals;
        this.pdf = pdf;
        this.screenings = screenings;
        this.access = access;
    }

    /** The signed referral letter; 404 when the screening has none, 409 before it is signed. */
    @GetMapping("/api/screenings/{id}/referral.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        // The letter names the patient like the report: only the screening's center (and managers) may read it.
        screenings.find(id).ifPresent(s -> access.requireCenter(s.center()));
        ReferralRepository.Referral r = referrals.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "No referral letter", new Problem("referral_not_found", "Screening " + id + " has no referral letter")));
        if (r.letterHtml() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Referral letter not signed yet",
                    new Problem("referral_not_signed", "The referral letter is signed by a physician first"));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"referral-" + id + ".pdf\"")
                .body(pdf.render(r.letterHtml()));
    }
}
