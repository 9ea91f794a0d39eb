package com.checkupflow.privacy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.springframework.stereotype.Component;

/**
 * Encryption of a personal-data column value: AES-256-GCM (Tink AEAD) with the month's data key. A stored value is
 * {@code enc1:<data key id>:<base64 ciphertext>}, so every value names its key; the associated data is the column
 * and the row id, so a ciphertext copied to another row or column does not decrypt. Null stays null. A long value
 * stored with {@link #encryptCompressed} is {@code enc1z:<data key id>:<base64 ciphertext of the deflated text>}.
 */
@Component
public class FieldCipher {

    static final String PREFIX = "enc1:";
    static final String COMPRESSED_PREFIX = "enc1z:";

    private final DataKeys keys;

    FieldCipher(DataKeys keys) {
        this.keys = keys;
    }

    /**
     * @param column "table.column", e.g. {@code cf_screening.patient_rrn}
     * @param rowId  the row's primary key
     */
    public String encrypt(String plaintext, String column, String rowId) {
        return plaintext == null ? null : seal(plaintext.getBytes(StandardCharsets.UTF_8), PREFIX, column, rowId);
    }

    /**
     * As {@link #encrypt}, deflating the text first: for long markup and JSON (the issued report's XHTML, kept as signed;
     * the original FHIR Bundle), which deflates to a fifth or less; the base64 of their ciphertexts were the largest
     * values of a screening.
     */
    public String encryptCompressed(String plaintext, String column, String rowId) {
        if (plaintext == null) {
            return null;
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        // zlib's default level: a 21 KB Bundle deflates to 3 % more bytes than at level 9 in a third of the CPU
        // (docs/benchmarks.md 12.4); ended here, so its native buffers are freed now, not when the collector finds it
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, deflater)) {
            out.write(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return seal(deflated.toByteArray(), COMPRESSED_PREFIX, column, rowId);
    }

    private String seal(byte[] plaintext, String prefix, String column, String rowId) {
        DataKeys.Current key = keys.current();
        try {
            byte[] ciphertext = key.aead().encrypt(plaintext, ad(column, rowId));
            return prefix + key.keyId() + ":" + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt " + column, e);
        }
    }

    /** Reads both forms, {@link #encrypt}'s and {@link #encryptCompressed}'s. */
    public String decrypt(String stored, String column, String rowId) {
        if (stored == null) {
            return null;
        }
        boolean compressed = stored.startsWith(COMPRESSED_PREFIX);
        String prefix = compressed ? COMPRESSED_PREFIX : PREFIX;
        int keyEnd = stored.indexOf(':', prefix.length());
        if (!stored.startsWith(prefix) || keyEnd < 0) {
            throw new IllegalStateException(column + " of " + rowId + " is not an encrypted value");
        }
        String keyId = stored.substring(prefix.length(), keyEnd);
        byte[] plaintext;
        try {
            plaintext = keys.field(keyId).decrypt(Base64.getDecoder().decode(stored.substring(keyEnd + 1)),
                    ad(column, rowId));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(column + " of " + rowId + " does not decrypt with data key " + keyId, e);
        }
        if (compressed) {
            try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(plaintext))) {
                plaintext = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(column + " of " + rowId + " does not inflate", e);
            }
        }
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /** Whether a stored value is already encrypted (the migration of plain rows skips those). */
    public static boolean isEncrypted(String stored) {
        return stored != null && (stored.startsWith(PREFIX) || stored.startsWith(COMPRESSED_PREFIX));
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
