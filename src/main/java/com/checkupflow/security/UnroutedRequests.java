package com.checkupflow.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Requests no controller answers (by path or method): an authenticated user gets the 404 problem document of the
 * error page instead of a 403 that would suggest the path exists for another role. A path a controller answers but no
 * security rule names stays denied.
 */
final class UnroutedRequests implements RequestMatcher {

    private final ObjectProvider<RequestMappingHandlerMapping> controllers;

    UnroutedRequests(ObjectProvider<RequestMappingHandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        // The mapping reads the parsed path, which the DispatcherServlet has not parsed yet inside the filter chain.
        RequestPath before = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return controllers.getObject().getHandler(request) == null;
        } catch (Exception methodOrMediaTypeMismatch) {
            return false; // a controller answers the path: 405/406/415 come from the dispatcher, the rule stays
        } finally {
            if (before == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(before, request);
            }
        }
    }
}
