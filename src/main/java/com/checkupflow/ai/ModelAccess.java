package com.checkupflow.ai;

/**
 * The configured model, shared by every model-drafted text: one chat model and one {@link ModelCaller} (retries,
 * backoff, concurrency, metrics). {@link #OFF} with {@code checkupflow.ai.provider=template}: texts then come from
 * their offline templates only.
 *
 * @param caller null when off
 */
public record ModelAccess(String provider, String model, StructuredOutput output, ModelCaller caller) {

    public static final ModelAccess OFF = new ModelAccess(AiProperties.TEMPLATE, null, StructuredOutput.NONE, null);

    public boolean enabled() {
        return caller != null;
    }
}
