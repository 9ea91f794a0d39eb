package com.checkupflow.report;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Whether the signed text keeps model text: the rule behind the report's AI notice. */
class AiDisclosureTest {

    static final String DRAFT = "혈압이 높습니다. 가까운 의원에서 확진검사를 받으세요.\n\n공복혈당은 정상 범위입니다.";

    @Test
    void shouldKeepModelTextWhenThePhysicianApproves() {
        Assertions.assertThat(AiDisclosure.keepsDraftText("APPROVE", DRAFT, "완전히 다른 문장입니다.")).isTrue();
    }

    @Test
    void shouldKeepModelTextWhenAnOwnTextKeepsOneOfTheDraftsSentences() {
        Assertions.assertThat(AiDisclosure.keepsDraftText("WRITE_MANUALLY", DRAFT,
                "혈압이 높게 나왔습니다.\n가까운 의원에서   확진검사를 받으세요.")).isTrue();
    }

    @Test
    void shouldNotKeepModelTextWhenThePhysicianRewroteEverySentence() {
        Assertions.assertThat(AiDisclosure.keepsDraftText("WRITE_MANUALLY", DRAFT,
                "혈압을 3개월 뒤 다시 재어 보세요. 공복혈당은 정상입니다.")).isFalse();
    }
}
