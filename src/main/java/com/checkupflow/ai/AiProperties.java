package com.checkupflow.ai;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.checkupflow.engine.ExternalTaskWorker;

/**
 * Model-backed drafting ({@code checkupflow.ai.*}). {@code provider=template} (the default) never calls a model.
 *
 * @param provider       template, openai (any OpenAI-compatible endpoint), ollama or anthropic
 * @param timeout        per model call
 * @param maxAttempts    model calls per draft before the offline template takes over (429, 5xx, timeouts and
 *                       unparseable answers are retried; 401/403 are not)
 * @param backoff        wait before the second attempt; doubled before every further one
 * @param maxConcurrency model calls in flight at once, report drafts and referral letters together; each worker
 *                       keeps twice as many tasks in hand so that reading inputs and storing answers overlap
 *                       the calls instead of leaving the model idle
 * @param pollInterval   how long an idle worker waits before it asks the engine for tasks anyway (a created task wakes
 *                       it at once: in-app by the engine's notice, a remote worker by long polling); idle, a worker
 *                       commits one empty fetch per interval instead of two per second
 * @param workerEnabled  false stops the in-application model workers (tests drive them themselves)
 */
@ConfigurationProperties(prefix = "checkupflow.ai")
public record AiProperties(
        @DefaultValue("template") String provider,
        @DefaultValue("PT30S") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("PT1S") Duration backoff,
        @DefaultValue("4") int maxConcurrency,
        @DefaultValue("PT10S") Duration pollInterval,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue Endpoint openai,
        @DefaultValue Endpoint ollama,
        @DefaultValue Endpoint anthropic) {

    public static final String TEMPLATE = "template";
    public static final String OPENAI = "openai";
    public static final String OLLAMA = "ollama";
    public static final String ANTHROPIC = "anthropic";

    public AiProperties {
        provider = provider == null ? TEMPLATE : provider.trim().toLowerCase();
        if (!java.util.List.of(TEMPLATE, OPENAI, OLLAMA, ANTHROPIC).contains(provider)) {
            throw new IllegalArgumentException("checkupflow.ai.provider must be template, openai, ollama or anthropic, was "
                    + provider);
        }
        if (maxAttempts < 1 || maxConcurrency < 1) {
            throw new IllegalArgumentException("checkupflow.ai.max-attempts and max-concurrency must be at least 1");
        }
        // every endpoint's, not only the active one's: a typo fails at startup, not when the provider is switched
        StructuredOutput.of(OPENAI, openai.responseFormat());
        StructuredOutput.of(OLLAMA, ollama.responseFormat());
        StructuredOutput.of(ANTHROPIC, anthropic.responseFormat());
    }

    /**
     * @param baseUrl        e.g. {@code https://api.openai.com/v1}, {@code http://localhost:11434}
     * @param apiKey         from the environment; never logged (see {@link #toString()})
     * @param model          the model name
     * @param responseFormat json-schema (default), json-object or none, see {@link StructuredOutput}; Anthropic
     *                       takes none only
     */
    public record Endpoint(String baseUrl, String apiKey, String model, String responseFormat) {
        @Override
        public String toString() {
            return "Endpoint[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "***")
                    + ", model=" + model + ", responseFormat=" + responseFormat + "]";
        }
    }

    public boolean template() {
        return TEMPLATE.equals(provider);
    }

    public Endpoint endpoint() {
        return switch (provider) {
            case OPENAI -> openai;
            case OLLAMA -> ollama;
            case ANTHROPIC -> anthropic;
            default -> new Endpoint(null, null, null, null);
        };
    }

    /** How the active provider is held to the answer's schema. */
    public StructuredOutput structuredOutput() {
        return StructuredOutput.of(provider, endpoint().responseFormat());
    }

    /** Backoff before attempt {@code attempt + 1}: backoff, 2×backoff, 4×backoff, ... */
    public Duration backoffAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    /**
     * A lock long enough for every attempt and every backoff, plus as long again for the waits for a free model
     * call (the model workers together hold twice as many tasks as there are calls), so that the engine never hands a task to a
     * second worker while the first one is still trying.
     */
    public Duration lockDuration() {
        Duration total = timeout.multipliedBy(maxAttempts);
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(backoffAfter(attempt));
        }
        return total.multipliedBy(2).plusSeconds(30);
    }

    /** The model workers' settings: one budget of tasks in hand for report drafts and referral letters together. */
    public ExternalTaskWorker.Settings workerSettings() {
        return ExternalTaskWorker.Settings.of(2 * maxConcurrency, lockDuration(), pollInterval, workerEnabled);
    }
}
