package com.checkupflow.drafting;

/**
 * Where a stored draft came from: a model, the offline template, or the template standing in for a model that gave
 * no usable answer.
 *
 * @param provider      {@code template} or the model provider ({@code openai}, {@code ollama}, {@code anthropic})
 * @param model         the model name; null for the template
 * @param promptVersion the prompt or template version, e.g. {@code draft-summary-v1}
 */
public record DraftOrigin(Kind kind, String provider, String model, String promptVersion) {

    public enum Kind {
        /** Written by a generative model: issued text from it is labelled as AI-generated. */
        MODEL,
        /** Written by the offline template (fixed sentences, no AI). */
        TEMPLATE,
        /** The template, because the configured model was unavailable (no AI). */
        FALLBACK
    }

    static DraftOrigin of(String provider, String model, String promptVersion, boolean fallback) {
        Kind kind = fallback ? Kind.FALLBACK : TemplateReportDrafter.PROVIDER.equals(provider) ? Kind.TEMPLATE : Kind.MODEL;
        return new DraftOrigin(kind, provider, model, promptVersion);
    }

    public boolean byModel() {
        return kind == Kind.MODEL;
    }
}
