package com.checkupflow.privacy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the master key (the key-encryption key that wraps the data keys) comes from.
 *
 * @param masterKey       the master key itself, a Tink AEAD keyset in JSON ({@code CHECKUPFLOW_MASTER_KEY}); wins
 *                        over the file; read-only (rotation re-wraps to its primary key)
 * @param masterKeyFile   a Tink AEAD keyset file ({@code CHECKUPFLOW_MASTER_KEY_FILE}); rotation adds a key to it
 * @param createMasterKey create the file with a fresh key when neither exists (the demo); {@code prod}: false
 */
@ConfigurationProperties(prefix = "checkupflow.crypto")
record CryptoProperties(
        String masterKey,
        @DefaultValue("./data/master-key.json") Path masterKeyFile,
        @DefaultValue("true") boolean createMasterKey) {

    static final String PREFIX = "checkupflow.crypto";

    boolean fromEnvironment() {
        return masterKey != null && !masterKey.isBlank();
    }
}
