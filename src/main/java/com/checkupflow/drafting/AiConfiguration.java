package com.checkupflow.drafting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micrometer.core.instrument.MeterRegistry;

import com.checkupflow.engine.ExternalTaskWorker;

/**
 * Chooses the drafter by {@code checkupflow.ai.provider}: the offline template, or a LangChain4j chat model
 * (OpenAI-compatible, Ollama, Anthropic) behind {@link ModelReportDrafter}. Every model is built with
 * {@code maxRetries(0)}: {@link ModelCaller} is the only retry layer. Request logging stays off (prompts are
 * de-identified, but they are still health data); the API key is never logged.
 */
@Configuration
class AiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

    private ModelCaller caller;

    @Bean
    @Primary
    ReportDrafter reportDrafter(AiProperties properties, TemplateReportDrafter template, Deidentifier deidentifier,
                                PromptTemplates prompts, DraftRenderer renderer, MeterRegistry meters) {
        if (properties.template()) {
            log.info("Drafting with the offline template (checkupflow.ai.provider=template)");
            return template;
        }
        AiProperties.Endpoint endpoint = properties.endpoint();
        log.info("Drafting with provider {} model {} at {} (response format {})", properties.provider(), endpoint.model(),
                endpoint.baseUrl(), properties.structuredOutput());
        return new ModelReportDrafter(properties.provider(), endpoint.model(), properties.structuredOutput(),
                caller(properties, meters), deidentifier, prompts, renderer);
    }

    /** The referral letter's model path: the same chat model and {@link ModelCaller}; off with the template. */
    @Bean
    ReferralLetterModel referralLetterModel(AiProperties properties, Deidentifier deidentifier, DraftChecker checker,
                                            TemplateTexts texts, MeterRegistry meters) {
        return new ReferralLetterModel(properties.provider(), properties.endpoint().model(), properties.structuredOutput(),
                properties.template() ? null : caller(properties, meters), deidentifier, PromptTemplates.referralLetter(),
                checker, texts);
    }

    /** The model workers' threads, lock and polling (report drafts and referral letters share the model calls). */
    @Bean
    ExternalTaskWorker.Settings modelWorkerSettings(AiProperties properties) {
        return properties.workerSettings();
    }

    /** One chat model and one retry layer for every model-drafted text. */
    private synchronized ModelCaller caller(AiProperties properties, MeterRegistry meters) {
        if (caller == null) {
            caller = new ModelCaller(chatModel(properties), properties.provider(), properties, meters);
        }
        return caller;
    }

    static ChatModel chatModel(AiProperties properties) {
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
