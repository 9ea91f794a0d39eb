package com.checkupflow.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The webapps show the engine's refusals as they come ("The user with id 'manager' does not have 'TASK_ASSIGN'
 * permission on resource …", "ENGINE-13034 …", "Cannot submit task form …: …"). On the webapps' engine API the
 * message of such an error becomes a sentence for the user (Korean, English when the browser asks for it); our
 * own task listeners' messages are kept without the engine's prefix (a {@link com.checkupflow.kernel.InputRefused}
 * already arrives as its own sentence with 400, {@link TenantRefusalExceptionMapper}). Everything else passes untouched.
 */
@Configuration(proxyBeanMethods = false)
class WebappRefusals {

    private static final Pattern FORM_PREFIX = Pattern.compile(
            "^(?:Cannot submit task form|Cannot complete task|Cannot resolve task) [^:]*: (.+)$", Pattern.DOTALL);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappRefusalMessages(ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, wrapper);
                if (wrapper.getStatus() >= 400) {
                    rewrite(wrapper, json, "en".equals(request.getLocale().getLanguage()));
                }
                wrapper.copyBodyToResponse();
            }
        });
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setName("webappRefusalMessages");
        return registration;
    }

    private static void rewrite(ContentCachingResponseWrapper response, ObjectMapper json, boolean english)
            throws IOException {
        byte[] body = response.getContentAsByteArray();
        if (body.length == 0 || body[0] != '{') {
            return;
        }
        ObjectNode error;
        try {
            error = (ObjectNode) json.readTree(body);
        } catch (IOException | ClassCastException e) {
            return;
        }
        String message = sentence(error.path("type").asText(""), error.path("message").asText(""), english);
        if (message == null) {
            return;
        }
        error.put("message", message);
        response.resetBuffer();
        response.getOutputStream().write(json.writeValueAsBytes(error));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }

    /** The refusal as a sentence, or null to keep the message as it is. */
    static String sentence(String type, String message, boolean english) {
        if ("AuthorizationException".equals(type)
                || (message.contains("does not have") && message.contains("permission"))) {
            return english
                    ? "You may read this task but not work on it: only the role it is for can claim and complete it."
                    : "이 작업은 열람만 할 수 있습니다. 맡고 완료하는 것은 담당 역할(후보 그룹)의 직원만 할 수 있습니다.";
        }
        if (message.contains("ENGINE-13034") || message.contains("no authenticated tenant")) {
            return english ? "This task belongs to another center; you cannot work on it."
                    : "다른 센터의 작업이라 처리할 수 없습니다.";
        }
        if ("TaskAlreadyClaimedException".equals(type) || message.contains("is already claimed by")) {
            return english ? "Someone else has already claimed this task." : "다른 직원이 이미 이 작업을 맡았습니다.";
        }
        Matcher prefixed = FORM_PREFIX.matcher(message);
        if (prefixed.matches()) {
            String cause = prefixed.group(1);
            String sentence = sentence("", cause, english);
            return sentence == null ? cause : sentence;
        }
        return null;
    }
}
