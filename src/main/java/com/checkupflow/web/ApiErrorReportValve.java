package com.checkupflow.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tomcat's error report for errors no error page rendered (the container rejected the request before the
 * application): a problem document for {@code /api} paths, an empty body elsewhere (no server version, no stack).
 */
public class ApiErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        HttpStatus status = HttpStatus.resolve(code);
        if (code < 400 || status == null || response.getContentWritten() > 0 || response.isCommitted()
                || !ApiProblems.isApi(request.getRequestURI())) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        try {
            ApiProblems.write(JSON, response.getResponse(), status, request.getRequestURI());
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // Nothing more can be sent on this connection.
        }
    }
}
