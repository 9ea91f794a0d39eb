package com.checkupflow.drafting;

import com.checkupflow.ai.ModelUnavailableException;
import com.checkupflow.ai.AiProperties;
import com.checkupflow.ai.ModelCaller;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.TemplateTexts;
import com.checkupflow.ai.AiConfiguration;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The model-backed drafter against a stand-in OpenAI-compatible / Ollama server: nothing reaches a real model. */
class ModelReportDrafterTest {

    private static final StandInModel model = new StandInModel();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateTexts texts = new TemplateTexts();
    private final Deidentifier deidentifier = new Deidentifier(texts);
    private final DraftChecker checker = new DraftChecker(texts);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterAll
    static void stop() {
        model.close();
    }

    @BeforeEach
    void reset() {
        model.reset();
    }

    /** @param responseFormat the provider's {@code response-format} property; null: its default */
    private ModelReportDrafter drafter(String provider, Duration timeout, String responseFormat) {
        String baseUrl = switch (provider) {
            case AiProperties.OLLAMA -> model.ollamaBaseUrl();
            case AiProperties.ANTHROPIC -> model.anthropicBaseUrl();
            default -> model.openAiBaseUrl();
        };
        AiProperties.Endpoint endpoint = new AiProperties.Endpoint(baseUrl, "sk-test-secret", "stand-in", responseFormat);
        AiProperties.Endpoint unused = new AiProperties.Endpoint(null, null, null, null);
        AiProperties properties = new AiProperties(provider, timeout, 3, Duration.ofMillis(20), 4, Duration.ofMillis(100),
                false, provider.equals(AiProperties.OPENAI) ? endpoint : unused,
                provider.equals(AiProperties.OLLAMA) ? endpoint : unused,
                provider.equals(AiProperties.ANTHROPIC) ? endpoint : unused);
        return new ModelReportDrafter(provider, "stand-in", properties.structuredOutput(),
                new ModelCaller(AiConfiguration.chatModel(properties), provider, properties, meters),
                deidentifier, new PromptTemplates(), new DraftRenderer(texts));
    }

    private ModelReportDrafter drafter(String provider, Duration timeout) {
        return drafter(provider, timeout, null);
    }

    private ModelReportDrafter openAi() {
        return drafter(AiProperties.OPENAI, Duration.ofSeconds(5));
    }

    private ModelReportDrafter openAi(String responseFormat) {
        return drafter(AiProperties.OPENAI, Duration.ofSeconds(5), responseFormat);
    }

    private static DraftRequest mixedKo() {
        return DraftRequest.firstRound(DraftExamples.mixed(), DraftExamples.MALE_52, "ko");
    }

    /**
     * The body an OpenAI-compatible endpoint must receive, without a response format: the model, the rendered prompt
     * and {@code stream: false}, nothing else.
     */
    private ObjectNode openAiBody(DraftRequest request, boolean schemaInPrompt) {
        PromptTemplates.Prompt prompt = new PromptTemplates().render(deidentifier.input(request), schemaInPrompt);
        ObjectNode body = JSON.createObjectNode().put("model", "stand-in");
        body.putArray("messages")
                .add(JSON.createObjectNode().put("role", "system").put("content", prompt.system()))
                .add(JSON.createObjectNode().put("role", "user").put("content", prompt.user()));
        return body.put("stream", false);
    }

    /** The stand-in's faithful answer came back parsed into a draft that passes the check, at the first attempt. */
    private void assertFaithful(Draft draft) {
        Assertions.assertThat(checker.check(draft.text(), DraftExamples.mixed(), "ko").findings()).isEmpty();
        Assertions.assertThat(draft.text()).contains("공복혈당 131 mg/dL");
        Assertions.assertThat(draft.audit().attempts()).isEqualTo(1);
        Assertions.assertThat(draft.audit().evidenceJson()).contains("\"observationIds\":[\"obs-fasting_glucose\"]");
    }

