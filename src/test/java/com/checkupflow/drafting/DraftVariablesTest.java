package com.checkupflow.drafting;

import java.util.Arrays;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The review form's note on a draft's origin, in the form's language. */
class DraftVariablesTest {

    @Test
    void shouldSayTheOriginInKoreanOnlyWhenTheFormIsKorean() {
        Arrays.stream(DraftOrigin.Kind.values()).forEach(kind -> {
            String note = DraftVariables.originNote(new DraftOrigin(kind, "template", null, "template-v3"), "ko");
            Assertions.assertThat(note).contains("초안").contains("template-v3")
                    .doesNotContain("draft").doesNotContain("Template").doesNotContain("no AI");
        });
    }

    @Test
    void shouldSayTheOriginInEnglishWhenTheCentersLanguageIsEnglish() {
        Assertions.assertThat(DraftVariables.originNote(
                        new DraftOrigin(DraftOrigin.Kind.TEMPLATE, "template", null, "template-v3"), "en"))
                .startsWith("**Template draft** (template-v3)").doesNotContain("초안");
    }
}
