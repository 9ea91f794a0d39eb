package com.checkupflow.privacy;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/keys/rotate} (administrators): see {@link KeyRotation}. */
@RestController
class KeyRotationController {

    private final KeyRotation rotation;

    KeyRotationController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/api/admin/keys/rotate")
    KeyRotation.Result rotate() {
        return rotation.rotate();
    }
}
