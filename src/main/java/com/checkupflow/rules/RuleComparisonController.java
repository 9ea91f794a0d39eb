package com.checkupflow.rules;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.checkupflow.center.Centers;
import com.checkupflow.judgement.JudgingRules;
import com.checkupflow.security.CenterAccess;
import com.checkupflow.security.Roles;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * {@code POST /api/judgements/compare}: an edited screening-judgement.dmn against the deployed rules over a center's
 * last stored screenings, before a designer deploys it. Designers compare over any center (they change the rules for
 * all centers; the answer is de-identified), center staff with the dry run's roles over their own center only, and
 * administrators; the read is in the access log ({@code JUDGEMENT_COMPARE}).
 */
@RestController
class RuleComparisonController {

    static final int MAX_COMPARED = 500;

    private final JudgingRules rules;
    private final RuleComparison comparison;
    private final CenterAccess access;
    private final Centers centers;

    RuleComparisonController(JudgingRules rules, RuleComparison comparison, CenterAccess access, Centers centers) {
        this.rules = rules;
        this.comparison = comparison;
        this.access = access;
        this.centers = centers;
    }

    /** The deployed and the edited rules over the center's last {@code limit} judged screenings. */
    @PostMapping(path = "/api/judgements/compare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = "application/json")
    RuleComparison.Result compare(@RequestParam("center") String center,
                                  @RequestParam(name = "limit", defaultValue = "100") int limit,
                                  @RequestPart("dmn") MultipartFile dmn) throws IOException {
        // Designers edit the rules and belong to no center: they compare over any center (the answer is
        // de-identified); center staff only over their own. Checked first, so no one probes which centers exist.
        if (!access.current().hasAnyGroup(Roles.DESIGNER)) {
            access.requireCenter(center);
        }
        if (centers.find(center).isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad request parameter",
                    new Problem("unknown_center", "There is no center '" + center + "'"));
        }
        if (limit < 1 || limit > MAX_COMPARED) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad request parameter",
                    new Problem("bad_parameter", "limit must be between 1 and " + MAX_COMPARED));
        }
        return comparison.compare(center, limit, rules.candidate(dmn.getBytes()));
    }
}
