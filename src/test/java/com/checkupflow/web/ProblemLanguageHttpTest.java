package com.checkupflow.web;

import java.net.http.HttpResponse;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Problem documents are Korean unless the request prefers English; a bad parameter is named, no Java types. */
@CheckupFlowHttpTest
class ProblemLanguageHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldNameTheParameterInKoreanWithoutJavaTypesWhenADateCannotBeRead() throws Exception {
        HttpResponse<String> response = new TestHttp(port).get("privacyOfficer", "/api/audit/access?from=2026-13-01");

        Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        Assertions.assertThat(problem.get("title").asText()).isEqualTo("요청 매개변수가 잘못되었습니다");
        Assertions.assertThat(problem.get("detail").asText()).isEqualTo("'from' 값을 읽을 수 없습니다: 2026-03-01과 같은 날짜이어야 합니다");
        Assertions.assertThat(response.body()).doesNotContain("java.").doesNotContain("LocalDate").doesNotContain("convert");
    }

    @Test
    void shouldAnswerInEnglishWhenTheRequestPrefersEnglish() throws Exception {
        HttpResponse<String> response = new TestHttp(port).get("privacyOfficer", "/api/audit/access?from=2026-13-01",
                "en-US,en;q=0.9,ko;q=0.5");

        JsonNode problem = json.readTree(response.body());
        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(problem.get("title").asText()).isEqualTo("Bad request parameter");
        Assertions.assertThat(problem.get("detail").asText())
                .isEqualTo("The value of 'from' cannot be read: it must be a date such as 2026-03-01");
    }

    @Test
    void shouldAnswerInKoreanWhenKoreanComesFirst() throws Exception {
        HttpResponse<String> response = new TestHttp(port).get("physicianGangnam", "/api/screenings/no-such-id",
                "ko-KR,ko;q=0.9,en;q=0.8");

        JsonNode problem = json.readTree(response.body());
        Assertions.assertThat(response.statusCode()).isEqualTo(404);
        Assertions.assertThat(problem.get("detail").asText()).isEqualTo("해당 ID의 검진이 없습니다");
        Assertions.assertThat(problem.get("problems").get(0).get("code").asText()).isEqualTo("screening_not_found");
    }
}
