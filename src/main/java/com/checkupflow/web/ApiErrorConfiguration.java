package com.checkupflow.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.catalina.core.StandardHost;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Problem documents for {@code /api} errors below the controllers: the error page and Tomcat's error report. */
@Configuration(proxyBeanMethods = false)
class ApiErrorConfiguration {

    @Bean
    ApiErrorController apiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                                          ObjectProvider<ErrorViewResolver> resolvers, ObjectMapper json) {
        return new ApiErrorController(errorAttributes, server.getError(), resolvers.orderedStream().toList(), json);
    }

    /** Tomcat answers some malformed requests itself, before any filter or error page: its report valve is ours. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }
}
