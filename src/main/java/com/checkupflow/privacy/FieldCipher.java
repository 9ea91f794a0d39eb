package com.checkupflow.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Encryption of a personal-data column value: AES-256-GCM (Tink AEAD) with the month's data key. A stored value is
 * {@code enc1:<data key id>:<base64 ciphertext>}, so every value names its key; the associated data is the column
 * and the row id, so a ciphertext copied to another row or column does not decrypt. Null stays null.
 */
@Component
public class FieldCipher {

    static final String PREFIX = "enc1:";

    private final DataKeys keys;

    FieldCipher(DataKeys keys) {
        this.keys = keys;
    }

    /**
     * @param column "table.column", e.g. {@code cf_screening.patient_rrn}
     * @param rowId  the row's primary key
     */
    public String encrypt(String plaintext, String column, String rowId) {
        if (plaintext == null) {
            return null;
        }
        DataKeys.Current key = keys.current();
        try {
            byte[] ciphertext = key.aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ad(column, rowId));
            return PREFIX + key.keyId() + ":" + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt " + column, e);
        }
    }

    public String decrypt(String stored, String column, String rowId) {
        if (stored == null) {
            return null;
        }
        int keyEnd = stored.indexOf(':', PREFIX.length());
        if (!stored.startsWith(PREFIX) || keyEnd < 0) {
            throw new IllegalStateException(column + " of " + rowId + " is not an encrypted value");
        }
        String keyId = stored.substring(PREFIX.length(), keyEnd);
        try {
            byte[] plaintext = keys.field(keyId).decrypt(Base64.getDecoder().decode(stored.substring(keyEnd + 1)),
                    ad(column, rowId));
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(column + " of " + rowId + " does not decrypt with data key " + keyId, e);
        }
    }

    /** Whether a stored value is already encrypted (the migration of plain rows skips those). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /**
     * A keyed hash (HMAC-SHA256 with a key of its own) for finding rows by a value without storing it: equal inputs
     * give equal hashes, and without the key nobody can test a guessed value (an RRN has few possible values).
     */
    public String lookupHash(String value) {
        if (value == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(keys.lookup().computePrimary(value.getBytes(StandardCharsets.UTF_8), 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not compute a lookup hash", e);
        }
    }

    private static byte[] ad(String column, String rowId) {
        return (column + "/" + rowId).getBytes(StandardCharsets.UTF_8);
    }
}
