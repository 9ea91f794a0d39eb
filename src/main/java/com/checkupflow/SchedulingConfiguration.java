package com.checkupflow;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Spring's scheduler, for housekeeping outside the workflow (delivery.BundleRetention, audit.AccessLogRetention). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
