package com.checkupflow.privacy;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

/** A real {@link FieldCipher} over a test database (migrated to V14 or later) and a master key file. */
public final class TestCiphers {

    private TestCiphers() {
    }

    /** The key file is created when missing, as in the demo. */
    public static FieldCipher over(DataSource dataSource, Path masterKeyFile) {
        MasterKey master = new MasterKey(new CryptoProperties(null, masterKeyFile, true));
        return new FieldCipher(new DataKeys(dataSource, master, Clock.systemUTC()));
    }
}
