package com.checkupflow.privacy;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Master key rotation while the application runs: a new primary master key (file keysets; a keyset from the
 * environment is rotated by the operator, see docs/privacy.md), every data key re-wrapped under it one by one, then
 * the old master keys that wrap nothing any more are deleted from the file. Values are not re-encrypted (the data
 * keys do not change), so reads and writes go on throughout: until its row is re-wrapped a data key is unwrapped
 * by the old key, which stays in the keyset until the end.
 */
@Service
class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /** What a rotation did: the master key now in use, how many data keys it re-wrapped, the keys it deleted. */
    record Result(String masterKeyId, boolean newMasterKey, int rewrapped, List<String> retiredMasterKeys) {
    }

    private final MasterKey master;
    private final DataKeys keys;

    KeyRotation(MasterKey master, DataKeys keys) {
        this.master = master;
        this.keys = keys;
    }

    synchronized Result rotate() {
        boolean added = master.writable();
        if (added) {
            master.addPrimary();
        }
        String current = master.id();
        int rewrapped = 0;
        for (DataKeys.Wrapped w : keys.notWrappedBy(current)) {
            rewrapped += keys.rewrap(w) ? 1 : 0;
        }
        List<String> retired = master.writable() ? master.retireAllBut(keys.kekIdsInUse()) : List.of();
        log.info("Key rotation: master key {} ({}), {} data keys re-wrapped, {} old master keys deleted", current,
                added ? "new" : "from the environment", rewrapped, retired.size());
        return new Result(current, added, rewrapped, retired);
    }
}
