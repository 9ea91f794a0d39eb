package com.checkupflow.engine;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the external task workers (model calls) run ({@code checkupflow.workers.*}, docs/robustness.md "Remote model
 * workers").
 *
 * @param mode          on an engine node: {@code in-app} (default) polls the engine in this process; {@code remote}
 *                      polls nothing, processes of the {@code worker} profile serve the topics
 * @param engineRestUrl the worker profile's engine: a node's (or the load balancer's) {@code /engine-rest}
 * @param user          the worker profile's engine user, a member of the group {@code worker}
 * @param password      its password, from the environment
 */
@ConfigurationProperties(prefix = "checkupflow.workers")
public record WorkerProperties(@DefaultValue("in-app") String mode, URI engineRestUrl, String user, String password) {

    public static final String IN_APP = "in-app";
    public static final String REMOTE = "remote";

    public WorkerProperties {
        if (!IN_APP.equals(mode) && !REMOTE.equals(mode)) {
            throw new IllegalArgumentException("checkupflow.workers.mode must be in-app or remote, was " + mode);
        }
    }

    boolean inApp() {
        return IN_APP.equals(mode);
    }

    @Override
    public String toString() {
        return "WorkerProperties[mode=" + mode + ", engineRestUrl=" + engineRestUrl + ", user=" + user + "]";
    }
}
