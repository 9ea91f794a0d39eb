package com.checkupflow.ai;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ModelCallerTest {

    /** A model that answers only when released, counting the calls in flight. */
    private static final class HeldModel implements ChatModel {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public ChatResponse doChat(ChatRequest request) {
            inFlight.incrementAndGet();
            started.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
        }
    }

    @Test
    void shouldKeepAtMostMaxConcurrencyCallsInFlightWhenMoreCallersWait() throws Exception {
        AiProperties.Endpoint none = new AiProperties.Endpoint(null, null, null, null);
        AiProperties properties = new AiProperties("openai", Duration.ofSeconds(30), 1, Duration.ofMillis(10), 3,
                Duration.ofMillis(100), false, none, none, none);
        HeldModel model = new HeldModel();
        ModelCaller caller = new ModelCaller(model, "openai", properties, new SimpleMeterRegistry());
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("x")).build();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            java.util.List<Future<ModelCaller.Result<String>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(callers.submit(() -> caller.call(request, text -> text)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> model.inFlight.get() == 3);
            // No fourth call gets through while three are held (checked throughout, not after a fixed sleep).
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> model.started.get() == 3);
            Assertions.assertThat(model.started).as("calls let through while three are in flight").hasValue(3);

            model.release.countDown();
            for (Future<ModelCaller.Result<String>> result : results) {
                Assertions.assertThat(result.get(10, TimeUnit.SECONDS).value()).isEqualTo("ok");
            }
            Assertions.assertThat(model.started).hasValue(6);
        } finally {
            callers.shutdownNow();
        }
    }
}
