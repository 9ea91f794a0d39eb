package com.checkupflow.audit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.checkupflow.security.CurrentUser;

/**
 * Logs every read or export of personal data through {@code /api}: runs after Spring Security (the user is known)
 * and holds the response back until its access-log row is written, so no personal data leaves without a row.
 * Requests Spring Security refuses for the role never reach the filter; their {@link AuthorizationDeniedEvent}
 * leaves the DENIED row.
 */
class ApiAccessLog extends OncePerRequestFilter {

    /** A request that reads personal data: what it is and which screening (null for an export of many). */
    record Target(String action, String screeningId) {
    }

    /** A path of personal data; group 1, when there is one, is the screening id (at most its column's 64 characters). */
    private record Rule(String method, Pattern path, String action) {
        Rule(Pattern path, String action) {
            this("GET", path, action);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("/api/screenings/([^/]{1,64})"), "SCREENING"),
            new Rule(Pattern.compile("/api/screenings/([^/]{1,64})/report\\.html"), "REPORT_HTML"),
            new Rule(Pattern.compile("/api/screenings/([^/]{1,64})/report\\.pdf"), "REPORT_PDF"),
            new Rule(Pattern.compile("/api/screenings/([^/]{1,64})/fhir"), "FHIR_EXPORT"),
            new Rule(Pattern.compile("/api/screenings/([^/]{1,64})/referral\\.pdf"), "REFERRAL_PDF"),
            new Rule(Pattern.compile("/api/analytics/[^/]+\\.csv"), "ANALYTICS_CSV"),
            new Rule(Pattern.compile("/api/audit/access"), "ACCESS_LOG_EXPORT"),
            new Rule(Pattern.compile("/api/ai-register"), "AI_REGISTER_EXPORT"),
            // the what-if comparison reads the center's stored screenings (answers only counts and ordinals)
            new Rule("POST", Pattern.compile("/api/judgements/compare"), "JUDGEMENT_COMPARE"));

    private final AccessLog accessLog;

    ApiAccessLog(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    static Optional<Target> target(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Rule rule : RULES) {
            Matcher m = rule.path().matcher(path);
            if (rule.method().equals(request.getMethod()) && m.matches()) {
                return Optional.of(new Target(rule.action(), m.groupCount() > 0 ? m.group(1) : null));
            }
        }
        return Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Target> target = target(request);
        CurrentUser user = currentUser(SecurityContextHolder.getContext().getAuthentication());
        if (target.isEmpty() || user == null) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        int status = held.getStatus();
        if (status / 100 == 2 || status == HttpServletResponse.SC_FORBIDDEN) {
            accessLog.record(access(user, target.get(), request, status));
        }
        held.copyBodyToResponse();
    }

    /** Spring Security refused the request for the user's role. */
    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        if (!(event.getObject() instanceof HttpServletRequest request)) {
            return;
        }
        Authentication authentication = event.getAuthentication().get();
        CurrentUser user = currentUser(authentication);
        target(request).filter(t -> user != null)
                .ifPresent(t -> accessLog.record(access(user, t, request, HttpServletResponse.SC_FORBIDDEN)));
    }

    private static AccessLog.Access access(CurrentUser user, Target target, HttpServletRequest request, int status) {
        String query = request.getQueryString();
        return new AccessLog.Access(user.id(), List.copyOf(user.groups()), List.copyOf(user.tenants()),
                target.screeningId(), target.action(),
                request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query),
                request.getRemoteAddr(), status / 100 == 2, status);
    }

    private static CurrentUser currentUser(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
