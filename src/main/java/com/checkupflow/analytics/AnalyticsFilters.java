package com.checkupflow.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.checkupflow.center.Centers;
import com.checkupflow.web.Problem;
import com.checkupflow.web.QueryCenters;
import com.checkupflow.web.QueryDates;
import com.checkupflow.web.ProblemException;

/**
 * The query rules every analytics figure obeys, whoever asks (the API, the Cockpit heatmap): default range, longest
 * range, known centers. A bad query is a {@link ProblemException} (400) listing every problem.
 */
@Component
class AnalyticsFilters {

    private final AnalyticsProperties properties;
    private final Centers centers;
    private final Clock clock;

    AnalyticsFilters(AnalyticsProperties properties, Centers centers, Clock clock) {
        this.properties = properties;
        this.centers = centers;
        this.clock = clock;
    }

    AnalyticsFilter of(LocalDate from, LocalDate to, String center) {
        List<Problem> problems = new ArrayList<>();
        QueryDates.outOfRange("from", from).ifPresent(problems::add);
        QueryDates.outOfRange("to", to).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad analytics query", problems);
        }
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.minusDays(properties.defaultRangeDays() - 1L);
        if (start.isAfter(end)) {
            problems.add(new Problem("bad_range", "'from' (" + start + ") is after 'to' (" + end + ")"));
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > properties.maxRangeDays()) {
            problems.add(new Problem("range_too_long",
                    "The date range may span at most " + properties.maxRangeDays() + " days"));
        }
        String centerId = QueryCenters.of(center, centers, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad analytics query", problems);
        }
        return new AnalyticsFilter(start, end, centerId, clock.getZone());
    }
}
