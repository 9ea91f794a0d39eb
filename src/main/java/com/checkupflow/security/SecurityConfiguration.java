package com.checkupflow.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/**} (and {@code /actuator/**} beyond health and info, for managers): stateless HTTP basic against the engine's users, roles from engine groups, the engine bound
 * to the user for the request (so its queries respect authorizations and tenants), 401/403 as problem JSON.
 * Everything else (the Camunda webapps with their own login and CSRF protection, {@code /engine-rest/**} with
 * the engine's authentication filter, see {@code engine.EngineRestSecurity}) passes through Spring Security.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Our own documents (API answers, reports, the dashboard): scripts and styles from us only (the report and the
     * dashboard style themselves inline), no framing, no plugins. Spring Security's defaults add
     * {@code Cache-Control: no-cache, no-store, max-age=0, must-revalidate}, {@code X-Content-Type-Options: nosniff}
     * and {@code X-Frame-Options: DENY}.
     */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private static final String[] CLINICAL_READERS = {Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE,
            Roles.COORDINATOR, Roles.MANAGER, Roles.ADMIN};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, EngineIdentityAuthenticationProvider provider,
                                    EngineIdentity engineIdentity, ObjectMapper json,
                                    @Qualifier("requestMappingHandlerMapping")
                                    ObjectProvider<RequestMappingHandlerMapping> controllers) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/dashboard")
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/screenings").hasAnyAuthority(Roles.INTEGRATION, Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/screenings/*/review")
                        .hasAnyAuthority(Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/judgements", "/api/judgements/compare")
                        .hasAnyAuthority(Roles.DESIGNER, Roles.PHYSICIAN, Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/admin/keys/rotate").hasAuthority(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/screenings/**").hasAnyAuthority(CLINICAL_READERS)
                        .requestMatchers("/api/physicians/**", "/api/physicians").hasAuthority(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/dashboard", "/api/analytics/**")
                        .hasAnyAuthority(Roles.ANALYTICS_READERS.toArray(String[]::new))
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAuthority(Roles.PRIVACY_OFFICER)
                        .requestMatchers(HttpMethod.GET, "/api/ai-register")
                        .hasAnyAuthority(Roles.MANAGER, Roles.PRIVACY_OFFICER, Roles.ADMIN)
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority(Roles.MANAGER, Roles.ADMIN)
                        .requestMatchers(new UnroutedRequests(controllers)).authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("CheckupFlow")
                        .authenticationEntryPoint((req, res, e) -> writeProblem(json, res, HttpStatus.UNAUTHORIZED,
                                "Authentication required", new Problem("unauthenticated",
                                        "Log in with HTTP basic (the engine's users)"))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> writeProblem(json, res, HttpStatus.UNAUTHORIZED,
                                "Authentication required", new Problem("unauthenticated",
                                        "Log in with HTTP basic (the engine's users)")))
                        .accessDeniedHandler((req, res, e) -> writeProblem(json, res, HttpStatus.FORBIDDEN,
                                "Not allowed for your role", new Problem("forbidden_role",
                                        "Your role may not use this endpoint"))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless basic authentication, no cookies: nothing a cross-site request could ride on.
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY)))
                .addFilterAfter(new EngineBindingFilter(engineIdentity), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/h2-console/**").denyAll()
                        .anyRequest().permitAll())
                // The Camunda webapps protect themselves (session login + their CSRF filter); /engine-rest uses
                // HTTP basic, checked by the engine's own authentication filter.
                .csrf(csrf -> csrf.disable())
                // The webapps set their own Content-Security-Policy (Camunda's header security filter).
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title,
                                     Problem problem) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"CheckupFlow\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDocuments.of(status, title, List.of(problem)));
    }

    /** Binds the authenticated user to the engine for the request and always unbinds it afterwards. */
    static final class EngineBindingFilter extends OncePerRequestFilter {

        private final EngineIdentity identity;

        EngineBindingFilter(EngineIdentity identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (!(auth != null && auth.getPrincipal() instanceof CurrentUser user)) {
                chain.doFilter(request, response);
                return;
            }
            identity.bind(user);
            try {
                chain.doFilter(request, response);
            } finally {
                identity.unbind();
            }
        }
    }
}
