package com.checkupflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 key of the access log's hash chain (the JDK's {@link Mac}). Without the key nobody can recompute
 * a consistent chain after editing rows, so whoever can write to the database alone cannot hide an edit.
 */
@Component
class AccessChainKey {

    private static final Logger log = LoggerFactory.getLogger(AccessChainKey.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_BYTES = 32;

    private final SecretKeySpec key;

    AccessChainKey(AuditProperties properties) {
        this.key = new SecretKeySpec(load(properties), ALGORITHM);
    }

    /** @return the hex HMAC of the text */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] load(AuditProperties properties) {
        if (properties.chainKey() != null && !properties.chainKey().isBlank()) {
            byte[] configured = Base64.getDecoder().decode(properties.chainKey().trim());
            if (configured.length < MIN_BYTES) {
                throw new IllegalStateException("Refusing to start: checkupflow.audit.chain-key (CHECKUPFLOW_AUDIT_CHAIN_KEY) "
                        + "must be at least " + MIN_BYTES + " random bytes, base64-encoded");
            }
            return configured;
        }
        if (properties.requireChainKey()) {
            throw new IllegalStateException("Refusing to start: no access-log chain key. Set CHECKUPFLOW_AUDIT_CHAIN_KEY "
                    + "(checkupflow.audit.chain-key) to at least " + MIN_BYTES + " random bytes, base64-encoded, "
                    + "e.g. openssl rand -base64 32");
        }
        return fromFile(properties.chainKeyFile());
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] fresh = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the folder's permissions
            }
            log.warn("DEMO MODE: created a local access-log chain key in {}; production sets CHECKUPFLOW_AUDIT_CHAIN_KEY",
                    file.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the access-log chain key " + file, e);
        }
    }
}