    @Test
    void shouldPassTheCheckAndRecordTheAuditWhenTheModelIsFaithful() {
        Draft draft = openAi().draft(mixedKo());

        Assertions.assertThat(checker.check(draft.text(), DraftExamples.mixed(), "ko").findings()).isEmpty();
        Assertions.assertThat(draft.text()).startsWith("[일반건강검진 결과 요약]").contains("■ 주의가 필요한 검사 결과", "공복혈당 131 mg/dL");
        Assertions.assertThat(draft.provider()).isEqualTo("openai");
        Assertions.assertThat(draft.model()).isEqualTo("stand-in");
        Assertions.assertThat(draft.promptVersion()).isEqualTo("draft-summary-v2");
        Assertions.assertThat(draft.fallback()).isFalse();
        Assertions.assertThat(draft.audit().attempts()).isEqualTo(1);
        Assertions.assertThat(draft.audit().tokensIn()).isEqualTo(1200);
        Assertions.assertThat(draft.audit().tokensOut()).isEqualTo(300);
        Assertions.assertThat(draft.audit().inputSha256()).isEqualTo(deidentifier.input(mixedKo()).sha256());
        Assertions.assertThat(draft.audit().evidenceJson()).contains("\"observationIds\":[\"obs-fasting_glucose\"]");
        Assertions.assertThat(meters.get("checkupflow.ai.calls").tag("provider", "openai").tag("outcome", "success")
                .counter().count()).isEqualTo(1.0);
        Assertions.assertThat(meters.get("checkupflow.ai.tokens").tag("direction", "in").counter().count()).isEqualTo(1200.0);
    }

