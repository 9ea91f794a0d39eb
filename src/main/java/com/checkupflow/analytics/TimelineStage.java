package com.checkupflow.analytics;

/**
 * A stage of the analytics timeline. The report path runs RECEIVED → … → DELIVERED; CRITICAL_CONFIRMATION and
 * REFERRAL are side tasks that run beside it and are not part of the end-to-end cycle.
 */
enum TimelineStage {
    RECEIVED, CORRECTING, DRAFTING, CHECKING, REVIEW, ISSUED, DELIVERED, CRITICAL_CONFIRMATION, REFERRAL
}
