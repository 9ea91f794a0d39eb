package com.checkupflow.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.checkupflow.ai.TemplateTexts;
import com.checkupflow.drafting.DraftingFixtures;
import com.checkupflow.drafting.DraftExamples;
import com.checkupflow.judgement.Judgement;

/** The offline fallback of every document kind that has one passes its own check profile (no false red flag). */
class DocumentFallbacksTest {

    private final DocumentKinds kinds = new DocumentKinds();
    private final DocumentTemplates templates = new DocumentTemplates();
    private final TemplateTexts texts = new TemplateTexts();

    private Map<String, Object> data(Judgement j, String language) {
        TemplateTexts.Bundle b = texts.bundle(language);
        List<Map<String, Object>> results = DocumentInputs.results(j, b);
        Map<String, Object> data = new HashMap<>();
        data.put("results", results);
        data.put("abnormal", results.stream().filter(r -> Boolean.TRUE.equals(r.get("abnormal"))).toList());
        data.put("previous", null);
        return data;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "en"})
    void shouldPassItsOwnCheckProfileWhenAKindsFallbackIsWrittenForANormalASuspectAndAKnownDiseaseJudgement(String language) {
        List<DocumentKind> withFallback = kinds.all().stream().filter(k -> getClass().getClassLoader()
                .getResource(DocumentKind.FOLDER + k.id() + "/fallback." + language + ".txt") != null).toList();
        Assertions.assertThat(withFallback).isNotEmpty();
        for (DocumentKind kind : withFallback) {
            for (Judgement j : List.of(DraftExamples.normal(), DraftExamples.mixed(), DraftExamples.knownDisease())) {
                String written = templates.text(DocumentKind.FOLDER + kind.id() + "/fallback." + language + ".txt",
                        data(j, language)).strip();
                Assertions.assertThat(DraftingFixtures.check(written, j, language, kinds.profile(kind.checkProfile())).findings())
                        .as("%s fallback (%s) for %s", kind.id(), language, written).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "en"})
    void shouldPassTheReportProfileWhenTheOfflineTemplateDraftsANormalASuspectAndAKnownDiseaseJudgement(String language) {
        DocumentKind kind = kinds.get("report-summary");
        for (Judgement j : List.of(DraftExamples.normal(), DraftExamples.mixed(), DraftExamples.knownDisease())) {
            String draft = DraftingFixtures.templateDraft(j, DraftExamples.MALE_52, language);
            Assertions.assertThat(DraftingFixtures.check(draft, j, language, kinds.profile(kind.checkProfile())).findings())
                    .as("template draft (%s) %s", language, draft).isEmpty();
        }
    }
}
