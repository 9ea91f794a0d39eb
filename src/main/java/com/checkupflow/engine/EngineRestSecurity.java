package com.checkupflow.engine;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.checkupflow.security.Roles;

/**
 * {@code /engine-rest/**} (Camunda Modeler's deploy button, integrations, remote model workers) requires HTTP basic
 * against the engine's users; the engine then checks its authorizations and tenants for that user. A {@code worker}
 * reaches only the external-task resources: its grants (READ_INSTANCE, UPDATE_INSTANCE for fetching and completing)
 * would otherwise also let a stolen worker password read or modify process instances through the rest of the API.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    static final String EXTERNAL_TASKS = "/engine-rest/external-task";

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }

    /** Runs inside the authentication filter, while the engine holds the authenticated user. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestWorkerScope(IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        Authentication user = identity.getCurrentAuthentication();
                        String path = request.getRequestURI().substring(request.getContextPath().length());
                        if (user != null && user.getGroupIds() != null && user.getGroupIds().contains(Roles.WORKER)
                                && !path.equals(EXTERNAL_TASKS) && !path.startsWith(EXTERNAL_TASKS + "/")) {
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            response.setContentType("application/json");
                            response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":"
                                    + "\"A model worker may only use the external-task resources.\"}");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("checkupflow-engine-rest-worker-scope");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
