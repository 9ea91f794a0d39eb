package com.checkupflow.analytics;

import static com.checkupflow.web.ProblemResponses.expectProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.web.ProblemResponses;

/**
 * The analytics endpoints' error paths in the web layer with the real filter checks (AnalyticsFilters) and stand-in
 * queries: bad dates, ranges, centers and table names answer problem documents before any query runs. Roles are
 * the security chain's business (security.AuthorizationMatrixHttpTest); the filters are left out here.
 */
@WebMvcTest(controllers = AnalyticsController.class,
        // the engine's variable access log is a servlet filter bean; this slice has no engine (and no filters)
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.checkupflow\\.audit\\.Camunda.*"))
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemResponses.ErrorPage.class, AnalyticsFilters.class, AnalyticsControllerTest.FixedClock.class})
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsControllerTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AnalyticsQueries queries;
    @MockitoBean
    AnalyticsLabels labels;
    @MockitoBean
    Centers centers;

    @BeforeEach
    void oneCenter() {
        when(centers.find(any())).thenReturn(Optional.empty());
        when(centers.find("gangnam")).thenReturn(Optional.of(new Center("gangnam", "강남센터", "Gangnam", "ko")));
    }

    @Test
    void shouldAnswer400WhenADateIsNotIso() throws Exception {
        expectProblem(mvc, get("/api/analytics/cycle-times?from=01.03.2025"), 400, "bad_parameter");
        verifyNoInteractions(queries);
    }

    @Test
    void shouldAnswer400WhenTheRangeEndsBeforeItStarts() throws Exception {
        expectProblem(mvc, get("/api/analytics/cycle-times?from=2025-03-31&to=2025-03-01"), 400,
                "bad_range");
        verifyNoInteractions(queries);
    }

    @Test
    void shouldAnswer400WhenTheCenterIsUnknown() throws Exception {
        expectProblem(mvc, get("/api/analytics/dashboard?center=seoul"), 400, "unknown_center");
        verifyNoInteractions(queries);
    }

    @Test
    void shouldAnswer404WhenTheCsvTableIsUnknown() throws Exception {
        expectProblem(mvc, get("/api/analytics/nothing.csv"), 404, "unknown_table");
        verifyNoInteractions(queries);
    }

    @Test
    void shouldAnswer405WhenFiguresArePosted() throws Exception {
        expectProblem(mvc, post("/api/analytics/cycle-times"), 405, "method_not_allowed");
    }

    @Test
    void shouldAnswer406WhenTheClientAcceptsOnlyXml() throws Exception {
        when(queries.activityDurations(any())).thenReturn(new DataTable(List.of("activity"), List.of()));

        expectProblem(mvc, get("/api/analytics/activity-durations").accept("application/xml"), 406,
                "not_acceptable");
    }
}
