package com.checkupflow.drafting;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The one retry layer of model calls (every {@link ChatModel} is built with {@code maxRetries(0)}).
 * Retries 429, 5xx, timeouts, network errors and unusable answers with exponential backoff, up to
 * {@code checkupflow.ai.max-attempts}; never retries 401/403 or another rejected request. Records metrics
 * tagged by provider, outcome, error kind and token direction only: never personal data, never the prompt.
 * At most {@code checkupflow.ai.max-concurrency} calls are in flight, whoever makes them (fair: first come, first
 * served); a call waiting for its turn, or backing off, holds none.
 */
class ModelCaller {

    static final String AUTH = "auth";
    static final String RATE_LIMIT = "rate_limit";
    static final String SERVER = "server";
    static final String TIMEOUT = "timeout";
    static final String NETWORK = "network";
    static final String CLIENT = "client";
    static final String INVALID_ANSWER = "invalid_answer";
    static final String OTHER = "other";

    private static final Logger log = LoggerFactory.getLogger(ModelCaller.class);

    /** A usable answer and what it cost. */
    record Result<T>(T value, int attempts, Integer tokensIn, Integer tokensOut, long latencyMs) {
    }

    private final ChatModel model;
    private final String provider;
    private final AiProperties properties;
    private final MeterRegistry meters;
    private final Semaphore inFlight;

    ModelCaller(ChatModel model, String provider, AiProperties properties, MeterRegistry meters) {
        this.model = model;
        this.provider = provider;
        this.properties = properties;
        this.meters = meters;
        this.inFlight = new Semaphore(properties.maxConcurrency(), true);
    }

    <T> Result<T> call(ChatRequest request, Function<String, T> parse) {
        long start = System.nanoTime();
        Integer tokensIn = null;
        Integer tokensOut = null;
        for (int attempt = 1; ; attempt++) {
            long attemptStart = System.nanoTime();
            String kind;
            try {
                ChatResponse response = chat(request);
                TokenUsage usage = response.tokenUsage();
                if (usage != null) {
                    tokensIn = add(tokensIn, usage.inputTokenCount(), "in");
                    tokensOut = add(tokensOut, usage.outputTokenCount(), "out");
                }
                T value = parse.apply(response.aiMessage() == null ? null : response.aiMessage().text());
                record(attemptStart, "success");
                return new Result<>(value, attempt, tokensIn, tokensOut, Duration.ofNanos(System.nanoTime() - start).toMillis());
            } catch (DraftAnswer.InvalidAnswerException e) {
                kind = INVALID_ANSWER;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // the application stops: not a model failure, nothing to retry or count
                }
                kind = classify(e);
            }
            record(attemptStart, "error");
            Counter.builder("checkupflow.ai.errors").description("failed model calls by kind")
                    .tag("provider", provider).tag("kind", kind).register(meters).increment();
            boolean retryable = retryable(kind);
            log.warn("Draft model call failed (provider {}, attempt {}/{}, kind {}){}", provider, attempt,
                    properties.maxAttempts(), kind, retryable && attempt < properties.maxAttempts() ? "; retrying" : "");
            if (!retryable || attempt >= properties.maxAttempts()) {
                throw new ModelUnavailableException(kind, attempt);
            }
            sleep(properties.backoffAfter(attempt));
        }
    }

    private ChatResponse chat(ChatRequest request) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a model call", e);
        }
        try {
            return model.chat(request);
        } finally {
            inFlight.release();
        }
    }

    static boolean retryable(String kind) {
        return !AUTH.equals(kind) && !CLIENT.equals(kind);
    }

    /** The kind of a failed call, from the LangChain4j exception (or its causes). */
    static String classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException) {
                return AUTH;
            }
            if (t instanceof RateLimitException) {
                return RATE_LIMIT;
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof InternalServerException) {
                return SERVER;
            }
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                if (status == 401 || status == 403) {
                    return AUTH;
                }
                if (status == 429) {
                    return RATE_LIMIT;
                }
                if (status == 408) {
                    return TIMEOUT;
                }
                return status >= 500 ? SERVER : CLIENT;
            }
            if (t instanceof InvalidRequestException || t instanceof ModelNotFoundException) {
                return CLIENT;
            }
            if (t instanceof IOException) {
                return NETWORK;
            }
        }
        return error instanceof RetriableException ? NETWORK : OTHER;
    }

    private Integer add(Integer total, Integer count, String direction) {
        if (count == null) {
            return total;
        }
        Counter.builder("checkupflow.ai.tokens").description("model tokens").tag("provider", provider)
                .tag("direction", direction).register(meters).increment(count);
        return total == null ? count : total + count;
    }

    private void record(long attemptStart, String outcome) {
        Counter.builder("checkupflow.ai.calls").description("model calls (attempts)").tag("provider", provider)
                .tag("outcome", outcome).register(meters).increment();
        Timer.builder("checkupflow.ai.latency").description("model call latency").tag("provider", provider)
                .tag("outcome", outcome).register(meters).record(Duration.ofNanos(System.nanoTime() - attemptStart));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // shutting down: not a model outage; the worker unlocks the task for another instance
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
