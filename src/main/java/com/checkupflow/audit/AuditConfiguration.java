package com.checkupflow.audit;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The access log's servlet filters and the retention schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    @Bean
    ApiAccessLog apiAccessLog(AccessLog accessLog) {
        return new ApiAccessLog(accessLog);
    }

    /** Inside Spring Security's filter (which knows the user by then), around the controllers. */
    @Bean
    FilterRegistrationBean<ApiAccessLog> apiAccessLogRegistration(ApiAccessLog filter) {
        FilterRegistrationBean<ApiAccessLog> registration = new FilterRegistrationBean<>(filter);
        registration.setName("checkupflow-api-access-log");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CamundaVariableAccessLog> camundaVariableAccessLogRegistration(
            CamundaVariableAccessLog filter) {
        FilterRegistrationBean<CamundaVariableAccessLog> registration = new FilterRegistrationBean<>(filter);
        registration.setName("checkupflow-engine-variable-access-log");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}
