package com.checkupflow.ai;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The answer schema's validator is compiled at the first validation (the offline template validates nothing). */
class AnswerSchemaTest {

    private static final String RESOURCE = "documents/consultation-summary/v1.schema.json";

    @Test
    void shouldCompileTheValidatorOnlyAtTheFirstValidationWhenTheSchemaIsLoaded() {
        AnswerSchema schema = AnswerSchema.load("consultation_summary", RESOURCE);

        Assertions.assertThat(schema.compiled()).isFalse();
        Assertions.assertThat(schema.text()).contains("\"overview\"");

        Assertions.assertThat(schema.read("{\"overview\":\"요약\",\"changes\":[],\"questions\":[],\"goals\":[]}")
                .get("overview").asText()).isEqualTo("요약");
        Assertions.assertThat(schema.compiled()).isTrue();
    }

    @Test
    void shouldRefuseAnAnswerTheSchemaForbidsWhenTheValidatorIsCompiledOnFirstUse() {
        AnswerSchema schema = AnswerSchema.load("consultation_summary", RESOURCE);

        Assertions.assertThatThrownBy(() -> schema.read("{\"overview\":\"요약\",\"changes\":[]}"))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("violates the consultation_summary schema");
    }
}
