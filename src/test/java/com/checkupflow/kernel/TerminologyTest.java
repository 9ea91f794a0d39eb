package com.checkupflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminologyTest {

    @ParameterizedTest
    @EnumSource(ItemKey.class)
    void shouldReadBackTheItemWhenTheCodeWeWriteIsLookedUp(ItemKey key) {
        assertThat(Terminology.byLoinc(Terminology.loinc(key))).contains(key);
    }

    @Test
    void shouldAcceptEveryEgfrCodeWhenReading() {
        assertThat(Terminology.loinc(ItemKey.EGFR)).isEqualTo("33914-3");
        assertThat(Terminology.byLoinc("62238-1")).contains(ItemKey.EGFR);
        assertThat(Terminology.byLoinc("18262-6")).contains(ItemKey.LDL);
    }

    @Test
    void shouldKnowNoItemWhenTheCodeIsThePanelOrUnknown() {
        assertThat(Terminology.byLoinc(Terminology.BP_PANEL_LOINC)).isEmpty();
        assertThat(Terminology.byLoinc("0000-0")).isEmpty();
        assertThat(Terminology.byLoinc(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"negative", "trace", "1+", "2+", "3+", "4+"})
    void shouldMapUrineProteinBothWaysWhenTheCodeIsKnown(String code) {
        assertThat(Terminology.urineProtein(Terminology.urineProteinSnomed(code))).isEqualTo(code);
    }

    @Test
    void shouldGiveNoUrineProteinWhenTheSnomedCodeIsUnknown() {
        assertThat(Terminology.urineProtein("123")).isNull();
        assertThat(Terminology.urineProtein(null)).isNull();
    }
}
