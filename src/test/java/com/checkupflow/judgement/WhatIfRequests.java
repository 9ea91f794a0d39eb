package com.checkupflow.judgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Public test helper: the demo edit (fasting glucose 126 → 135), sample Bundles and multipart bodies. */
public final class WhatIfRequests {

    public static final String BOUNDARY = "whatif-" + UUID.randomUUID();
    public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private WhatIfRequests() {
    }

    public static String shippedDmn() {
        try {
            return Files.readString(Path.of(DmnTestSupport.DMN), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped DMN with 질환의심 fasting glucose from 135 instead of 126 (정상B 100~134). */
    public static String glucoseAt135() {
        String xml = shippedDmn();
        String edited = xml.replace("<text>[100..126)</text>", "<text>[100..135)</text>")
                .replace("<text>&gt;= 126</text>", "<text>&gt;= 135</text>");
        if (edited.equals(xml)) {
            throw new IllegalStateException("The fasting-glucose rules of the shipped DMN changed");
        }
        return edited;
    }

    /** {@code bundles/normal-male.json} with another identifier and the given fasting glucose (mg/dL). */
    public static String bundleWithGlucose(String identifier, int glucose) {
        try {
            String json = Files.readString(Path.of("src/test/resources/bundles/normal-male.json"), StandardCharsets.UTF_8);
            int at = json.indexOf("\"1558-6\"");
            int value = json.indexOf("\"value\": 92", at);
            if (at < 0 || value < 0) {
                throw new IllegalStateException("normal-male.json has no fasting glucose of 92");
            }
            json = json.substring(0, value) + "\"value\": " + glucose + json.substring(value + "\"value\": 92".length());
            return json.replace("SAMPLE-2026-0001", identifier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart/form-data body with one file part per entry, in order. */
    public static byte[] multipart(Map<String, String> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> part : parts.entrySet()) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                    + "\"; filename=\"" + part.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.getValue().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** An RFC 7807 answer of this status whose problems list holds the code (any code when null). */
    public static void assertProblem(ObjectMapper json, HttpResponse<String> response, int status, String code)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        if (code != null) {
            assertThat(json.readTree(response.body()).get("problems").findValuesAsText("code")).contains(code);
        }
    }

    public static byte[] multipart(String name1, String part1, String name2, String part2) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(name1, part1);
        if (name2 != null) {
            parts.put(name2, part2);
        }
        return multipart(parts);
    }
}
