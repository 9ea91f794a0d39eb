package com.checkupflow.center;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "checkupflow")
record CenterProperties(List<Center> centers) {

    CenterProperties {
        centers = centers == null ? List.of() : List.copyOf(centers);
    }
}
