package com.checkupflow.web;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Public test helper of the controller slice tests (import {@link ErrorPage} into the slice): a request,
 * and when it ended in the container's {@code sendError} (no handler, or 405/406/415 found while choosing one), the
 * error dispatch to {@code /error} that the servlet container would make and MockMvc does not. Then the answer must
 * be an RFC 7807 problem document with the expected status.
 */
public final class ProblemResponses {

    /** Import into the slice: the application's error page for {@code /api}. */
    @TestConfiguration
    @Import(ApiErrorConfiguration.class)
    public static class ErrorPage {
    }

    private ProblemResponses() {
    }

    public static ResultActions perform(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        ResultActions first = mvc.perform(request);
        MvcResult result = first.andReturn();
        MockHttpServletResponse response = result.getResponse();
        if (response.getStatus() < 400 || response.getContentAsByteArray().length > 0) {
            return first;
        }
        MockHttpServletRequest original = result.getRequest();
        MockHttpServletRequestBuilder error = MockMvcRequestBuilders.request(HttpMethod.valueOf(original.getMethod()), "/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, response.getStatus())
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, original.getRequestURI())
                .requestAttr(RequestDispatcher.ERROR_MESSAGE, String.valueOf(response.getErrorMessage()));
        if (original.getHeader(HttpHeaders.ACCEPT) != null) {
            error.header(HttpHeaders.ACCEPT, original.getHeader(HttpHeaders.ACCEPT));
        }
        ResultActions dispatched = mvc.perform(error);
        // The container keeps the headers the first answer set (Allow of a 405).
        response.getHeaderNames().forEach(name -> {
            if (!dispatched.andReturn().getResponse().containsHeader(name)) {
                response.getHeaders(name).forEach(v -> dispatched.andReturn().getResponse().addHeader(name, v));
            }
        });
        return dispatched;
    }

    /** Status, content type, the document's {@code status}, its first problem's code and the type named after it. */
    public static ResultActions expectProblem(MockMvc mvc, MockHttpServletRequestBuilder request, int status,
                                              String code) throws Exception {
        return perform(mvc, request).andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.problems[0].code").value(code))
                .andExpect(jsonPath("$.type").value("https://checkupflow.example/problems/" + code.replace('_', '-')));
    }
}
