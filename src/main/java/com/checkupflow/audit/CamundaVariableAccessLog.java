package com.checkupflow.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Engine adapter: the Tasklist's review, correction and other task forms get their data (the masked patient, the
 * judgement, the draft) as task variables, via {@code GET …/task/{id}/form-variables} of the webapps' engine API
 * ({@code /camunda/api/engine/engine/{engine}/…}, on the webapp session) or of {@code /engine-rest} (HTTP basic).
 * This filter logs those reads, and reads of a task's or process instance's variables, for the screenings of our
 * processes (the instance's root business key is a screening). It identifies the user itself (session or basic
 * header) so that it does not depend on the order of Camunda's authentication filters.
 */
@Component
class CamundaVariableAccessLog extends OncePerRequestFilter {

    private static final Pattern ENGINE_API =
            Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/([^/]+))(/.*)");
    private static final Pattern TASK = Pattern.compile("/task/([^/]+)/(form-variables|variables(?:/[^/]+)?)");
    private static final Pattern PROCESS_INSTANCE = Pattern.compile("/process-instance/([^/]+)/variables(?:/[^/]+)?");

    private record Read(String action, String screeningId, String step) {
    }

    private record User(String id, List<String> groups, List<String> tenants) {
    }

    private final ProcessEngine engine;
    private final AccessLog accessLog;

    CamundaVariableAccessLog(ProcessEngine engine, AccessLog accessLog) {
        this.engine = engine;
        this.accessLog = accessLog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher api = "GET".equals(request.getMethod())
                ? ENGINE_API.matcher(request.getRequestURI().substring(request.getContextPath().length())) : null;
        Optional<Read> read = api != null && api.matches() ? read(api.group(2)) : Optional.empty();
        if (read.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        int status = held.getStatus();
        User user = status == HttpServletResponse.SC_UNAUTHORIZED ? null
                : api.group(1) != null ? sessionUser(request.getSession(false), api.group(1)) : basicUser(request);
        if (user != null) {
            Read r = read.get();
            accessLog.record(new AccessLog.Access(user.id(), user.groups(), user.tenants(), r.screeningId(), r.action(),
                    "GET " + request.getRequestURI() + (r.step() == null ? "" : " (" + r.step() + ")"),
                    request.getRemoteAddr(), status / 100 == 2, status));
        }
        held.copyBodyToResponse();
    }

    /** The screening whose variables the path reads; empty for other processes and other paths. */
    private Optional<Read> read(String path) {
        Matcher task = TASK.matcher(path);
        if (task.matches()) {
            String action = task.group(2).equals("form-variables") ? "TASK_FORM" : "TASK_VARIABLES";
            return withoutAuthorization(context -> {
                HistoricTaskInstance t = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(task.group(1));
                return t == null ? null : screening(context, t.getRootProcessInstanceId())
                        .map(id -> new Read(action, id, t.getTaskDefinitionKey())).orElse(null);
            });
        }
        Matcher instance = PROCESS_INSTANCE.matcher(path);
        if (instance.matches()) {
            return withoutAuthorization(context -> {
                HistoricProcessInstance p = context.getHistoricProcessInstanceManager()
                        .findHistoricProcessInstance(instance.group(1));
                return p == null ? null : screening(context, p.getRootProcessInstanceId())
                        .map(id -> new Read("PROCESS_VARIABLES", id, null)).orElse(null);
            });
        }
        return Optional.empty();
    }

    private Optional<String> screening(CommandContext context, String rootId) {
        HistoricProcessInstance root = context.getHistoricProcessInstanceManager().findHistoricProcessInstance(rootId);
        return Optional.ofNullable(root).map(HistoricProcessInstance::getBusinessKey)
                .filter(accessLog::isScreening);
    }

    /** Looks the task up for the log, whoever asks (the request itself is checked by the engine as usual). */
    private <T> Optional<T> withoutAuthorization(Command<T> lookup) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return Optional.ofNullable(configuration.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            context.disableTenantCheck();
            return lookup.execute(context);
        }));
    }

    private static User sessionUser(HttpSession session, String engineName) {
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        org.camunda.bpm.webapp.impl.security.auth.Authentication auth = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engineName);
        return auth instanceof UserAuthentication user ? new User(user.getName(),
                user.getGroupIds() == null ? List.of() : user.getGroupIds(),
                user.getTenantIds() == null ? List.of() : user.getTenantIds()) : null;
    }

    /** The basic-authenticated user; the engine's filter has already checked the password (else 401). */
    private User basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String userId = credentials.substring(0, colon);
        IdentityService identity = engine.getIdentityService();
        Authentication bound = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return new User(userId,
                    identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                    identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                            .map(Tenant::getId).toList());
        } finally {
            if (bound != null) {
                identity.setAuthentication(bound);
            }
        }
    }
}
