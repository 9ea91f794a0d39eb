package com.checkupflow.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;

/**
 * The master key (KEK): a Tink AEAD keyset that wraps the data keys and nothing else. A keyset may hold several
 * keys: the primary wraps, every key in it unwraps, which is what lets a rotation re-wrap while the old key still
 * reads. From {@code CHECKUPFLOW_MASTER_KEY} (read-only) or a keyset file; the demo creates the file on first start.
 * Its bytes never reach a log line.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not register its AEAD and PRF key types", e);
        }
    }

    private final CryptoProperties properties;
    /** The keyset and its AEAD (primary wraps, any key unwraps), swapped together so a wrap and its id agree. */
    record Current(String id, KeysetHandle keyset, Aead aead) {
    }

    private volatile Current current;

    MasterKey(CryptoProperties properties) {
        this.properties = properties;
        use(load());
    }

    /** Parses a Tink JSON keyset; the guard and the loader share it. */
    static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    private KeysetHandle load() {
        try {
            if (properties.fromEnvironment()) {
                return parse(properties.masterKey());
            }
            Path file = properties.masterKeyFile();
            if (Files.exists(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (!properties.createMasterKey()) {
                throw new IllegalStateException(MasterKeyGuard.missingMessage());
            }
            KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            write(file, created);
            log.warn("Created a new local master key for the encryption of personal data in {} (demo). Keep it with "
                    + "the database: without it the encrypted columns cannot be read. Production sets "
                    + "CHECKUPFLOW_MASTER_KEY or CHECKUPFLOW_MASTER_KEY_FILE (docs/privacy.md).", file.toAbsolutePath());
            return created;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key (" + source() + ") is not a Tink AEAD keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The master key file " + properties.masterKeyFile()
                    + " cannot be read or written", e);
        }
    }

    private void use(KeysetHandle handle) {
        try {
            Aead primitive = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.current = new Current(id(handle.getPrimary().getId()), handle, primitive);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key (" + source() + ") is not an AEAD keyset", e);
        }
    }

    private String source() {
        return properties.fromEnvironment() ? "CHECKUPFLOW_MASTER_KEY" : "file " + properties.masterKeyFile();
    }

    /** The keyset in use; its id (of the primary key) is stored beside every data key its AEAD wraps. */
    Current current() {
        return current;
    }

    String id() {
        return current.id();
    }

    /**
     * The keyset as the file holds it now, for wrapping a new data key: another instance may have rotated and retired
     * the key this one still holds, and a data key wrapped by a retired key could never be read again. A new data key
     * is made once a month per purpose, so this reads the file rarely.
     */
    synchronized Current latest() {
        if (writable()) {
            use(load());
        }
        return current;
    }

    private static String id(int tinkKeyId) {
        return "kek-" + Integer.toUnsignedString(tinkKeyId);
    }

    /**
     * Another instance may have rotated the file: a data key wrapped by a master key this instance does not hold
     * makes it read the file again (once per unknown id; the environment cannot change under a running process).
     */
    synchronized void refreshFor(String kekId) {
        if (ids().contains(kekId) || properties.fromEnvironment()) {
            return;
        }
        use(load());
    }

    List<String> ids() {
        KeysetHandle k = current.keyset();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < k.size(); i++) {
            ids.add(id(k.getAt(i).getId()));
        }
        return ids;
    }

    /** Rotation writes to the file; a master key from the environment is changed by the operator (docs/privacy.md). */
    boolean writable() {
        return !properties.fromEnvironment();
    }

    /** Adds a fresh key as the primary and saves the file; the old keys still unwrap. The new key's id. */
    synchronized String addPrimary() {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(current.keyset())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            write(properties.masterKeyFile(), rotated);
            use(rotated);
            return id();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add a master key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the master key file " + properties.masterKeyFile(), e);
        }
    }

    /** Deletes the non-primary keys that wrap no data key any more and saves the file; the ids deleted. */
    synchronized List<String> retireAllBut(Set<String> inUse) {
        try {
            KeysetHandle keyset = current.keyset();
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            List<String> retired = new ArrayList<>();
            for (int i = builder.size() - 1; i >= 0; i--) {
                String id = id(keyset.getAt(i).getId());
                if (!builder.getAt(i).isPrimary() && !inUse.contains(id)) {
                    builder.deleteAt(i);
                    retired.add(id);
                }
            }
            if (!retired.isEmpty()) {
                KeysetHandle kept = builder.build();
                write(properties.masterKeyFile(), kept);
                use(kept);
            }
            return retired;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not retire old master keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the master key file " + properties.masterKeyFile(), e);
        }
    }

    /** Writes the keyset next to its target and moves it into place, so a reader never sees half a file. */
    private static void write(Path file, KeysetHandle handle) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".master-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's access rules apply
            }
            Files.writeString(tmp, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
