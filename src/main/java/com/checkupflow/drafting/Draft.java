package com.checkupflow.drafting;

/**
 * A drafted report summary.
 *
 * @param provider      {@code "template"} for {@link TemplateReportDrafter}, the model provider otherwise
 * @param model         the model name; null for the template drafter
 * @param promptVersion version of the template or prompt that produced the text, e.g. {@code "template-v1"}
 * @param fallback      true when this draft came from the template because the configured model was unavailable
 * @param audit         how the draft was made (input hash, tokens, latency, attempts, evidence)
 */
public record Draft(String text, String provider, String model, String promptVersion, boolean fallback, Audit audit) {

    public Draft {
        audit = audit == null ? Audit.NONE : audit;
    }

    /** A draft made without a model (no input hash, no tokens, no attempts). */
    public Draft(String text, String provider, String model, String promptVersion, boolean fallback) {
        this(text, provider, model, promptVersion, fallback, Audit.NONE);
    }

    /** The same draft, marked as produced by the fallback path. */
    public Draft asFallback() {
        return new Draft(text, provider, model, promptVersion, true, audit);
    }

    /**
     * @param inputSha256  SHA-256 (hex) of the de-identified input sent to the model; null without a model
     * @param tokensIn     prompt tokens as reported by the provider, summed over attempts; null when unknown
     * @param tokensOut    answer tokens, summed over attempts; null when unknown
     * @param latencyMs    wall time of all attempts including backoff; null without a model
     * @param attempts     model calls made (0 for the template drafter)
     * @param evidenceJson the explanations of abnormal findings with the observation ids they cite (JSON array);
     *                     null without a model
     * @param reasks       targeted re-asks after a structurally bad answer (0 or 1; included in attempts)
     * @param answerJson   the model's structured answer (JSON of {@link DraftAnswer}); null without a model
     */
    public record Audit(String inputSha256, Integer tokensIn, Integer tokensOut, Long latencyMs, int attempts,
                        String evidenceJson, int reasks, String answerJson) {
        public static final Audit NONE = new Audit(null, null, null, null, 0, null, 0, null);
    }
}
