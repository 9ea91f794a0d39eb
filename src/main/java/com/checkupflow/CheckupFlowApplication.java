package com.checkupflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CheckupFlowApplication {

    public static void main(String[] args) {
        // The worker profile is another application of the same jar: no engine, no web server (docs/robustness.md).
        SpringApplication.run(RemoteWorkerApplication.requested(args) ? RemoteWorkerApplication.class
                : CheckupFlowApplication.class, args);
    }
}
