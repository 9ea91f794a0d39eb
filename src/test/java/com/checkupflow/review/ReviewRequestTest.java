package com.checkupflow.review;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ReviewRequestTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldReadTheFormsVariableNamesWhenAnIntegratorSendsThem() throws Exception {
        ReviewController.ReviewRequest request = json.readValue("""
                {"decision":"WRITE_MANUALLY","finalText":"본문","reviewNote":"의견","signAnyway":true,
                 "signAnywayReason":"사유"}""", ReviewController.ReviewRequest.class);

        Assertions.assertThat(request.text()).isEqualTo("본문");
        Assertions.assertThat(request.note()).isEqualTo("의견");
        Assertions.assertThat(request.reason()).isEqualTo("사유");
    }

    @Test
    void shouldReadTheDocumentedNamesWhenTheyAreSent() throws Exception {
        ReviewController.ReviewRequest request = json.readValue("""
                {"decision":"APPROVE","text":"본문","note":"의견","reason":"사유"}""", ReviewController.ReviewRequest.class);

        Assertions.assertThat(request.text()).isEqualTo("본문");
        Assertions.assertThat(request.note()).isEqualTo("의견");
        Assertions.assertThat(request.reason()).isEqualTo("사유");
    }
}
