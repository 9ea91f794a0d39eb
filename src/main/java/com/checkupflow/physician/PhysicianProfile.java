package com.checkupflow.physician;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * How a physician signs a report: the name and the medical licence number (의사 면허번호) printed on the result
 * notice, for the engine user {@code userId}.
 */
public record PhysicianProfile(String userId, String displayName, String licenceNumber, Instant updatedAt,
                               String updatedBy) {

    private static final Properties TEXTS = texts();

    /**
     * "박도윤 (면허번호 20103)" ({@code physician/signature.properties}); without a profile the user id, marked as not
     * registered, so that a missing profile shows instead of passing for a name.
     */
    public static String signature(String userId, Optional<PhysicianProfile> profile, String language) {
        String lang = "en".equals(language) ? "en" : "ko";
        return profile.map(p -> TEXTS.getProperty("signature." + lang).replace("{name}", p.displayName())
                        .replace("{licence}", p.licenceNumber()))
                .orElseGet(() -> TEXTS.getProperty("signature.unregistered." + lang).replace("{name}", userId));
    }

    private static Properties texts() {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(PhysicianProfile.class.getResourceAsStream("/physician/signature.properties"),
                StandardCharsets.UTF_8)) {
            texts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
