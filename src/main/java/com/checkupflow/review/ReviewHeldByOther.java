package com.checkupflow.review;

import com.checkupflow.kernel.InputRefused;

/** Completing a review another user holds (e.g. handed over between reading and deciding): a conflict, not bad input. */
final class ReviewHeldByOther extends InputRefused {

    ReviewHeldByOther(String message) {
        super(message);
    }
}
