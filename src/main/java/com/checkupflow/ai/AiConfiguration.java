package com.checkupflow.ai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micrometer.core.instrument.MeterRegistry;

import com.checkupflow.engine.ExternalTaskWorker;

/**
 * Builds the model by {@code checkupflow.ai.provider}: none for the offline template, or a LangChain4j chat model
 * (OpenAI-compatible, Ollama, Anthropic) behind the one {@link ModelCaller} ({@link ModelAccess}). Every model is built with
 * {@code maxRetries(0)}: {@link ModelCaller} is the only retry layer. Request logging stays off (prompts are
 * de-identified, but they are still health data); the API key is never logged.
 */
@Configuration(proxyBeanMethods = false)
public class AiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

    /** The one model call layer of every model-drafted text; empty with the offline template. */
    @Bean
    public ModelAccess modelAccess(AiProperties properties, MeterRegistry meters) {
        if (properties.template()) {
            log.info("Drafting with the offline template (checkupflow.ai.provider=template)");
            return ModelAccess.OFF;
        }
        AiProperties.Endpoint endpoint = properties.endpoint();
        log.info("Drafting with provider {} model {} at {} (response format {})", properties.provider(), endpoint.model(),
                endpoint.baseUrl(), properties.structuredOutput());
        return new ModelAccess(properties.provider(), endpoint.model(), properties.structuredOutput(),
                new ModelCaller(chatModel(properties), properties.provider(), properties, meters));
    }

    /** The model workers' threads, lock and polling (report drafts and referral letters share the model calls). */
    @Bean
    public ExternalTaskWorker.Settings modelWorkerSettings(AiProperties properties) {
        return properties.workerSettings();
    }

    public static ChatModel chatModel(AiProperties properties) {
        AiProperties.Endpoint e = properties.endpoint();
        if (e.model() == null || e.model().isBlank()) {
            throw new IllegalStateException("checkupflow.ai." + properties.provider() + ".model is not set");
        }
        return switch (properties.provider()) {
            case AiProperties.OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(e.baseUrl()).apiKey(e.apiKey() == null || e.apiKey().isBlank() ? "none" : e.apiKey())
                    .modelName(e.model()).timeout(properties.timeout()).maxRetries(0)
                    .strictJsonSchema(true).logRequests(false).logResponses(false).build();
            case AiProperties.OLLAMA -> OllamaChatModel.builder().maxRetries(0)
                    .baseUrl(e.baseUrl()).modelName(e.model()).timeout(properties.timeout())
                    .logRequests(false).logResponses(false).build();
            case AiProperties.ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(e.baseUrl()).apiKey(e.apiKey()).modelName(e.model()).timeout(properties.timeout())
                    .maxRetries(0).logRequests(false).logResponses(false).build();
            default -> throw new IllegalStateException("no chat model for provider " + properties.provider());
        };
    }
}