    @Test
    void shouldDraftWithThePinnedPromptVersionWhenTheElementAsksForAnOlderOne() {
        DraftRequest pinned = new DraftRequest(DraftExamples.mixed(), DraftExamples.MALE_52, "ko", 1, null, List.of(), "v1");

        Draft draft = openAi().draft(pinned);

        Assertions.assertThat(draft.promptVersion()).isEqualTo("draft-summary-v1");
        Assertions.assertThatThrownBy(() -> openAi().draft(new DraftRequest(DraftExamples.mixed(), DraftExamples.MALE_52,
                        "ko", 1, null, List.of(), "v9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document kind report-summary has no prompt version v9 (has [v2, v1] in documents/report-summary/)");
    }

    @Test
    void shouldSendTheJsonSchemaWhenCallingAnOpenAiCompatibleEndpoint() throws Exception {
        Draft draft = openAi().draft(mixedKo());

        Assertions.assertThat(model.requestPaths()).containsExactly("/v1/chat/completions");
        Assertions.assertThat(model.requestBodies().get(0)).contains("\"response_format\"", "\"json_schema\"",
                "\"draft_summary\"", "\"observationIds\"", "\"strict\" : true");
        ObjectNode body = (ObjectNode) JSON.readTree(model.requestBodies().get(0));
        JsonNode format = body.remove("response_format");
        Assertions.assertThat(body).isEqualTo(openAiBody(mixedKo(), false));
        Assertions.assertThat(format.get("type").asText()).isEqualTo("json_schema");
        Assertions.assertThat(format.at("/json_schema/name").asText()).isEqualTo("draft_summary");
        Assertions.assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        Assertions.assertThat(format.at("/json_schema/schema/required")).extracting(JsonNode::asText)
                .containsExactly("summary", "findings", "lifestyle", "followUp");
        Assertions.assertThat(format.at("/json_schema/schema/properties/findings/items/properties").has("observationIds"))
                .isTrue();
        assertFaithful(draft);
    }

    @Test
    void shouldSendJsonObjectAndTheSchemaInThePromptWhenTheResponseFormatIsJsonObject() throws Exception {
        Draft draft = openAi("json-object").draft(mixedKo());

        Assertions.assertThat(model.requestPaths()).containsExactly("/v1/chat/completions");
        Assertions.assertThat(JSON.readTree(model.requestBodies().get(0)))
                .isEqualTo(openAiBody(mixedKo(), true).set("response_format", JSON.readTree("{\"type\":\"json_object\"}")));
        Assertions.assertThat(model.requestBodies().get(0)).doesNotContain("json_schema", "\"strict\"");
        assertFaithful(draft);
    }

    @Test
    void shouldSendNoResponseFormatAndTheSchemaInThePromptWhenTheResponseFormatIsNone() throws Exception {
        Draft draft = openAi("none").draft(mixedKo());

        Assertions.assertThat(model.requestPaths()).containsExactly("/v1/chat/completions");
        Assertions.assertThat(JSON.readTree(model.requestBodies().get(0))).isEqualTo(openAiBody(mixedKo(), true));
        Assertions.assertThat(model.requestBodies().get(0)).doesNotContain("response_format");
        assertFaithful(draft);
    }

    @Test
    void shouldCountAnUnparseableAnswerAsAFailedAttemptWhenTheResponseFormatIsJsonObject() {
        model.answerNext(StandInModel.Behaviour.NOT_JSON);

        Draft draft = openAi("json-object").draft(mixedKo());

        Assertions.assertThat(draft.audit().attempts()).isEqualTo(2);
        Assertions.assertThat(draft.audit().reasks()).isEqualTo(1);
        Assertions.assertThat(meters.get("checkupflow.ai.errors").tag("kind", "invalid_answer").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldPutTheSchemaInTheOllamaPromptWhenTheResponseFormatIsJsonObjectOrNone() throws Exception {
        Draft draft = drafter(AiProperties.OLLAMA, Duration.ofSeconds(5), "json-object").draft(mixedKo());
        drafter(AiProperties.OLLAMA, Duration.ofSeconds(5), "none").draft(mixedKo());

        Assertions.assertThat(model.requestPaths()).containsExactly("/api/chat", "/api/chat");
        JsonNode jsonObject = JSON.readTree(model.requestBodies().get(0));
        JsonNode none = JSON.readTree(model.requestBodies().get(1));
        Assertions.assertThat(jsonObject.get("format").asText()).isEqualTo("json");
        Assertions.assertThat(none.has("format")).isFalse();
        for (JsonNode body : List.of(jsonObject, none)) {
            Assertions.assertThat(body.at("/messages/1/content").asText())
                    .isEqualTo(new PromptTemplates().render(deidentifier.input(mixedKo()), true).user());
        }
        assertFaithful(draft);
    }

    @Test
    void shouldAskOllamaWithTheSchemaAsFormatWhenTheProviderIsOllama() {
        Draft draft = drafter(AiProperties.OLLAMA, Duration.ofSeconds(5)).draft(
                DraftRequest.firstRound(DraftExamples.mixed(), DraftExamples.MALE_52, "en"));

        Assertions.assertThat(model.requestPaths()).containsExactly("/api/chat");
        Assertions.assertThat(model.requestBodies().get(0)).contains("\"format\"", "\"observationIds\"");
        Assertions.assertThat(checker.check(draft.text(), DraftExamples.mixed(), "en").findings()).isEmpty();
        Assertions.assertThat(draft.audit().tokensIn()).isEqualTo(1100);
    }

    @Test
    void shouldPutTheSchemaInThePromptAndParseTheAnswerWhenTheProviderIsAnthropic() {
        Draft draft = drafter(AiProperties.ANTHROPIC, Duration.ofSeconds(5)).draft(mixedKo());

        Assertions.assertThat(model.requestPaths()).containsExactly("/v1/messages");
        Assertions.assertThat(model.requestBodies().get(0)).contains("additionalProperties").doesNotContain("response_format");
        Assertions.assertThat(checker.check(draft.text(), DraftExamples.mixed(), "ko").findings()).isEmpty();
        Assertions.assertThat(draft.provider()).isEqualTo("anthropic");
        Assertions.assertThat(draft.audit().tokensIn()).isEqualTo(1300);
    }

    @Test
    void shouldSendNoPersonalDataWhenTheFeedbackHoldsIdentifiers() {
        DraftRequest request = new DraftRequest(DraftExamples.mixed(), DraftExamples.MALE_52, "ko", 2,
                "연락처 010-9876-5432, 주민번호 8001011234567 / 800101-1234567, kim@example.com, 차트번호 C-99812: 설명을 쉽게");

        openAi().draft(request);
        drafter(AiProperties.OLLAMA, Duration.ofSeconds(5)).draft(request);

        Assertions.assertThat(model.requestPaths()).containsExactly("/v1/chat/completions", "/api/chat");
        for (String body : model.requestBodies()) {
            Assertions.assertThat(body).doesNotContain("010-9876-5432", "8001011234567", "800101-1234567", "kim@example.com",
                    "C-99812", "한빛건강검진센터", "2026-11-03", "sk-test-secret");
            Assertions.assertThat(body).contains("설명을 쉽게", "[PHONE]", "[RRN]", "50-54");
        }
    }

    @Test
    void shouldRetryWithBackoffWhenTheModelAnswers429And503() {
        model.failNext(429, 503);

        Draft draft = openAi().draft(mixedKo());

        Assertions.assertThat(model.calls()).isEqualTo(3);
        Assertions.assertThat(draft.audit().attempts()).isEqualTo(3);
        Assertions.assertThat(draft.audit().latencyMs()).isGreaterThanOrEqualTo(60); // 20 ms + 40 ms of backoff
        Assertions.assertThat(meters.get("checkupflow.ai.errors").tag("kind", "rate_limit").counter().count()).isEqualTo(1.0);
        Assertions.assertThat(meters.get("checkupflow.ai.errors").tag("kind", "server").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldNotRetryWhenTheKeyIsRejected() {
        model.failNext(401);

        Assertions.assertThatThrownBy(() -> openAi().draft(mixedKo()))
                .isInstanceOfSatisfying(ModelUnavailableException.class, e -> {
                    Assertions.assertThat(e.kind()).isEqualTo("auth");
                    Assertions.assertThat(e.attempts()).isEqualTo(1);
                });
        Assertions.assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void shouldNotRetryWhenAccessIsForbidden() {
        model.failNext(403);

        Assertions.assertThatThrownBy(() -> openAi().draft(mixedKo())).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("auth");
        Assertions.assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAfterEveryAttemptWhenTheModelTimesOut() {
        model.delayNext(1500).delayNext(1500).delayNext(1500);

        Assertions.assertThatThrownBy(() -> drafter(AiProperties.OPENAI, Duration.ofMillis(300)).draft(mixedKo()))
                .isInstanceOfSatisfying(ModelUnavailableException.class, e -> {
                    Assertions.assertThat(e.kind()).isEqualTo("timeout");
                    Assertions.assertThat(e.attempts()).isEqualTo(3);
                });
    }

    @Test
    void shouldReaskOnceQuotingTheErrorWhenTheModelAnswersProse() throws Exception {
        model.answerNext(StandInModel.Behaviour.NOT_JSON);

        Draft draft = openAi().draft(mixedKo());

        Assertions.assertThat(draft.audit().attempts()).isEqualTo(2);
        Assertions.assertThat(draft.audit().reasks()).isEqualTo(1);
        Assertions.assertThat(meters.get("checkupflow.ai.errors").tag("kind", "invalid_answer").counter().count()).isEqualTo(1.0);
        Assertions.assertThat(meters.get("checkupflow.ai.reasks").counter().count()).isEqualTo(1.0);
        JsonNode reask = JSON.readTree(model.requestBodies().get(1)).get("messages");
        Assertions.assertThat(reask).hasSize(4);
        Assertions.assertThat(reask.get(2).get("role").asText()).isEqualTo("assistant");
        Assertions.assertThat(reask.get(2).get("content").asText()).isEqualTo("Here is your summary: all good!");
        Assertions.assertThat(reask.get(3).get("content").asText()).startsWith("방금 답을 사용할 수 없었습니다: ")
                .contains("not JSON of the draft_summary schema");
        Assertions.assertThat(JSON.readTree(model.requestBodies().get(1)).get("response_format"))
                .isEqualTo(JSON.readTree(model.requestBodies().get(0)).get("response_format"));
    }

    @Test
    void shouldRetryWithBackoffAfterTheReaskWhenTheAnswersStayUnusable() {
        model.answerNext(StandInModel.Behaviour.NOT_JSON).answerNext(StandInModel.Behaviour.NOT_JSON);

        Draft draft = openAi().draft(mixedKo());

        Assertions.assertThat(draft.audit().attempts()).isEqualTo(3);
        Assertions.assertThat(draft.audit().reasks()).isEqualTo(1);
        Assertions.assertThat(model.requestBodies().get(2)).isEqualTo(model.requestBodies().get(0));
    }

    @Test
    void shouldReaskAboutMadeUpIdsAndLeaveThemToTheCheckWhenTheyStay() {
        model.answerNext(StandInModel.Behaviour.UNKNOWN_ID).answerNext(StandInModel.Behaviour.UNKNOWN_ID);

        Draft draft = openAi().draft(mixedKo());

        Assertions.assertThat(draft.audit().attempts()).isEqualTo(2);
        Assertions.assertThat(draft.audit().reasks()).isEqualTo(1);
        Assertions.assertThat(model.requestBodies().get(1)).contains("obs-made-up", "are not in the input");
        Assertions.assertThat(checker.checkAnswer(DraftAnswer.read(draft.audit().answerJson()), draft.text(), DraftExamples.mixed(), "ko")
                .findings()).extracting(DraftCheck.Finding::type).contains("BAD_CITATION");
    }

    @Test
    void shouldLetTheCheckerFlagTheValueWhenTheModelInventsOne() {
        model.answerNext(StandInModel.Behaviour.INVENT_VALUE);

        Draft draft = openAi().draft(mixedKo());

        Assertions.assertThat(checker.check(draft.text(), DraftExamples.mixed(), "ko").findings())
                .extracting(DraftCheck.Finding::type).contains("NUMBER_MISMATCH");
    }

    @Test
    void shouldPutTheSchemaIntoThePromptWhenTheProviderTakesNoSchema() {
        Deidentifier.Input input = deidentifier.input(mixedKo());

        PromptTemplates.Prompt prompt = new PromptTemplates().render(input, true);

        Assertions.assertThat(prompt.user()).contains("\"additionalProperties\": false", "\"observationIds\"");
        Assertions.assertThat(new PromptTemplates().render(input, false).user()).doesNotContain("additionalProperties");
    }

    @Test
    void shouldRejectTheAnswerWhenItCitesAnObservationThatIsNotInTheInput() {
        String answer = """
                {"summary":["요약"],"findings":[{"item":"ldl","observationIds":["obs-made-up"],"explanation":"LDL 콜레스테롤 190 mg/dL"}],
                 "lifestyle":[],"followUp":[]}""";

        Assertions.assertThat(DraftAnswer.read(answer).unknownObservationIds(Set.of("obs-ldl"))).containsExactly("obs-made-up");
        Assertions.assertThat(DraftAnswer.read("```json\n" + answer.replace("obs-made-up", "obs-ldl") + "\n```")
                .unknownObservationIds(Set.of("obs-ldl"))).isEmpty();
    }

    @Test
    void shouldRenderTheSameTextWhenTheAnswerIsTheSame() {
        DraftAnswer answer = new DraftAnswer(List.of("Some results need attention."),
                List.of(new DraftAnswer.Finding("hdl", List.of("obs-hdl"), "HDL cholesterol was 38 mg/dL.")),
                List.of(new DraftAnswer.Lifestyle("dyslipidemia", "more exercise.")), List.of("See your physician."));
        DraftRenderer renderer = new DraftRenderer(texts);

        String text = renderer.render(answer, DraftExamples.mixed(), "en");

        Assertions.assertThat(text).isEqualTo(renderer.render(answer, DraftExamples.mixed(), "en")).isEqualTo("""
                [Summary of your general health screening]

                Some results need attention.

                %s
                - HDL cholesterol 38 mg/dL: Disease suspected. HDL cholesterol was 38 mg/dL.

                %s
                - dyslipidemia: more exercise.

                %s
                - See your physician.
                """.formatted(texts.bundle("en").text("section.findings"), texts.bundle("en").text("section.advice"),
                texts.bundle("en").text("section.followup")));
    }
}
