package com.checkupflow.ai;

import java.util.List;
import java.util.Map;

/**
 * The Java drafter of a document kind whose {@code kind.properties} names it ({@code drafter}), called by the generic
 * AI document step ({@code draftDocument}) for that kind: what resources cannot express (the report summary's check
 * with the judgement, re-asks, redraft rounds and provenance; the referral letter's referred units and its stored,
 * signed letter). Its prompts and schemas are read through {@link KindDescription} all the same; the application does
 * not start unless every drafter a kind names is registered, and no other.
 */
public interface KindDrafter {

    /** The {@code drafter} name a kind declares, e.g. {@code report-summary}. */
    String drafter();

    /** The process variables it reads, fetched with the task besides the step's parameters. */
    List<String> variables();

    /**
     * Drafts the kind's document for a screening.
     *
     * @param variables the task's variables (at least {@link #variables()})
     * @return the process variables the step completes with
     * @throws ModelUnavailableException when the model gave no usable answer and the kind leaves the fallback to the
     *                                   process (the step then throws the BPMN error {@code MODEL_UNAVAILABLE})
     */
    Map<String, Object> draft(String screeningId, Map<String, Object> variables);
}
