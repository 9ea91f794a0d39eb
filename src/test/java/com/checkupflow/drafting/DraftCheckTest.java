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
}
