package com.checkupflow.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;

/**
 * The data keys in {@code cf_data_key}, each wrapped by the master key: one AES-256-GCM key per calendar month for
 * the encrypted columns ({@code FIELD}) and one HMAC-SHA256 PRF key for keyed lookup hashes ({@code LOOKUP}), kept
 * apart so that a hash never reveals anything about a ciphertext key. The wrap is bound to the key id (associated
 * data). Unwrapped keys are cached in memory.
 *
 * <p>A new key is committed on a connection of its own (not the caller's transaction): a value encrypted with a key
 * that a rolled-back transaction took away could never be read again. Plain JDBC on the {@link DataSource}, because
 * the Flyway migration that encrypts existing rows uses these keys before Spring's JDBC beans exist.
 */
@Component
class DataKeys {

    enum Purpose { FIELD, LOOKUP }

    /** A data key as stored: id, purpose, the id of the master key that wraps it and the wrapped keyset. */
    record Wrapped(String keyId, Purpose purpose, String kekId, byte[] wrappedKey) {
    }

    record Current(String keyId, Aead aead) {
    }

    private static final String LOOKUP_PERIOD = "all";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final MasterKey master;
    private final Clock clock;
    private final Map<String, Aead> fieldKeys = new ConcurrentHashMap<>();
    private final Map<YearMonth, String> currentIds = new ConcurrentHashMap<>();
    private volatile PrfSet lookup;

    DataKeys(DataSource dataSource, MasterKey master, Clock clock) {
        this.dataSource = dataSource;
        this.master = master;
        this.clock = clock;
    }

    /** This month's field key, created when the month has none yet. */
    Current current() {
        YearMonth month = YearMonth.now(clock);
        String id = currentIds.computeIfAbsent(month, m -> findOrCreate(Purpose.FIELD, m.toString()));
        return new Current(id, field(id));
    }

    /** The field key with this id (any month), unwrapped on first use. */
    Aead field(String keyId) {
        return fieldKeys.computeIfAbsent(keyId, id -> {
            Wrapped w = find(id).orElseThrow(() -> new IllegalStateException("No data key " + id + " in cf_data_key"));
            return primitive(unwrap(w), Aead.class);
        });
    }

    /** The keyed hash key (one for all time: a hash must match the hashes stored before). */
    PrfSet lookup() {
        PrfSet prf = lookup;
        if (prf == null) {
            synchronized (this) {
                if (lookup == null) {
                    String id = findOrCreate(Purpose.LOOKUP, LOOKUP_PERIOD);
                    lookup = primitive(unwrap(find(id).orElseThrow()), PrfSet.class);
                }
                prf = lookup;
            }
        }
        return prf;
    }

    private static <P> P primitive(KeysetHandle handle, Class<P> type) {
        try {
            return handle.getPrimitive(RegistryConfiguration.get(), type);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key is not a " + type.getSimpleName() + " key", e);
        }
    }

    private KeysetHandle unwrap(Wrapped w) {
        master.refreshFor(w.kekId());
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(w.wrappedKey(), master.current().aead(), ad(w.keyId()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + w.keyId() + " cannot be unwrapped: the master key "
                    + w.kekId() + " is not in the configured master keyset", e);
        }
    }

    private static byte[] wrap(String keyId, KeysetHandle handle, MasterKey.Current kek) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, kek.aead(), ad(keyId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + keyId + " cannot be wrapped", e);
        }
    }

    private static byte[] ad(String keyId) {
        return ("cf_data_key/" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private String findOrCreate(Purpose purpose, String period) {
        return findId(purpose, period).orElseGet(() -> create(purpose, period));
    }

    private String create(Purpose purpose, String period) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String keyId = (purpose == Purpose.FIELD ? "dk-" : "lk-") + period + "-" + HexFormat.of().formatHex(suffix);
        KeysetHandle key;
        try {
            key = KeysetHandle.generateNew(purpose == Purpose.FIELD ? PredefinedAeadParameters.AES256_GCM
                    : PredefinedPrfParameters.HMAC_SHA256_PRF);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate a data key", e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        MasterKey.Current kek = master.latest();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO cf_data_key (key_id, purpose, period, kek_id, wrapped_key, created_at, wrapped_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            c.setAutoCommit(true);
            insert.setString(1, keyId);
            insert.setString(2, purpose.name());
            insert.setString(3, period);
            insert.setString(4, kek.id());
            insert.setString(5, Base64.getEncoder().encodeToString(wrap(keyId, key, kek)));
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            insert.executeUpdate();
            return keyId;
        } catch (SQLException e) {
            // Another thread or instance created the period's key first (unique purpose + period): use that one.
            return findId(purpose, period).orElseThrow(() -> new IllegalStateException("Could not store a data key", e));
        }
    }

    private Optional<String> findId(Purpose purpose, String period) {
        List<String> ids = query("SELECT key_id FROM cf_data_key WHERE purpose = ? AND period = ?",
                rs -> rs.getString(1), purpose.name(), period);
        return ids.stream().findFirst();
    }

    private Optional<Wrapped> find(String keyId) {
        return query("SELECT key_id, purpose, kek_id, wrapped_key FROM cf_data_key WHERE key_id = ?", DataKeys::wrapped,
                keyId).stream().findFirst();
    }

    /** The data keys not wrapped by this master key (what a rotation still has to re-wrap). */
    List<Wrapped> notWrappedBy(String kekId) {
        return query("SELECT key_id, purpose, kek_id, wrapped_key FROM cf_data_key WHERE kek_id <> ? ORDER BY key_id",
                DataKeys::wrapped, kekId);
    }

    /** The master key ids that still wrap a data key. */
    Set<String> kekIdsInUse() {
        return new HashSet<>(query("SELECT DISTINCT kek_id FROM cf_data_key", rs -> rs.getString(1)));
    }

    /**
     * Re-wraps one data key under the current primary master key. The key itself is unchanged, so every value it
     * encrypted stays readable; the update only applies if nobody re-wrapped the row meanwhile.
     */
    boolean rewrap(Wrapped w) {
        MasterKey.Current kek = master.current();
        byte[] rewrapped = wrap(w.keyId(), unwrap(w), kek);
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE cf_data_key SET kek_id = ?, wrapped_key = ?, wrapped_at = ? WHERE key_id = ? AND kek_id = ?")) {
            c.setAutoCommit(true);
            update.setString(1, kek.id());
            update.setString(2, Base64.getEncoder().encodeToString(rewrapped));
            update.setTimestamp(3, Timestamp.from(clock.instant()));
            update.setString(4, w.keyId());
            update.setString(5, w.kekId());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the re-wrapped data key " + w.keyId(), e);
        }
    }

    private static Wrapped wrapped(ResultSet rs) throws SQLException {
        return new Wrapped(rs.getString(1), Purpose.valueOf(rs.getString(2)), rs.getString(3),
                Base64.getDecoder().decode(rs.getString(4)));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read cf_data_key", e);
        }
    }
}
