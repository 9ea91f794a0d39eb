package com.checkupflow.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBundleSize a Bundle body over this size is rejected with 413 before it is parsed */
@ConfigurationProperties(prefix = "checkupflow.api")
public record ApiProperties(@DefaultValue("2MB") DataSize maxBundleSize) {
}
