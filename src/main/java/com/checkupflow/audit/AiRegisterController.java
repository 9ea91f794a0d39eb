package com.checkupflow.audit;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.center.Centers;
import com.checkupflow.web.Problem;
import com.checkupflow.web.QueryCenters;
import com.checkupflow.web.QueryDates;
import com.checkupflow.web.ProblemException;

/**
 * {@code GET /api/ai-register?month=2026-12&center=gangnam} (JSON; CSV with {@code format=csv} or
 * {@code Accept: text/csv}) for managers, the privacy officer and administrators (security configuration).
 */
@RestController
@RequestMapping("/api/ai-register")
class AiRegisterController {

    static final List<String> COLUMNS = List.of("month", "center", "measure", "provider", "model", "promptVersion",
            "detail", "count", "mean", "max");

    private final AiRegister register;
    private final Centers centers;
    private final Clock clock;

    AiRegisterController(AiRegister register, Centers centers, Clock clock) {
        this.register = register;
        this.centers = centers;
        this.clock = clock;
    }

    @GetMapping(produces = "application/json")
    AiRegister.Register json(@RequestParam(required = false) String month, @RequestParam(required = false) String center) {
        return query(month, center);
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csvByAccept(@RequestParam(required = false) String month,
                                       @RequestParam(required = false) String center) {
        return csv(query(month, center));
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<String> csvByParameter(@RequestParam(required = false) String month,
                                          @RequestParam(required = false) String center) {
        return csv(query(month, center));
    }

    private AiRegister.Register query(String month, String center) {
        List<Problem> problems = new ArrayList<>();
        YearMonth m = YearMonth.now(clock);
        if (month != null && !month.isBlank()) {
            try {
                m = YearMonth.parse(month.trim());
                QueryDates.outOfRange("month", m.atDay(1)).ifPresent(problems::add);
            } catch (DateTimeParseException e) {
                problems.add(new Problem("bad_month", "'month' must be YYYY-MM, e.g. 2026-12"));
            }
        }
        String centerId = QueryCenters.of(center, centers, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad AI register query", problems);
        }
        return register.of(m, centerId, clock.getZone());
    }

    /** One row per figure (long format), so that every part of the register fits one table. */
    private static ResponseEntity<String> csv(AiRegister.Register r) {
        List<List<?>> rows = new ArrayList<>();
        for (AiRegister.CenterMonth c : r.centers()) {
            for (AiRegister.Drafts d : c.drafts()) {
                rows.add(row(r, c, "drafts", d.provider(), d.model(), d.promptVersion(), d.origin(), d.count(), null, null));
            }
            for (AiRegister.Count f : c.checkFailures()) {
                rows.add(row(r, c, "check_failures", null, null, null, f.key(), f.count(), null, null));
            }
            rows.add(row(r, c, "fallbacks", null, null, null, null, c.fallbacks(), null, null));
            rows.add(row(r, c, "automatic_redrafts", null, null, null, null, c.automaticRedrafts(), null, null));
            for (AiRegister.EditRatios e : c.editRatios()) {
                rows.add(row(r, c, "edit_ratio", null, null, null, e.draftOrigin(), e.signed(), e.mean(), e.max()));
                rows.add(row(r, c, "signed_unchanged", null, null, null, e.draftOrigin(), e.unchanged(), null, null));
            }
            rows.add(row(r, c, "sign_anyway", null, null, null, null,
                    c.signAnyway(), null, null));
            for (AiRegister.Signer s : c.signers()) {
                rows.add(row(r, c, "signed_by", null, null, null, s.reviewer(), s.signed(), null, null));
                rows.add(row(r, c, "signed_on_model_draft_by", null, null, null, s.reviewer(), s.onModelDrafts(), null, null));
            }
            rows.add(row(r, c, "ai_labelled_reports", null, null, null, null, c.aiLabelledReports(), null, null));
        }
        return CsvTable.download("ai-register_" + r.month() + (r.center() == null ? "" : "_" + r.center()) + ".csv",
                COLUMNS, rows);
    }

    private static List<Object> row(AiRegister.Register r, AiRegister.CenterMonth c, Object... values) {
        List<Object> row = new ArrayList<>(List.of(r.month(), c.center()));
        row.addAll(Arrays.asList(values));
        return row;
    }
}
