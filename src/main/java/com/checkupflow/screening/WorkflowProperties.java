package com.checkupflow.screening;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param criticalEscalationAfter how long a critical-result confirmation may stay open before it goes to the
 *                                center's head physicians
 * @param maxRedraftRounds        how many times a reviewer may send a draft back before writing it themselves
 * @param consultationSummary     true: once the judgement is final, a consultation summary is drafted for the
 *                                physician's post-screening consultation, beside the report path (process variable
 *                                {@code consultationSummaryWanted})
 */
@ConfigurationProperties(prefix = "checkupflow.workflow")
public record WorkflowProperties(
        @DefaultValue("PT1H") Duration criticalEscalationAfter,
        @DefaultValue("3") int maxRedraftRounds,
        @DefaultValue("true") boolean consultationSummary) {
}
