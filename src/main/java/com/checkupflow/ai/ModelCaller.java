package com.checkupflow.ai;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
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
 * An unusable answer first gets one targeted re-ask quoting the error when the {@link AnswerReader} has one.
 * Retries 429, 5xx, timeouts, network errors and unusable answers with exponential backoff, up to
 * {@code checkupflow.ai.max-attempts}; never retries 401/403 or another rejected request. Records metrics
 * tagged by provider, outcome, error kind and token direction only: never personal data, never the prompt.
 * At most {@code checkupflow.ai.max-concurrency} calls are in flight, whoever makes them (fair: first come, first
 * served); a call waiting for its turn, or backing off, holds none.
 */
public class ModelCaller {

    public static final String AUTH = "auth";
    public static final String RATE_LIMIT = "rate_limit";
    public static final String SERVER = "server";
    public static final String TIMEOUT = "timeout";
    public static final String NETWORK = "network";
    public static final String CLIENT = "client";
    public static final String INVALID_ANSWER = "invalid_answer";
    public static final String OTHER = "other";

    private static final Logger log = LoggerFactory.getLogger(ModelCaller.class);

    /**
     * A usable answer and what it cost.
     *
     * @param attempts every model call made, the targeted re-ask included
     * @param reasks   targeted re-asks made (0 or 1)
     */
    public record Result<T>(T value, int attempts, int reasks, Integer tokensIn, Integer tokensOut, long latencyMs) {
    }

    /** How an answer is read, and how to ask once more, quoting the error, when it could not be used. */
    public interface AnswerReader<T> {

        /**
         * @param reasked true once the targeted re-ask has been spent: a reader may then accept what it asked to be
         *                fixed and leave it to the check
         * @throws InvalidAnswerException when the answer cannot be used
         */
        T read(String text, boolean reasked);

        /** The user message of the targeted re-ask after {@code error}; null asks nothing but the plain retries. */
        String reask(String error);
    }

    private final ChatModel model;
    private final String provider;
    private final AiProperties properties;
    private final MeterRegistry meters;
    private final Semaphore inFlight;

    public ModelCaller(ChatModel model, String provider, AiProperties properties, MeterRegistry meters) {
        this.model = model;
        this.provider = provider;
        this.properties = properties;
        this.meters = meters;
        this.inFlight = new Semaphore(properties.maxConcurrency(), true);
    }

    /** A call whose answer is parsed as it is: an unusable answer is retried with backoff like an outage. */
    public <T> Result<T> call(ChatRequest request, Function<String, T> parse) {
        return call(request, new AnswerReader<T>() {
            @Override
            public T read(String text, boolean reasked) {
                return parse.apply(text);
            }

            @Override
            public String reask(String error) {
                return null;
            }
        });
    }

    /**
     * A call with one targeted re-ask: the first unusable answer is answered at once (no backoff, no attempt of
     * {@code max-attempts} spent) with the model's own answer and a message quoting what was wrong; after that,
     * unusable answers are retried with backoff on the original request.
     */
    public <T> Result<T> call(ChatRequest request, AnswerReader<T> reader) {
        long start = System.nanoTime();
        Integer tokensIn = null;
        Integer tokensOut = null;
        int calls = 0;
        int reasks = 0;
        ChatRequest next = request;
        for (int attempt = 1; ; attempt++) {
            long attemptStart = System.nanoTime();
            String kind;
            String text = null;
            try {
                calls++;
                ChatResponse response = chat(next);
                TokenUsage usage = response.tokenUsage();
                if (usage != null) {
                    tokensIn = add(tokensIn, usage.inputTokenCount(), "in");
                    tokensOut = add(tokensOut, usage.outputTokenCount(), "out");
                }
                text = response.aiMessage() == null ? null : response.aiMessage().text();
                T value = reader.read(text, reasks > 0);
                record(attemptStart, "success");
                return new Result<>(value, calls, reasks, tokensIn, tokensOut, Duration.ofNanos(System.nanoTime() - start).toMillis());
            } catch (InvalidAnswerException e) {
                kind = INVALID_ANSWER;
                String message = reasks == 0 ? reader.reask(e.getMessage()) : null;
                if (message != null) {
                    record(attemptStart, "error");
                    errors(kind);
                    reasks++;
                    attempt--;
                    next = reask(request, text, message);
                    Counter.builder("checkupflow.ai.reasks").description("targeted re-asks after an unusable answer")
                            .tag("provider", provider).register(meters).increment();
                    log.warn("Draft model answer unusable (provider {}); asking once more with the error", provider);
                    continue;
                }
                next = request;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // the application stops: not a model failure, nothing to retry or count
                }
                kind = classify(e);
            }
            record(attemptStart, "error");
            errors(kind);
            boolean retryable = retryable(kind);
            log.warn("Draft model call failed (provider {}, attempt {}/{}, kind {}){}", provider, attempt,
                    properties.maxAttempts(), kind, retryable && attempt < properties.maxAttempts() ? "; retrying" : "");
            if (!retryable || attempt >= properties.maxAttempts()) {
                throw new ModelUnavailableException(kind, attempt);
            }
            sleep(properties.backoffAfter(attempt));
        }
    }

    private void errors(String kind) {
        Counter.builder("checkupflow.ai.errors").description("failed model calls by kind")
                .tag("provider", provider).tag("kind", kind).register(meters).increment();
    }

    /** The conversation so far, the model's unusable answer and the targeted message, with the same response format. */
    private static ChatRequest reask(ChatRequest request, String answer, String message) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        messages.add(AiMessage.from(answer == null || answer.isBlank() ? "(empty answer)" : answer));
        messages.add(UserMessage.from(message));
        return ChatRequest.builder().messages(messages).responseFormat(request.responseFormat()).build();
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

    public static boolean retryable(String kind) {
        return !AUTH.equals(kind) && !CLIENT.equals(kind);
    }

    /** The kind of a failed call, from the LangChain4j exception (or its causes). */
    public static String classify(Throwable error) {
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
