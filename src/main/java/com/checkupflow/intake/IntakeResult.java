package com.checkupflow.intake;

/** @param created false when the Bundle identifier was already known and nothing new was started */
public record IntakeResult(String id, boolean created) {
}
