package com.checkupflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CheckupFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CheckupFlowApplication.class, args);
    }
}
