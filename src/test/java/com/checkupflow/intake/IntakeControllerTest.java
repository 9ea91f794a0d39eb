package com.checkupflow.intake;

import static com.checkupflow.web.ProblemResponses.expectProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.checkupflow.web.ApiProperties;
import com.checkupflow.web.BundleBody;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;
import com.checkupflow.web.ProblemResponses;

/**
 * The intake endpoint's error paths in the web layer alone (no engine, no database): each answers a problem document
 * and nothing reaches the service unless the request itself was readable. Roles are the security chain's business
 * (security.AuthorizationMatrixHttpTest); its filters are left out here.
 */
@WebMvcTest(controllers = IntakeController.class, properties = "checkupflow.api.max-bundle-size=1KB",
        // the engine's variable access log is a servlet filter bean; this slice has no engine (and no filters)
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.checkupflow\\.audit\\.Camunda.*"))
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemResponses.ErrorPage.class, BundleBody.class})
@EnableConfigurationProperties(ApiProperties.class)
class IntakeControllerTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    IntakeService intake;

    @Test
    void shouldAnswer201WithTheLocationWhenTheServiceStoresTheBundle() throws Exception {
        when(intake.receive(any(), any(), any())).thenReturn(new IntakeResult("scr-1", true));

        mvc.perform(post("/api/screenings?center=gangnam").contentType(FHIR_JSON).content(BUNDLE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/screenings/scr-1"))
                .andExpect(jsonPath("$.id").value("scr-1"));
    }

    @Test
    void shouldAnswer400WhenTheServiceCannotReadTheBundle() throws Exception {
        when(intake.receive(any(), any(), any())).thenThrow(new ProblemException(HttpStatus.BAD_REQUEST,
                "The Bundle was rejected; nothing was stored",
                new Problem("unparseable_bundle", "The Bundle cannot be read as FHIR R4")));

        expectProblem(mvc, post("/api/screenings").contentType(FHIR_JSON).content("{\"resourceType\":"),
                400, "unparseable_bundle");
    }

    @Test
    void shouldAnswer413WhenTheBundleExceedsTheConfiguredMaximum() throws Exception {
        expectProblem(mvc, post("/api/screenings").contentType(FHIR_JSON).content(new byte[2048]),
                413, "body_too_large");
        verifyNoInteractions(intake);
    }

    @Test
    void shouldAnswer400WithEveryProblemWhenTheServiceRejectsTheRequest() throws Exception {
        when(intake.receive(any(), any(), any())).thenThrow(new ProblemException(HttpStatus.BAD_REQUEST,
                "The screening was rejected; nothing was stored", List.of(
                        new Problem("center_unknown", "No center x", java.util.Map.of("given", "x", "known", "gangnam, busan")),
                        new Problem("language_unsupported", "language must be 'ko' or 'en'"))));

        expectProblem(mvc, post("/api/screenings?center=x&language=fr").contentType(FHIR_JSON).content(BUNDLE),
                400, "center_unknown")
                .andExpect(jsonPath("$.problems[1].code").value("language_unsupported"))
                .andExpect(jsonPath("$.title").value("잘못된 요청입니다"))
                .andExpect(jsonPath("$.detail").value("문제 2건: 없는 센터입니다 (보낸 값 \"x\"; 있는 센터: gangnam, busan); "
                        + "language는 'ko' 또는 'en'이어야 합니다"));
        expectProblem(mvc, post("/api/screenings?center=x&language=fr").contentType(FHIR_JSON).content(BUNDLE)
                        .header("Accept-Language", "en"), 400, "center_unknown")
                .andExpect(jsonPath("$.title").value("The screening was rejected; nothing was stored"))
                .andExpect(jsonPath("$.detail").value("2 problems: No center x; language must be 'ko' or 'en'"));
    }

    @Test
    void shouldAnswer415WhenTheBodyIsNotJson() throws Exception {
        expectProblem(mvc, post("/api/screenings").contentType("text/plain").content(BUNDLE),
                415, "unsupported_media_type");
        verifyNoInteractions(intake);
    }

    @Test
    void shouldAnswer406WhenTheClientAcceptsOnlyXml() throws Exception {
        expectProblem(mvc, post("/api/screenings").contentType(FHIR_JSON).accept("application/xml")
                .content(BUNDLE), 406, "not_acceptable");
        verifyNoInteractions(intake);
    }

    @Test
    void shouldAnswer405WithTheAllowedMethodWhenTheMethodIsWrong() throws Exception {
        expectProblem(mvc, put("/api/screenings").contentType(FHIR_JSON).content(BUNDLE),
                405, "method_not_allowed")
                .andExpect(header().string("Allow", "POST"));
        verifyNoInteractions(intake);
    }

    @Test
    void shouldAnswer404WhenNoEndpointHasThePath() throws Exception {
        expectProblem(mvc, get("/api/screening"), 404, "not_found");
    }
}
