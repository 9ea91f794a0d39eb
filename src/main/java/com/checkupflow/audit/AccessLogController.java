package com.checkupflow.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.web.Problem;
import com.checkupflow.web.QueryDates;
import com.checkupflow.web.ProblemException;

/**
 * The privacy officer's monthly review of the access log (JSON and CSV) and the chain check. Only the
 * {@code privacyOfficer} role may call it (security configuration): not even administrators, whose own reads
 * are among those reviewed.
 */
@RestController
@RequestMapping("/api/audit/access")
class AccessLogController {

    static final List<String> COLUMNS = List.of("seq", "accessedAt", "userId", "userRoles", "userCenters",
            "screeningId", "screeningCenter", "action", "resource", "clientAddress", "result", "httpStatus",
            "prevHash", "hash");

    private final AccessLog accessLog;
    private final Clock clock;

    AccessLogController(AccessLog accessLog, Clock clock) {
        this.accessLog = accessLog;
        this.clock = clock;
    }

    record Export(LocalDate from, LocalDate to, int count, List<AccessRecord> rows) {
    }

    record Range(LocalDate from, LocalDate to) {
    }

    /** Rows accessed from {@code from} to {@code to} (ISO days, inclusive, server time zone; default this month). */
    @GetMapping(produces = "application/json")
    Export json(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Range range = range(from, to);
        List<AccessRecord> rows = rows(range);
        return new Export(range.from(), range.to(), rows.size(), rows);
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csvByAccept(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv(from, to);
    }

    @GetMapping(path = "", params = "format=csv")
    ResponseEntity<String> csvByParameter(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv(from, to);
    }

    /** Verifies the whole chain; names the first row that does not fit. */
    @GetMapping(path = "/verify", produces = "application/json")
    AccessLog.ChainCheck verify() {
        return accessLog.verify();
    }

    private ResponseEntity<String> csv(LocalDate from, LocalDate to) {
        Range range = range(from, to);
        List<List<?>> rows = new ArrayList<>();
        for (AccessRecord r : rows(range)) {
            rows.add(List.of(r.seq(), r.accessedAt().toString(), r.userId(), r.userRoles(), r.userCenters(),
                    nullable(r.screeningId()), nullable(r.screeningCenter()), r.action(), r.resource(),
                    nullable(r.clientAddress()), r.result(), r.httpStatus(), r.prevHash(), r.hash()));
        }
        return CsvTable.download("access-log_" + range.from() + "_" + range.to() + ".csv", COLUMNS, rows);
    }

    private List<AccessRecord> rows(Range range) {
        return accessLog.between(range.from().atStartOfDay(clock.getZone()).toInstant(),
                range.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    private Range range(LocalDate from, LocalDate to) {
        LocalDate today = ZonedDateTime.now(clock).toLocalDate();
        LocalDate start = from != null ? from : today.withDayOfMonth(1);
        LocalDate end = to != null ? to : today;
        List<Problem> outOfRange = new ArrayList<>();
        QueryDates.outOfRange("from", start).ifPresent(outOfRange::add);
        QueryDates.outOfRange("to", end).ifPresent(outOfRange::add);
        if (!outOfRange.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad access-log query", outOfRange);
        }
        if (start.isAfter(end)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad access-log query",
                    new Problem("bad_range", "'from' (" + start + ") is after 'to' (" + end + ")",
                            java.util.Map.of("from", String.valueOf(start), "to", String.valueOf(end))));
        }
        return new Range(start, end);
    }

    private static Object nullable(String value) {
        return value == null ? "" : value;
    }
}
