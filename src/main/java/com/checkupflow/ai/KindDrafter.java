package com.checkupflow.ai;

/**
 * A Java drafter of a document kind whose {@code kind.properties} names it ({@code drafter}): the kinds whose
 * behaviour the generic AI document step cannot express (the report summary's check with the judgement, re-asks and
 * redraft rounds; the referral letter's appointment data). Their resources are read through {@link KindDescription}
 * all the same; the kinds are checked at start-up to have exactly their drafter registered.
 */
public interface KindDrafter {

    /** The {@code drafter} name a kind declares, e.g. {@code report-summary}. */
    String drafter();

    /** The external-task topic it works, so a designer is told which step drafts the kind (the worker's own). */
    String topic();
}
