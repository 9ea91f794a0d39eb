package com.checkupflow.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sla how long a review may stay open: the review task's due date, after which "Review overdue" adds the
 *            center's head physicians to it (start variable {@code reviewSla})
 */
@ConfigurationProperties(prefix = "checkupflow.review")
public record ReviewProperties(@DefaultValue("PT48H") Duration sla) {
}
