package com.checkupflow.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * The Cockpit heatmap's figures (per activity count, average and p90 minutes) under the same query rules as
 * {@code /api/analytics/activity-durations}. Parameters arrive as text because the Cockpit plugin resource
 * ({@link CamundaHeatmapCockpitPlugin}) is plain JAX-RS, outside Spring MVC's conversion.
 */
@Component
class HeatmapFigures {

    private final AnalyticsQueries queries;
    private final AnalyticsFilters filters;
    private final AnalyticsProperties properties;

    HeatmapFigures(AnalyticsQueries queries, AnalyticsFilters filters, AnalyticsProperties properties) {
        this.queries = queries;
        this.filters = filters;
        this.properties = properties;
    }

    /** @throws ProblemException (400) for a bad date, range or center */
    DataTable activityDurations(String processDefinitionKey, String from, String to, String center) {
        List<Problem> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad analytics query", problems);
        }
        AnalyticsFilter filter = filters.of(start, end, center);
        boolean otherProcess = processDefinitionKey != null && !processDefinitionKey.isBlank()
                && !properties.processKey().equals(processDefinitionKey.trim());
        // Only the tracked process has a timeline: another diagram stays uncoloured rather than borrowing figures.
        return otherProcess ? new DataTable(AnalyticsQueries.ACTIVITY_DURATION_COLUMNS, List.of())
                : queries.activityDurations(filter);
    }

    private static LocalDate date(String name, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem("bad_date", "'" + name + "' must be an ISO date such as 2026-03-01"));
            return null;
        }
    }
}
