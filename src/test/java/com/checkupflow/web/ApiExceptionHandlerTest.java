package com.checkupflow.web;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The error line of an unexpected failure says where it came from, never what its message said. */
class ApiExceptionHandlerTest {

    @Test
    void shouldNameTheRootCauseAndItsThrowingFrameWithoutAnyMessageWhenAnUnexpectedErrorIsLogged() {
        RuntimeException wrapped;
        try {
            throwWithPatientData();
            throw new AssertionError("not thrown");
        } catch (NullPointerException e) {
            wrapped = new IllegalStateException("wrapper 010-1234-5678", e);
        }

        String origin = ApiExceptionHandler.origin(wrapped);

        Assertions.assertThat(origin).startsWith("java.lang.NullPointerException at com.checkupflow.web."
                + "ApiExceptionHandlerTest.throwWithPatientData(ApiExceptionHandlerTest.java:")
                .doesNotContain("880214").doesNotContain("010-1234").doesNotContain("wrapper");
        Assertions.assertThat(origin.split(" < ")).hasSizeLessThanOrEqualTo(8);
        Assertions.assertThat(origin).contains("; ours: com.checkupflow.web.ApiExceptionHandlerTest.throwWithPatientData(");
    }

    @Test
    void shouldEndWhenTheCauseChainLoops() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b", a);
        a.initCause(b);

        Assertions.assertThat(ApiExceptionHandler.origin(a)).startsWith("java.lang.Illegal");
    }

    private static void throwWithPatientData() {
        throw new NullPointerException("880214-2734519 not found");
    }
}
