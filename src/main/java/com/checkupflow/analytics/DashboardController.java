package com.checkupflow.analytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The managers' dashboard page ({@code /dashboard}): plain HTML; its script fetches {@code /api/analytics/dashboard}
 * and draws the charts with Chart.js from its webjar. Restrict {@code /dashboard} with {@code /api/analytics/**}.
 */
@Controller
class DashboardController {

    private final byte[] page;

    DashboardController() throws IOException {
        this.page = new ClassPathResource("analytics/dashboard.html").getContentAsByteArray();
    }

    @GetMapping("/dashboard")
    ResponseEntity<String> dashboard() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(new String(page, StandardCharsets.UTF_8));
    }
}
