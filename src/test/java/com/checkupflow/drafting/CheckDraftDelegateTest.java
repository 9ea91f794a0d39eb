package com.checkupflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.checkupflow.ai.TemplateTexts;

class CheckDraftDelegateTest {

    private final DraftChecker checker = new DraftChecker(new TemplateTexts());

    @Test
    void shouldListWhatWasFoundInWordsWithoutCodesWhenTheDraftHasFindings() {
        DraftCheck check = checker.check("종합판정: 정상A. 혈압은 126/84 mmHg로 양호합니다. 나머지 항목도 정상입니다.",
                DraftExamples.normal(), "ko");

        String markdown = CheckDraftDelegate.findingsMarkdown(check, "ko");

        assertThat(markdown).contains("· 수치가 다릅니다: 본문 “126/84 mmHg” ↔ 결과 수축기 혈압/이완기 혈압 112/72 mmHg")
                .doesNotContain("NUMBER_MISMATCH", "systolic_bp", "`");
        assertThat(markdown.lines().filter(l -> l.startsWith("· "))).as("one line per thing found, not per BP component")
                .hasSize(1);
    }
}
