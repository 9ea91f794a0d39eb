package com.checkupflow.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sla                how long a review may stay open: the review task's due date, after which "Review overdue"
 *                           adds the center's head physicians to it (start variable {@code reviewSla})
 * @param consultationSla    the same for the consultation summary's review ("Consultation review overdue")
 * @param consultationExpiry how long the consultation summary's review stays open at all: then it is withdrawn
 *                           ("Consultation review expired"), the draft stays unreviewed and the instance can end
 */
@ConfigurationProperties(prefix = "checkupflow.review")
public record ReviewProperties(@DefaultValue("PT48H") Duration sla, @DefaultValue("PT48H") Duration consultationSla,
                               @DefaultValue("P30D") Duration consultationExpiry) {
}
