package com.checkupflow.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

/**
 * The folder outbox ({@code checkupflow.delivery.outbox-dir}): a print-and-post service (or the demo) picks the PDFs
 * up. The file is named by the idempotency key and moved into place atomically, so a second send of the same
 * message finds it and writes nothing.
 */
@Component
class FolderDeliveryChannel implements DeliveryChannel {

    static final String NAME = "FOLDER";

    private final DeliveryProperties properties;

    FolderDeliveryChannel(DeliveryProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String send(DeliveryMessage message) {
        Path dir = properties.outboxDir();
        Path target = dir.resolve(message.idempotencyKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf");
        if (Files.exists(target)) {
            return target.toString();
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".outbox-", ".tmp");
            Files.write(tmp, message.pdf());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target.toString();
        } catch (IOException e) {
            throw new DeliveryFailedException("outbox_folder_not_writable", e);
        }
    }
}
