package com.checkupflow.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Reads a posted Bundle without ever holding more than the configured maximum in memory. */
@Component
public class BundleBody {

    private final ApiProperties properties;

    BundleBody(ApiProperties properties) {
        this.properties = properties;
    }

    public byte[] read(HttpServletRequest request) throws IOException {
        long max = properties.maxBundleSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) max + 1);
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        }
    }

    /** The Bundle as a part of a multipart request (the what-if dry run), under the same maximum. */
    public byte[] read(MultipartFile part) throws IOException {
        long max = properties.maxBundleSize().toBytes();
        if (part.getSize() > max) {
            throw tooLarge(max);
        }
        return part.getBytes();
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "The Bundle was rejected; nothing was stored",
                new Problem("body_too_large", "The Bundle exceeds the configured maximum of " + max + " bytes",
                        java.util.Map.of("max", String.valueOf(max))));
    }
}
