package com.checkupflow.kernel;

public enum Sex {
    MALE, FEMALE;

    /** FHIR administrative gender code, also the DMN input value. */
    public String code() {
        return name().toLowerCase();
    }
}
