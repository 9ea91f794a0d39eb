package com.checkupflow.intake;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared HAPI {@link FhirContext} (expensive to create, thread-safe) and the judgement conventions the normalizer
 * applies ({@link JudgementProperties}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JudgementProperties.class)
public class IntakeConfiguration {

    @Bean
    public FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
