package com.checkupflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled    seed demo users and synthetic screenings at start (the default start is the demo)
 * @param password   password of every demo user; demo only
 * @param screenings how many synthetic screenings to post, spread over all centers
 */
@ConfigurationProperties(prefix = "checkupflow.demo")
record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("demo") String password,
        @DefaultValue("20") int screenings) {
}
