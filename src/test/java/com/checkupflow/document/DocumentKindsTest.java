package com.checkupflow.document;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.checkupflow.ai.InvalidAnswerException;
import com.checkupflow.ai.PromptTemplates;

class DocumentKindsTest {

    private final DocumentKinds kinds = new DocumentKinds();

    @Test
    void shouldLoadTheConsultationSummaryFromItsResourcesWhenTheApplicationStarts() {
        DocumentKind kind = kinds.get("consultation-summary");
        Assertions.assertThat(kind.name("ko")).isEqualTo("결과 상담 요약");
        Assertions.assertThat(kind.name("en")).isEqualTo("Consultation summary");
        Assertions.assertThat(kind.defaultPromptVersion()).isEqualTo("v1");
        Assertions.assertThat(kind.prompts("v1").version()).isEqualTo("consultation-summary-v1");
        Assertions.assertThat(kind.inputs()).containsExactly(DocumentInputs.JUDGEMENT, DocumentInputs.PREVIOUS);
        Assertions.assertThat(kinds.profile(kind.checkProfile())).contains("PII_LEAK").doesNotContain("MISSING_FINDING");
    }

    @Test
    void shouldAcceptAnAnswerOfTheSchemaAndRejectOneWithAnUnknownPropertyWhenValidating() {
        var schema = kinds.get("consultation-summary").schema("v1");
        Assertions.assertThat(schema.read("""
                {"overview": "o", "changes": [], "questions": ["q"], "goals": ["g"]}""").get("questions").size()).isOne();
        Assertions.assertThatThrownBy(() -> schema.read("""
                {"overview": "o", "changes": [], "questions": ["q"], "goals": ["g"], "diagnosis": "x"}"""))
                .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("diagnosis");
        Assertions.assertThatThrownBy(() -> schema.read("""
                {"overview": "o", "changes": [], "questions": "q", "goals": ["g"]}"""))
                .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("questions");
        Assertions.assertThatThrownBy(() -> schema.read("not json")).isInstanceOf(InvalidAnswerException.class);
    }

    @Test
    void shouldNameTheKindsThereAreWhenAStepNamesAnUnknownKind() {
        Assertions.assertThatThrownBy(() -> DocumentStep.of(Map.of("documentKind", "follow-up-letter",
                        "outputVariable", "x"), "ko", kinds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consultation-summary");
        Assertions.assertThatThrownBy(() -> DocumentStep.of(Map.of("documentKind", "consultation-summary",
                        "promptVersion", "v9", "outputVariable", "x"), "ko", kinds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v9");
    }

    @Test
    void shouldRefuseTheLanguageNamingItWhenAStepSetsAnythingButKoEnOrEmpty() {
        Assertions.assertThatThrownBy(() -> DocumentStep.of(Map.of("documentKind", "consultation-summary",
                        "documentLanguage", "${language}", "outputVariable", "x"), "en", kinds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documentLanguage")
                .hasMessageContaining("${language}");
        Assertions.assertThat(DocumentStep.of(Map.of("documentKind", "consultation-summary", "documentLanguage", "",
                "outputVariable", "x"), "en", kinds).language()).as("empty: the screening's").isEqualTo("en");
        Assertions.assertThat(DocumentStep.of(Map.of("documentKind", "consultation-summary", "documentLanguage", "ko",
                "outputVariable", "x"), "en", kinds).language()).isEqualTo("ko");
    }

    @Test
    void shouldTakeTheKindsDefaultsWhenTheElementSetsOnlyKindAndOutput() {
        DocumentStep step = DocumentStep.of(Map.of("documentKind", "consultation-summary",
                "outputVariable", "consultationSummary"), "en", kinds);
        Assertions.assertThat(step).isEqualTo(new DocumentStep("consultation-summary", "v1", "en",
                List.of("judgement", "previousJudgement"), "consultationSummary", "prose"));
    }

    @Test
    void shouldDescribeTheReportSummaryAndTheReferralLetterAsKindsWithTheirDraftersWhenLoading() {
        Assertions.assertThat(kinds.all()).filteredOn(k -> k.drafter() != null)
                .extracting(DocumentKind::id, DocumentKind::drafter, DocumentKind::outputVariable, DocumentKind::legacyTopics)
                .containsExactly(Assertions.tuple("referral-letter", "referral-letter", "referralDraft",
                                List.of("draftReferralLetter")),
                        Assertions.tuple("report-summary", "report-summary", "draftText", List.of("draftSummary")));
        DocumentKind report = kinds.get("report-summary");
        Assertions.assertThat(report.promptVersions()).containsExactly("v2", "v1");
        Assertions.assertThat(report.prompts("v2").version()).isEqualTo(new PromptTemplates().version())
                .isEqualTo("draft-summary-v2");
        Assertions.assertThat(kinds.profile(report.checkProfile())).contains("MISSING_FINDING");
        Assertions.assertThat(kinds.all()).extracting(DocumentKind::id)
                .containsExactly("consultation-summary", "referral-letter", "report-summary");
        Assertions.assertThat(kinds.legacyTopics()).containsOnly(Map.entry("draftSummary", "report-summary"),
                Map.entry("draftReferralLetter", "referral-letter"));
    }

    @Test
    void shouldTakeTheDraftersOutputVariableWhenTheElementSetsOnlyTheKind() {
        DocumentStep step = DocumentStep.of(Map.of("documentKind", "report-summary"), "ko", kinds);
        Assertions.assertThat(step).isEqualTo(new DocumentStep("report-summary", "v2", "ko", List.of("judgement"),
                "draftText", "report"));
    }

    @Test
    void shouldKeepAnOlderPromptVersionWhenAnElementPinsOneTheKindStillHas() {
        DocumentStep step = DocumentStep.of(Map.of("documentKind", "report-summary", "promptVersion", "v1"), "ko", kinds);

        Assertions.assertThat(step.promptVersion()).isEqualTo("v1");
        Assertions.assertThat(DocumentStep.of(Map.of("documentKind", "referral-letter", "promptVersion", "v1"), "ko",
                kinds).promptVersion()).isEqualTo("v1");
    }

    @Test
    void shouldRefuseWithTheVersionsThereAreWhenAnElementPinsAnUnknownPromptVersion() {
        Assertions.assertThatThrownBy(() -> DocumentStep.of(Map.of("documentKind", "report-summary",
                        "promptVersion", "v7"), "ko", kinds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document kind report-summary has no prompt version v7 (has [v2, v1])");
    }

    @Test
    void shouldNameWhatTheKindDoesWhenAStepAsksAKindWithADrafterForAnotherSetting() {
        Assertions.assertThatThrownBy(() -> DocumentStep.of(Map.of("documentKind", "referral-letter",
                        "outputVariable", "letter"), "ko", kinds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outputVariable referralDraft");
        Assertions.assertThatThrownBy(() -> DocumentStep.of(Map.of("documentKind", "report-summary",
                        "checkProfile", "prose"), "ko", kinds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkProfile report");
    }

    @Test
    void shouldNotStartWhenAKindNamesADrafterThatIsNotRegistered() {
        Assertions.assertThatThrownBy(() -> new DocumentKinds(List.of(DocumentFixtures.refusing("report-summary"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("referral-letter");
    }
}
