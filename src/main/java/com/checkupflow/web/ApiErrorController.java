package com.checkupflow.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The servlet container's error page ({@code /error}) for what never reaches a controller's advice: unmatched
 * routes, 405/406/415 found while choosing a handler, Spring Security's firewall rejections ({@code %2e}, {@code ;},
 * {@code //}), bodies cut short. For an {@code /api} request it answers the same problem document as
 * {@link ApiExceptionHandler}, whatever the client accepts; other paths (webapps, dashboard) keep Spring Boot's page.
 */
class ApiErrorController extends BasicErrorController {

    private final ObjectMapper json;

    ApiErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
                       List<ErrorViewResolver> errorViewResolvers, ObjectMapper json) {
        super(errorAttributes, errorProperties, errorViewResolvers);
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!ApiProblems.isApi(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            return super.errorHtml(request, response);
        }
        write(request, response);
        return null; // written: nothing to render
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!ApiProblems.isApi(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            return super.error(request);
        }
        write(request, ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse());
        return null;
    }

    private void write(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = getStatus(request);
        try {
            ApiProblems.write(json, response, status, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        } catch (IOException clientGone) {
            // The client closed the connection (often the very reason for the error): nobody is left to answer.
        }
    }
}
