package com.checkupflow.web;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Korean problem documents keep what the client must fix: the path, field or allowed range after the sentence. */
class ProblemDocumentsTest {

    @Test
    void shouldAppendThePathAndTheAllowedRangeToTheKoreanSentenceWhenANumberIsOutOfRange() throws Exception {
        ProblemDetail pd = ProblemDocuments.of(HttpStatus.BAD_REQUEST, "The Bundle was rejected", List.of(new Problem(
                "number_out_of_range", "The number at Bundle.entry[2].resource.valueQuantity.value is out of range",
                Map.of("path", "Bundle.entry[2].resource.valueQuantity.value", "digits", "30", "exponent", "100"))));

        Assertions.assertThat(pd.getDetail()).isEqualTo("허용 범위를 벗어난 수치가 있습니다 (위치 "
                + "Bundle.entry[2].resource.valueQuantity.value; 허용: 유효 숫자 30자리 이하, 크기 1e-100~1e100)");
        // the facts are said by the detail, not a second field of the document
        Assertions.assertThat(new ObjectMapper().writeValueAsString(pd.getProperties().get("problems")))
                .doesNotContain("facts");
    }

    @Test
    void shouldKeepTheKoreanSentenceAloneWhenTheProblemHasNoSpecificFacts() {
        ProblemDetail pd = ProblemDocuments.of(HttpStatus.BAD_REQUEST, "The Bundle was rejected",
                List.of(new Problem("no_patient", "The Bundle contains no Patient resource")));

        Assertions.assertThat(pd.getDetail()).isEqualTo("Bundle에 Patient 리소스가 없습니다");
    }
}
