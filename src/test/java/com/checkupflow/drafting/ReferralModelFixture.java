package com.checkupflow.drafting;

import com.checkupflow.ai.AiProperties;
import com.checkupflow.ai.ModelCaller;
import com.checkupflow.ai.StructuredOutput;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.TemplateTexts;
import com.checkupflow.ai.AiConfiguration;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Public test fixture of the drafting feature for the referral letter: the real {@link ReferralLetterModel}, either
 * off (provider {@code template}) or against the WireMock {@link StandInModel} as an OpenAI-compatible endpoint
 * (3 attempts, 20 ms backoff). Nothing reaches a real model.
 */
public final class ReferralModelFixture implements AutoCloseable {

    private static final TemplateTexts TEXTS = new TemplateTexts();

    private final StandInModel model;
    private final SimpleMeterRegistry meters;
    private final ReferralLetterModel letters;

    private ReferralModelFixture(StandInModel model, SimpleMeterRegistry meters, ReferralLetterModel letters) {
        this.model = model;
        this.meters = meters;
        this.letters = letters;
    }

    /** The model path as with {@code checkupflow.ai.provider=template}: off. */
    public static ReferralLetterModel template() {
        return new ReferralLetterModel(AiProperties.TEMPLATE, null, StructuredOutput.JSON_SCHEMA, null,
                new Deidentifier(TEXTS), PromptTemplates.referralLetter(), new DraftChecker(TEXTS), TEXTS);
    }

    /** A stand-in model server and the model path against it (provider openai). Close it after the tests. */
    public static ReferralModelFixture openAi() {
        return openAi(null);
    }

    /** The same with {@code checkupflow.ai.openai.response-format} set (null: the default, json-schema). */
    static ReferralModelFixture openAi(String responseFormat) {
        StandInModel model = new StandInModel();
        AiProperties.Endpoint endpoint = new AiProperties.Endpoint(model.openAiBaseUrl(), "sk-test-secret", "stand-in",
                responseFormat);
        AiProperties.Endpoint unused = new AiProperties.Endpoint(null, null, null, null);
        AiProperties properties = new AiProperties(AiProperties.OPENAI, Duration.ofSeconds(5), 3, Duration.ofMillis(20), 4,
                Duration.ofMillis(100), false, endpoint, unused, unused);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReferralLetterModel letters = new ReferralLetterModel(AiProperties.OPENAI, "stand-in", properties.structuredOutput(),
                new ModelCaller(AiConfiguration.chatModel(properties), AiProperties.OPENAI, properties, meters),
                new Deidentifier(TEXTS), PromptTemplates.referralLetter(), new DraftChecker(TEXTS), TEXTS);
        return new ReferralModelFixture(model, meters, letters);
    }

    public ReferralLetterModel letters() {
        return letters;
    }

    public MeterRegistry meters() {
        return meters;
    }

    /** The exact request bodies the stand-in received, oldest first. */
    public List<String> requestBodies() {
        return model.requestBodies();
    }

    public int calls() {
        return model.calls();
    }

    /** The next calls answer with these HTTP statuses, one each. */
    public void failNext(int... statuses) {
        model.failNext(statuses);
    }

    /** The next answer changes one value by +17. */
    public void inventValueNext() {
        model.answerNext(StandInModel.Behaviour.INVENT_VALUE);
    }

    public void reset() {
        model.reset();
    }

    @Override
    public void close() {
        model.close();
    }
}
