package com.checkupflow.drafting;

import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.TemplateTexts;

import java.util.List;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.checkupflow.judgement.JudgementUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The referral letter's model input, prompts and response format (the calls in the service: ReferralServiceTest
 * against the stand-in).
 */
class ReferralLetterModelTest {

    private final TemplateTexts texts = new TemplateTexts();
    private final Deidentifier deidentifier = new Deidentifier(texts);

    private static DraftRequest mixed(String language) {
        return DraftRequest.firstRound(DraftExamples.mixed(), DraftExamples.MALE_52, language);
    }

    @Test
    void shouldSendOnlyTheReferredFindingsWhenBuildingTheReferralInput() {
        Deidentifier.Input input = deidentifier.referralInput(mixed("ko"), List.of(JudgementUnit.CREATININE));

        Assertions.assertThat(input.json()).contains("\"referredUnits\":[\"creatinine\"]", "\"item\":\"creatinine\"",
                "\"ageBand\":\"50-54\"").doesNotContain("fasting_glucose", "\"hdl\"", "한빛건강검진센터", "2026-11-03", "\"age\"");
        Assertions.assertThat(input.observationIds()).containsExactly("obs-creatinine");
        Assertions.assertThat(input.sha256()).isNotEqualTo(deidentifier.input(mixed("ko")).sha256());
    }

    @Test
    void shouldPutTheReferralSchemaIntoThePromptWhenTheProviderTakesNoSchema() {
        Deidentifier.Input input = deidentifier.referralInput(mixed("en"), List.of(JudgementUnit.CREATININE));

        PromptTemplates.Prompt prompt = PromptTemplates.referralLetter().render(input, true);

        Assertions.assertThat(prompt.version()).isEqualTo("referral-letter-v1");
        Assertions.assertThat(prompt.system()).startsWith("You write the body of a referral letter");
        Assertions.assertThat(prompt.user()).contains(input.json(), "\"statement\"", "\"question\"");
        Assertions.assertThat(PromptTemplates.referralLetter().render(input, false).user()).doesNotContain("additionalProperties");
    }

    @Test
    void shouldCheckOnlyTheReferredUnitsWhenNarrowingTheJudgement() {
        var narrowed = ReferralLetterModel.referredOnly(DraftExamples.mixed(), List.of(JudgementUnit.CREATININE));

        Assertions.assertThat(narrowed.items()).containsOnlyKeys("creatinine");
        Assertions.assertThat(narrowed.judgements()).containsOnlyKeys("creatinine");
        Assertions.assertThat(new DraftChecker(texts).check("- 혈청 크레아티닌 1.52 mg/dL", narrowed, "ko").passed()).isTrue();
    }

    @Test
    void shouldSendJsonObjectAndTheReferralSchemaInThePromptWhenTheResponseFormatIsJsonObject() throws Exception {
        try (ReferralModelFixture fixture = ReferralModelFixture.openAi("json-object")) {
            Optional<ReferralLetterModel.Letter> letter = fixture.letters()
                    .draft(mixed("ko"), List.of(JudgementUnit.CREATININE));

            ObjectMapper json = new ObjectMapper();
            JsonNode body = json.readTree(fixture.requestBodies().get(0));
            Assertions.assertThat(body.get("response_format")).isEqualTo(json.readTree("{\"type\":\"json_object\"}"));
            Assertions.assertThat(body.at("/messages/1/content").asText()).isEqualTo(PromptTemplates.referralLetter()
                    .render(deidentifier.referralInput(mixed("ko"), List.of(JudgementUnit.CREATININE)), true).user());
            Assertions.assertThat(letter).hasValueSatisfying(l -> {
                Assertions.assertThat(l.check().passed()).isTrue();
                Assertions.assertThat(l.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void shouldRefuseHarmfulAdviceWhenCheckingASignedLetter() {
        DraftCheck check = new DraftChecker(texts).check("- 혈청 크레아티닌 1.52 mg/dL\n약을 끊으셔도 됩니다.",
                DraftExamples.mixed(), "ko", List.of(), ReferralLetterModel.SIGNED_LETTER_RULES);

        Assertions.assertThat(check.findings()).extracting(DraftCheck.Finding::type).contains(DraftChecker.HARMFUL_ADVICE);
    }
}
