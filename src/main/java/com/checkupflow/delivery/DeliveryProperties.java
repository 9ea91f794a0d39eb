package com.checkupflow.delivery;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param outboxDir    the folder outbox (print and post, and the demo): one PDF per message, named by its key
 * @param emailEnabled send by e-mail (Spring Mail, {@code spring.mail.*}) to patients with an e-mail address in
 *                     Patient.telecom; the others go to the folder outbox
 * @param mailFrom     the sender address of report e-mails
 * @param maxAttempts  failed deliveries before a coordinator gets a "Resolve delivery" task
 */
@ConfigurationProperties(prefix = "checkupflow.delivery")
record DeliveryProperties(
        @DefaultValue("./data/outbox") Path outboxDir,
        @DefaultValue("false") boolean emailEnabled,
        @DefaultValue("reports@checkupflow.example") String mailFrom,
        @DefaultValue("3") int maxAttempts) {
}
