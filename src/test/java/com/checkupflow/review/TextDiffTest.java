package com.checkupflow.review;

import java.math.BigDecimal;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void shouldBeZeroWhenSignedAsDrafted() {
        Assertions.assertThat(TextDiff.editRatio("같은 본문", "같은 본문")).isEqualByComparingTo(BigDecimal.ZERO);
        Assertions.assertThat(TextDiff.editRatio("", "")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void shouldBeOneWhenNothingOfTheDraftIsLeft() {
        Assertions.assertThat(TextDiff.editRatio("abc", "xyz")).isEqualByComparingTo(BigDecimal.ONE);
        Assertions.assertThat(TextDiff.editRatio("abc", "")).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void shouldNormalizeLevenshteinByLongerTextWhenTextIsEdited() {
        Assertions.assertThat(TextDiff.levenshtein("kitten", "sitting")).isEqualTo(3);
        Assertions.assertThat(TextDiff.editRatio("kitten", "sitting")).isEqualByComparingTo("0.4286");
    }

    @Test
    void shouldCountOnlyTheEditsWhenTextsShareTheirStartAndEnd() {
        Assertions.assertThat(TextDiff.levenshtein("검진 결과 정상입니다", "검진 결과는 정상입니다")).isEqualTo(1);
        Assertions.assertThat(TextDiff.levenshtein("abcabc", "abc")).isEqualTo(3);
        Assertions.assertThat(TextDiff.levenshtein("aaa", "aa")).isEqualTo(1);
        Assertions.assertThat(TextDiff.levenshtein("xabcx", "xabdx")).isEqualTo(1);
        Assertions.assertThat(TextDiff.levenshtein("ab", "ba")).isEqualTo(2);
        Assertions.assertThat(TextDiff.levenshtein("", "abc")).isEqualTo(3);
    }

    @Test
    void shouldMarkKeptRemovedAndAddedLinesWhenDiffing() {
        Assertions.assertThat(TextDiff.lineDiff("a\nb\nc", "a\nc\nd"))
                .isEqualTo("  a\n- b\n  c\n+ d");
    }
}
