package com.checkupflow.drafting;

/**
 * A drafted report summary.
 *
 * @param provider      {@code "template"} for {@link TemplateReportDrafter}, the model provider otherwise
 * @param model         the model name; null for the template drafter
 * @param promptVersion version of the template or prompt that produced the text, e.g. {@code "template-v1"}
 * @param fallback      true when this draft came from the template because the configured model was unavailable
 */
public record Draft(String text, String provider, String model, String promptVersion, boolean fallback) {

    /** The same draft, marked as produced by the fallback path. */
    public Draft asFallback() {
        return new Draft(text, provider, model, promptVersion, true);
    }
}
