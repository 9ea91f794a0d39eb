package com.checkupflow.review;

/** What a physician decides on "Review report". */
enum ReviewDecision {
    APPROVE, REQUEST_CHANGES, WRITE_MANUALLY
}
