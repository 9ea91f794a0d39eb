package com.checkupflow.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.checkupflow.process.ReferralLetterProcess;
import com.checkupflow.process.ScreeningReportProcess;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The stock Tasklist loads a Camunda Form's data with one call, {@code GET …/task/{id}/form-variables} of the webapps'
 * engine API ({@code /camunda/api/engine/engine/{engine}/…}; {@code /engine-rest/…} answers the same for integrations),
 * without {@code variableNames}: every variable the task sees. To that answer, once the engine has allowed the read
 * (200), this adds what the task's form only shows, computed from our tables at that moment: every user task's header
 * ({@link TaskHeaders}: {@code patientLabel}, {@code formLanguage}) and the texts of its form ({@link TaskFormTexts},
 * in that language). They are no engine variables, so no job or listener writes, loads and deletes them per
 * screening. A computed text replaces a variable of the same name: an instance started before this held copies,
 * which a later round (a redraft) no longer updates, and our tables are the one source. Only tasks of the screening
 * report and referral letter processes get them (their business key is the screening's id); what cannot be computed
 * is left out and logged with the task's id only, so a read the engine allowed never fails here.
 */
@Configuration(proxyBeanMethods = false)
class ComputedFormVariables {

    private static final Logger LOG = LoggerFactory.getLogger(ComputedFormVariables.class);

    private static final Pattern FORM_VARIABLES =
            Pattern.compile("(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables");

    /**
     * The processes whose tasks' forms get {@link TaskFormTexts} (their business key is the screening's id; the referral
     * letter is called with its caller's). The header goes to every task whose business key names a screening, so a
     * document review added to another process keeps it.
     */
    private static final List<String> SCREENING_PROCESSES =
            List.of(ScreeningReportProcess.PROCESS_ID + ":", ReferralLetterProcess.PROCESS_ID + ":");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> computedFormVariablesFilter(TaskHeaders headers, List<TaskFormTexts> texts,
                                                                               ProcessEngine engine, ObjectMapper json) {
        Map<String, List<TaskFormTexts>> byTask = texts.stream()
                .collect(Collectors.groupingBy(TaskFormTexts::taskDefinitionKey));
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Matcher form = "GET".equals(request.getMethod())
                        ? FORM_VARIABLES.matcher(request.getRequestURI().substring(request.getContextPath().length()))
                        : null;
                if (form == null || !form.matches()) {
                    chain.doFilter(request, response);
                    return;
                }
                ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, held);
                if (held.getStatus() == HttpServletResponse.SC_OK) {
                    try {
                        add(held, form.group(1), request.getParameter("variableNames"), headers, byTask, engine, json);
                    } catch (RuntimeException | IOException e) {
                        // the engine allowed and answered the read: its answer goes out as it was
                        LOG.warn("Form header and texts of task {} left out: {}", form.group(1), e.getClass().getSimpleName());
                    }
                }
                held.copyBodyToResponse();
            }
        });
        registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
        registration.setName("computedFormVariables");
        return registration;
    }

    private static void add(ContentCachingResponseWrapper response, String taskId, String variableNames,
                            TaskHeaders headers, Map<String, List<TaskFormTexts>> byTask, ProcessEngine engine,
                            ObjectMapper json)
            throws IOException {
        // the task and its screening's id in one command: a form read costs one transaction here, not two
        FormTask form = withoutAuthorization(engine, context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null || task.getProcessInstanceId() == null) {
                return null;
            }
            boolean screeningProcess = SCREENING_PROCESSES.stream().anyMatch(task.getProcessDefinitionId()::startsWith);
            return new FormTask(screeningProcess ? byTask.getOrDefault(task.getTaskDefinitionKey(), List.of()) : List.of(),
                    context.getExecutionManager().findExecutionById(task.getProcessInstanceId()).getBusinessKey());
        });
        byte[] body = response.getContentAsByteArray();
        JsonNode answer = body.length == 0 ? null : json.readTree(body);
        if (form == null || form.screeningId() == null || !(answer instanceof ObjectNode variables)) {
            return;
        }
        List<TaskFormTexts> texts = form.texts();
        String screeningId = form.screeningId();
        Set<String> wanted = variableNames == null ? null : new HashSet<>(Arrays.asList(variableNames.split(",")));
        // a header that cannot be computed leaves a copy an instance started before still holds
        String language = "en".equals(variables.path(Vars.FORM_LANGUAGE).path("value").asText()) ? "en" : "ko";
        try {
            Optional<TaskHeaders.TaskHeader> header = headers.header(screeningId);
            if (header.isEmpty()) {
                return;
            }
            language = header.get().formLanguage();
            put(variables, wanted, Vars.PATIENT_LABEL, header.get().patientLabel());
            put(variables, wanted, Vars.FORM_LANGUAGE, language);
        } catch (RuntimeException e) {
            LOG.warn("Form header of task {} left out: {}", taskId, e.getClass().getSimpleName());
        }
        for (TaskFormTexts computed : texts) {
            Map<String, String> byName;
            try {
                byName = computed.texts(screeningId, language);
            } catch (RuntimeException e) {
                LOG.warn("Form texts of task {} left out: {}", taskId, e.getClass().getSimpleName());
                continue;
            }
            byName.forEach((name, text) -> put(variables, wanted, name, text));
        }
        response.resetBuffer();
        response.getOutputStream().write(json.writeValueAsBytes(variables));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }

    private static void put(ObjectNode variables, Set<String> wanted, String name, String text) {
        if ((wanted == null || wanted.contains(name)) && text != null && !text.isEmpty()) {
            ObjectNode value = variables.putObject(name);
            value.put("type", "String");
            value.put("value", text);
            value.putObject("valueInfo");
        }
    }

    /** A screening's task's form texts and the screening's id (its process instance's business key). */
    private record FormTask(List<TaskFormTexts> texts, String screeningId) {
    }

    /**
     * The engine has just answered this user's read of the task (200): the lookups of its definition and screening
     * need no grant of their own (a physician holds none on process instances).
     */
    private static <T> T withoutAuthorization(ProcessEngine engine, Command<T> lookup) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    context.disableAuthorizationCheck();
                    context.disableTenantCheck();
                    return lookup.execute(context);
                });
    }
}
