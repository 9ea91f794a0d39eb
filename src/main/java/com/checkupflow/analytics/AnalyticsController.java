package com.checkupflow.analytics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.center.Centers;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * Managers' analytics API. Every endpoint is under {@code /api/analytics/**} (the dashboard page is
 * {@code /dashboard}), so a single security rule (or {@code @PreAuthorize} on this class) restricts it to managers.
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    private final AnalyticsQueries queries;
    private final AnalyticsProperties properties;
    private final AnalyticsFilters filters;
    private final Centers centers;
    private final AnalyticsLabels labels;
    /** The dashboard's charts, by the name of the table behind each. */
    private final Map<String, Function<AnalyticsFilter, DataTable>> charts = new LinkedHashMap<>();
    /** Every table with a CSV export: the charts' and the heatmap's. */
    private final Map<String, Function<AnalyticsFilter, DataTable>> tables = new LinkedHashMap<>();

    AnalyticsController(AnalyticsQueries queries, AnalyticsProperties properties, AnalyticsFilters filters,
                        Centers centers, AnalyticsLabels labels) {
        this.labels = labels;
        this.queries = queries;
        this.properties = properties;
        this.filters = filters;
        this.centers = centers;
        charts.put("end-to-end-distribution", queries::endToEndDistribution);
        charts.put("stage-percentiles", queries::stagePercentiles);
        charts.put("centers", queries::centers);
        charts.put("backlog", queries::backlog);
        charts.put("sla-breaches", queries::sla);
        charts.put("throughput", queries::throughput);
        charts.put("ai", queries::ai);
        charts.put("check-findings", queries::checkFindings);
        charts.put("outcomes", queries::outcomes);
        charts.put("abnormal-items", queries::abnormalItems);
        tables.putAll(charts);
        tables.put("activity-durations", queries::activityDurations);
    }

    record StageFigures(long count, Double p50Minutes, Double p90Minutes) {
        static StageFigures of(AnalyticsQueries.Figures f) {
            return new StageFigures(f.count(), f.p50Minutes(), f.p90Minutes());
        }
    }

    record SlaFigures(long total, long reviewOverdueOpen, long reviewCompletedLate, long deliveryOverdueOpen,
                      long deliveredLate, String deliveryDeadline) {
    }

    record CycleTimes(LocalDate from, LocalDate to, String center, Map<String, StageFigures> stages,
                      StageFigures endToEnd, SlaFigures slaBreaches) {
    }

    @GetMapping("/cycle-times")
    CycleTimes cycleTimes(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String center) {
        AnalyticsFilter f = filters.of(from, to, center);
        Map<String, StageFigures> stages = new LinkedHashMap<>();
        queries.stageFigures(f).forEach((stage, fig) -> stages.put(stage.name(), StageFigures.of(fig)));
        AnalyticsQueries.SlaBreaches b = queries.slaBreaches(f);
        return new CycleTimes(f.from(), f.to(), f.center(), stages, StageFigures.of(queries.endToEnd(f)),
                new SlaFigures(b.total(), b.reviewOverdueOpen(), b.reviewCompletedLate(), b.deliveryOverdueOpen(),
                        b.deliveredLate(), properties.deliveryDeadline().toString()));
    }

    /** @param labels what the page shows for the tables' keys ({@code center.gangnam} → 강남센터, see AnalyticsLabels) */
    record Dashboard(LocalDate from, LocalDate to, String center, List<String> centers,
                     Map<String, DataTable> tables, Map<String, String> labels) {
    }

    /** Every chart's table in one response (the dashboard page's single request). */
    @GetMapping("/dashboard")
    Dashboard dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) String center) {
        AnalyticsFilter f = filters.of(from, to, center);
        Map<String, DataTable> all = new LinkedHashMap<>();
        charts.forEach((name, query) -> all.put(name, query.apply(f)));
        return new Dashboard(f.from(), f.to(), f.center(), centers.all().stream().map(c -> c.id()).toList(), all,
                labels.all());
    }

    /** Per activity: count, average and p90 minutes, for the Cockpit diagram heatmap. */
    @GetMapping("/activity-durations")
    DataTable activityDurations(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String center) {
        return queries.activityDurations(filters.of(from, to, center));
    }

    /** The table behind one chart as CSV, e.g. {@code /api/analytics/stage-percentiles.csv}. */
    @GetMapping(value = "/{name}.csv")
    ResponseEntity<String> csv(@PathVariable String name,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String center) {
        Function<AnalyticsFilter, DataTable> query = tables.get(name);
        if (query == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "Unknown table",
                    new Problem("unknown_table", "No analytics table '" + name + "'; known: "
                            + String.join(", ", tables.keySet())));
        }
        AnalyticsFilter f = filters.of(from, to, center);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "_" + f.from() + "_"
                        + f.to() + (f.center() == null ? "" : "_" + f.center()) + ".csv\"")
                // A byte order mark so that spreadsheet programs read the Korean labels as UTF-8.
                .body("\uFEFF" + query.apply(f).csv());
    }
}
