package com.checkupflow.kernel;

import com.fasterxml.jackson.annotation.JsonValue;

public enum ItemStatus {
    VALID, INVALID, MISSING, NOT_SCHEDULED;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
