package com.checkupflow.screening;

/** Where a screening is on its report path. */
public enum Stage {
    RECEIVED, CORRECTING, DRAFTING, REVIEW, ISSUED, DELIVERED
}
