package com.checkupflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.drafting.DraftChecker;
import com.checkupflow.engine.TaskHeaders;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.judgement.JudgementTexts;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;
import com.fasterxml.jackson.databind.ObjectMapper;

class PatientTaskHeadersTest {

    private final ScreeningRepository screenings = mock(ScreeningRepository.class);
    private final Centers centers = mock(Centers.class);
    private final PatientTaskHeaders headers = new PatientTaskHeaders(new ReviewService(screenings,
            mock(JudgementJson.class), mock(JudgementTexts.class), centers, mock(JdbcClient.class), Clock.systemUTC(),
            mock(DraftChecker.class), new ObjectMapper()));

    private void screeningAt(Center center) {
        when(screenings.find("s-1")).thenReturn(Optional.of(new Screening("s-1", center.id(), "sys", "v", null, "ko",
                Stage.REVIEW, Instant.EPOCH, LocalDate.of(2026, 5, 4),
                new PatientInfo("p", "김민수", Sex.MALE, LocalDate.of(1982, 3, 15), null, List.of()),
                true, Set.of(), null, List.of(), null, null, null, null)));
        when(centers.get(center.id())).thenReturn(center);
    }

    @Test
    void shouldGiveTheMaskedPatientInKoreanWhenTheCenterSpeaksKorean() {
        screeningAt(new Center("gangnam", "강남센터", "Gangnam", "ko"));

        TaskHeaders.TaskHeader header = headers.header("s-1").orElseThrow();

        assertThat(header.formLanguage()).isEqualTo("ko");
        assertThat(header.patientLabel()).isEqualTo("김*수, 44세 남, 강남센터, 2026-05-04").doesNotContain("민수");
    }

    @Test
    void shouldGiveTheMaskedPatientInEnglishWhenTheCenterSpeaksEnglish() {
        screeningAt(new Center("busan", "부산센터", "Busan", "en"));

        TaskHeaders.TaskHeader header = headers.header("s-1").orElseThrow();

        assertThat(header.formLanguage()).isEqualTo("en");
        assertThat(header.patientLabel()).startsWith("김*수, 44").contains("Busan, 2026-05-04").doesNotContain("세", "부산");
    }

    @Test
    void shouldGiveNoHeaderWhenTheBusinessKeyNamesNoScreening() {
        when(screenings.find("order-7")).thenReturn(Optional.empty());

        assertThat(headers.header("order-7")).isEmpty();
    }
}
