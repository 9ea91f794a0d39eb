package com.checkupflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class DraftCheckTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<DraftCheck.Finding> findings = List.of(
            new DraftCheck.Finding("MISSING_FINDING", "systolic_bp is DISEASE_SUSPECT but the draft does not name it"),
            new DraftCheck.Finding("PLACEHOLDER", "\"TBD\" & <more>"));

    @Test
    void shouldReadBackTheSameFindingsWhenStoredAsJson() {
        String stored = DraftCheck.toJson(json, findings);

        assertThat(stored).startsWith("[{\"type\":\"MISSING_FINDING\",\"detail\":");
        assertThat(DraftCheck.fromJson(json, stored)).isEqualTo(findings);
    }

    @Test
    void shouldReadNoFindingsWhenNothingWasStored() {
        assertThat(DraftCheck.fromJson(json, null)).isEmpty();
    }

    @Test
    void shouldListOneFindingALineWhenWrittenAsANote() {
        assertThat(DraftCheck.note(findings)).isEqualTo(
                "- MISSING_FINDING: systolic_bp is DISEASE_SUSPECT but the draft does not name it\n"
                        + "- PLACEHOLDER: \"TBD\" & <more>");
    }

    @Test
    void shouldNameEachFindingOnceInTheCentersLanguageWhenItWasStoredWithoutWordsOfItsOwn() {
        List<DraftCheck.Finding> twice = List.of(findings.get(0), findings.get(0),
                new DraftCheck.Finding("BAD_CITATION", "the finding for systolic_bp cites the observation of bmi"));

        assertThat(DraftCheck.note(twice, "ko")).isEqualTo("""
                · 판정된 이상 소견 중 본문에 빠진 항목이 있습니다
                · 소견이 가리키는 검사 항목이 맞지 않습니다""");
        assertThat(DraftCheck.note(twice, "en")).endsWith("· the finding for systolic_bp cites the observation of bmi")
                .doesNotContain("BAD_CITATION");
    }
}
