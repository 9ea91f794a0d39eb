package com.checkupflow.engine;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The engine's refusals as the webapps' users read them. */
class WebappRefusalsTest {

    @Test
    void shouldSaySentenceWhenEngineRefusesForMissingPermission() {
        Assertions.assertThat(WebappRefusals.sentence("AuthorizationException",
                        "The user with id 'manager' does not have 'TASK_ASSIGN' permission on resource 'abc' of type 'Task'.",
                        false))
                .isEqualTo("이 작업은 열람만 할 수 있습니다. 맡고 완료하는 것은 담당 역할(후보 그룹)의 직원만 할 수 있습니다.")
                .doesNotContain("TASK_ASSIGN");
    }

    @Test
    void shouldKeepOurListenerMessageWithoutEnginePrefixWhenFormSubmissionIsRefused() {
        Assertions.assertThat(WebappRefusals.sentence("RestException",
                "Cannot submit task form 1234-ab: 수정 내용을 확인하세요: 혈색소: 수정 값을 입력하거나 '측정하지 않음'을 선택하세요", false))
                .isEqualTo("수정 내용을 확인하세요: 혈색소: 수정 값을 입력하거나 '측정하지 않음'을 선택하세요");
    }

    @Test
    void shouldNameTheOtherCenterWhenTenantCheckRefuses() {
        Assertions.assertThat(WebappRefusals.sentence("ProcessEngineException",
                "ENGINE-13034 Cannot claim the task 'x' because it belongs to no authenticated tenant.", true))
                .isEqualTo("This task belongs to another center; you cannot work on it.");
    }

    @Test
    void shouldLeaveOtherErrorsAloneWhenTheyAreNoRefusal() {
        Assertions.assertThat(WebappRefusals.sentence("InvalidRequestException", "No matching task", false)).isNull();
    }
}
