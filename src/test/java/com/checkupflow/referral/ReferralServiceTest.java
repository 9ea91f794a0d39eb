package com.checkupflow.referral;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.kernel.InputRefused;
import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.document.DocumentTemplates;
import com.checkupflow.drafting.ReferralLetterModel;
import com.checkupflow.drafting.ReferralModelFixture;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.privacy.FieldCipher;
import com.checkupflow.privacy.TestCiphers;
import com.checkupflow.report.ReportPdfs;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;

class ReferralServiceTest {

    private static final String ID = "scr-ref-1";
    private static final String RRN = "800315-1234567";

    private final ScreeningRepository screenings = mock(ScreeningRepository.class);
    private final JudgementJson judgementJson = mock(JudgementJson.class);
    private final Centers centers = mock(Centers.class);
    private static final ReferralModelFixture model = ReferralModelFixture.openAi();

    private JdbcClient jdbc;
    private FieldCipher cipher;
    private TransactionTemplate transaction;
    private ItemLabels labels;
    private ReferralService service;

    @AfterAll
    static void stopModel() {
        model.close();
    }

    @BeforeEach
    void setUp() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:referral-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        model.reset();
        jdbc = JdbcClient.create(ds);
        cipher = TestCiphers.over(ds, Path.of("target/referral-test-master-key.json"));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(ds));
        jdbc.sql("""
                INSERT INTO cf_screening (id, center, source_system, source_value, language, stage, received_at,
                    lipids_scheduled) VALUES (?, 'gangnam', 'urn:test', ?, 'ko', 'DELIVERED', CURRENT_TIMESTAMP, FALSE)""")
                .params(ID, ID).update();
        when(centers.get("gangnam")).thenReturn(new Center("gangnam", "강남센터", "Gangnam", "ko"));
        PatientInfo patient = new PatientInfo(null, "김민수", Sex.MALE, LocalDate.of(1980, 3, 15), RRN, List.of());
        when(screenings.find(ID)).thenReturn(Optional.of(new Screening(ID, "gangnam", "urn:test", ID, "pi", "ko",
                Stage.DELIVERED, Instant.now(), LocalDate.of(2026, 11, 18), patient, true, Set.of(), "{}", List.of(),
                "소견", "<html/>", Instant.now(), "physicianGangnam")));
        when(judgementJson.read(any())).thenReturn(judgement());
        labels = new ItemLabels();
        service = service(ReferralModelFixture.template());
    }

    private ReferralService service(ReferralLetterModel letters) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
        return new ReferralService(new ReferralRepository(jdbc, cipher), screenings, judgementJson,
                new ReferralLetterDrafter(labels, centers), letters, new ReferralLetterRenderer(new DocumentTemplates(), centers,
                com.checkupflow.physician.PhysicianFixtures.profiles(jdbc, clock)), centers, transaction, clock);
    }

    @Test
    void shouldDraftWithoutNameOrRrnWhenReferringKidneyFindings() {
        String draft = service.draft(ID, List.of("creatinine", "egfr"), null).text();

        Assertions.assertThat(draft).contains("46세 남성", "강남센터", "혈청 크레아티닌: 1.82 mg/dL (질환의심)",
                "신사구체여과율(eGFR): 41 mL/min/1.73m² (질환의심)").doesNotContain("김민수").doesNotContain("800315");
        Assertions.assertThat(service.find(ID)).hasValueSatisfying(r -> Assertions.assertThat(r.letterHtml()).isNull());
    }

    @Test
    void shouldSayTheAgeIsUnknownWhenThePatientHasNoBirthDate() {
        PatientInfo noBirthDate = new PatientInfo(null, "김민수", Sex.MALE, null, RRN, List.of());
        when(screenings.find(ID)).thenReturn(Optional.of(new Screening(ID, "gangnam", "urn:test", ID, "pi", "ko",
                Stage.DELIVERED, Instant.now(), LocalDate.of(2026, 11, 18), noBirthDate, true, Set.of(), "{}", List.of(),
                "소견", "<html/>", Instant.now(), "physicianGangnam")));

        String draft = service.draft(ID, List.of("creatinine", "egfr"), null).text();

        Assertions.assertThat(draft).contains("남성 수검자(생년월일이 없어 나이 미상)로").doesNotContain("-1세", " 0세");
    }

    @Test
    void shouldRefuseBookingInKoreanWhenTheDateIsAmbiguousPastOrAbsurd() {
        com.checkupflow.physician.PhysicianFixtures.profiles(jdbc, Clock.systemUTC()).saveIfAbsent("dr.kim", "김하늘", "12345", "test");
        service.draft(ID, List.of("creatinine", "egfr"), null);
        service.sign(ID, "신장내과 진료를 의뢰드립니다.", "dr.kim", false, null);

        Assertions.assertThatThrownBy(() -> service.book(ID, "2026. 12. 15.", "서울대병원", "coord"))
                .hasMessageContaining("알아볼 수 없습니다").hasMessageContaining("2026-12-15 14:30");
        Assertions.assertThatThrownBy(() -> service.book(ID, "12/15/2026", "서울대병원", "coord"))
                .hasMessageContaining("알아볼 수 없습니다");
        Assertions.assertThatThrownBy(() -> service.book(ID, "2026-11-20 09:00", "서울대병원", "coord"))
                .as("a refusal the Tasklist shows as a 400 with this sentence, not a 500 with a stack")
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("2026-11-20 09:00").hasMessageContaining("이미 지났습니다")
                .hasMessageNotContaining("appointmentAt");
        Assertions.assertThatThrownBy(() -> service.book(ID, null, " ", "coord")).isInstanceOf(InputRefused.class)
                .hasMessage("예약 일시가 필요합니다 (예: 2026-12-15 14:30); 예약 장소가 필요합니다");
        Assertions.assertThatThrownBy(() -> service.book(ID, "2028-08-06 09:00", "서울대병원", "coord"))
                .hasMessageContaining("1년 넘게");
        Assertions.assertThat(service.find(ID).orElseThrow().appointmentAt()).as("nothing stored").isNull();

        service.book(ID, "2026-12-15 14:30", "서울대병원 신장내과", "coord");
        Assertions.assertThat(service.find(ID).orElseThrow().appointmentAt())
                .isEqualTo(Instant.parse("2026-12-15T05:30:00Z"));
    }

    @Test
    void shouldRenderSignedLetterWithAppointmentAndMaskedRrnWhenBooked() throws IOException {
        com.checkupflow.physician.PhysicianFixtures.profiles(jdbc, Clock.systemUTC()).saveIfAbsent("dr.kim", "김하늘", "12345", "test");
        service.draft(ID, List.of("creatinine", "egfr"), null);
        Assertions.assertThatThrownBy(() -> service.sign(ID, " ", "dr.kim", false, null)).isInstanceOf(com.checkupflow.kernel.InputRefused.class)
                .hasMessageContaining("의뢰서 내용이 비어 있습니다");
        service.sign(ID, "신장내과 진료를 의뢰드립니다.", "dr.kim", false, null);
        Assertions.assertThatThrownBy(() -> service.book(ID, "tomorrow", "", "coord"))
                .hasMessageContaining("\"tomorrow\"을(를) 알아볼 수 없습니다").hasMessageContaining("예약 장소가 필요합니다");
        service.book(ID, "2026-12-01T10:30", "서울대병원 신장내과", "coord");

        String html = service.find(ID).orElseThrow().letterHtml();
        Assertions.assertThat(jdbc.sql("SELECT letter_html FROM cf_referral WHERE screening_id = ?").param(ID)
                .query(String.class).single()).as("the letter as stored").startsWith("enc1:").doesNotContain("김민수");
        byte[] pdf = ReportPdfs.render(html);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            Assertions.assertThat(text).contains("진료의뢰서", "김민수", "800315-1******", "2026-12-01 10:30",
                    "서울대병원 신장내과", "신장내과 진료를 의뢰드립니다.", "김하늘 (면허번호 12345)").doesNotContain(RRN);
        }
    }

    @Test
    void shouldRecordTheTemplateWithoutFallbackWhenTheProviderIsTemplate() {
        ReferralService.DraftedLetter letter = service.draft(ID, List.of("creatinine", "egfr"), null);

        Assertions.assertThat(letter.checkNote()).isNull();
        Assertions.assertThat(service.find(ID)).hasValueSatisfying(r -> {
            Assertions.assertThat(r.provider()).isEqualTo("template");
            Assertions.assertThat(r.promptVersion()).isEqualTo("referral-template-v1");
            Assertions.assertThat(r.fallback()).isFalse();
            Assertions.assertThat(r.checkPassed()).isNull();
        });
        Assertions.assertThat(model.calls()).isZero();
    }

    @Test
    void shouldSendNoPersonalDataWhenTheModelDraftsTheLetter() {
        service(model.letters()).draft(ID, List.of("creatinine", "egfr"), null);

        Assertions.assertThat(model.requestBodies()).hasSize(1);
        String body = model.requestBodies().get(0);
        Assertions.assertThat(body).doesNotContain("김민수", "민수", RRN, "800315", "1234567", "1980-03-15", "19800315",
                "강남센터", "Gangnam", "gangnam", "2026-11-18", "46세", "\\\"age\\\"", "sk-test-secret", ID);
        // the user message is a JSON string inside the request: its quotes arrive escaped
        Assertions.assertThat(body).contains("\\\"ageBand\\\":\\\"45-49\\\"", "\\\"sex\\\":\\\"male\\\"",
                "\\\"referredUnits\\\":[\\\"creatinine\\\",\\\"egfr\\\"]", "\"name\" : \"referral_letter\"");
    }

    @Test
    void shouldUseTheModelLetterWhenItPassesTheCheck() {
        ReferralService.DraftedLetter letter = service(model.letters()).draft(ID, List.of("creatinine", "egfr"), null);

        Assertions.assertThat(letter.text()).startsWith("선생님께,").contains("46세 남성", "강남센터", "■ 의뢰 사유",
                "혈청 크레아티닌 1.82 mg/dL", "■ 요청 사항", "감사합니다.").doesNotContain("김민수", "800315");
        Assertions.assertThat(letter.checkNote()).isNull();
        Assertions.assertThat(service.find(ID)).hasValueSatisfying(r -> {
            Assertions.assertThat(r.draftText()).isEqualTo(letter.text());
            Assertions.assertThat(r.provider()).isEqualTo("openai");
            Assertions.assertThat(r.promptVersion()).isEqualTo("referral-letter-v1");
            Assertions.assertThat(r.fallback()).isFalse();
            Assertions.assertThat(r.checkPassed()).isTrue();
        });
    }

    @Test
    void shouldReturnTheStoredLetterWithoutAskingTheModelAgainWhenTheTaskIsRedelivered() {
        ReferralService withModel = service(model.letters());
        ReferralService.DraftedLetter first = withModel.draft(ID, List.of("creatinine", "egfr"), null);

        ReferralService.DraftedLetter again = withModel.draft(ID, List.of("creatinine", "egfr"), null);

        Assertions.assertThat(again).isEqualTo(first);
        Assertions.assertThat(model.calls()).isEqualTo(1);
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_referral").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void shouldRetryWithBackoffWhenTheModelAnswers503First() {
        model.failNext(503);

        ReferralService.DraftedLetter letter = service(model.letters()).draft(ID, List.of("creatinine", "egfr"), null);

        Assertions.assertThat(model.calls()).isEqualTo(2);
        Assertions.assertThat(letter.text()).contains("■ 의뢰 사유");
        Assertions.assertThat(service.find(ID)).hasValueSatisfying(r -> Assertions.assertThat(r.fallback()).isFalse());
        Assertions.assertThat(model.meters().get("checkupflow.ai.errors").tag("kind", "server").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldFallBackToTheTemplateLetterWithoutRetryWhenTheKeyIsRejected() {
        model.failNext(401);

        ReferralService.DraftedLetter letter = service(model.letters()).draft(ID, List.of("creatinine", "egfr"), null);

        Assertions.assertThat(model.calls()).isEqualTo(1);
        Assertions.assertThat(letter.text()).contains("혈청 크레아티닌: 1.82 mg/dL (질환의심)").doesNotContain("■ 의뢰 사유");
        Assertions.assertThat(letter.checkNote()).isNull();
        Assertions.assertThat(service.find(ID)).hasValueSatisfying(r -> {
            Assertions.assertThat(r.provider()).isEqualTo("template");
            Assertions.assertThat(r.promptVersion()).isEqualTo("referral-template-v1");
            Assertions.assertThat(r.fallback()).isTrue();
            Assertions.assertThat(r.checkPassed()).isNull();
        });
    }

    @Test
    void shouldFallBackAndShowTheFindingsToTheSignerWhenTheModelInventsAValue() {
        model.inventValueNext();

        ReferralService withModel = service(model.letters());
        ReferralService.DraftedLetter letter = withModel.draft(ID, List.of("creatinine", "egfr"), null);

        Assertions.assertThat(letter.text()).contains("혈청 크레아티닌: 1.82 mg/dL (질환의심)").doesNotContain("18.82");
        Assertions.assertThat(letter.checkNote()).contains("18.82").doesNotContain("NUMBER_MISMATCH");
        Assertions.assertThat(withModel.draft(ID, List.of("creatinine", "egfr"), null)).as("redelivered").isEqualTo(letter);
        Assertions.assertThat(service.find(ID)).hasValueSatisfying(r -> {
            Assertions.assertThat(r.provider()).isEqualTo("template");
            Assertions.assertThat(r.fallback()).isTrue();
            Assertions.assertThat(r.checkPassed()).isFalse();
            Assertions.assertThat(r.checkFindings()).contains("NUMBER_MISMATCH");
        });
    }

    @Test
    void shouldRefuseSigningInKoreanNamingTheValueWhenTheSignedLetterStatesAFalseFinding() {
        com.checkupflow.physician.PhysicianFixtures.profiles(jdbc, Clock.systemUTC()).saveIfAbsent("dr.kim", "김하늘", "12345", "test");
        String draft = service.draft(ID, List.of("creatinine", "egfr"), null).text();
        String falseLine = draft + "\n추가: 공복혈당 250 mg/dL로 당뇨병도 의심됩니다.";

        Assertions.assertThatThrownBy(() -> service.sign(ID, falseLine, "dr.kim", false, null))
                .isInstanceOf(com.checkupflow.kernel.InputRefused.class)
                .hasMessageStartingWith("서명할 진료의뢰서가 점검을 통과하지 못했습니다(2건)")
                .hasMessageContaining("수치가 다릅니다: 본문 “250 mg/dL” ↔ 결과 공복혈당 92 mg/dL")
                .hasMessageContaining("판정이 의심하지 않는 질환입니다: 본문 “당뇨병도 의심”")
                .message().doesNotContain("NUMBER_MISMATCH", "fasting_glucose");
        Assertions.assertThatThrownBy(() -> service.sign(ID, falseLine, "dr.kim", true, " "))
                .hasMessageStartingWith("그대로 서명하려면 사유를 적어 주세요.");
        Assertions.assertThat(service.find(ID).orElseThrow().signedAt()).as("nothing signed").isNull();

        service.sign(ID, falseLine, "dr.kim", true, "외래에서 재측정한 혈당을 함께 전달함");

        ReferralRepository.SignedCheck signed = new ReferralRepository(jdbc, cipher).signedCheck(ID).orElseThrow();
        Assertions.assertThat(signed.signedAnyway()).isTrue();
        Assertions.assertThat(signed.reason()).isEqualTo("외래에서 재측정한 혈당을 함께 전달함");
        Assertions.assertThat(signed.findings()).contains("NUMBER_MISMATCH", "SUSPICION_CONTRADICTION");
        Assertions.assertThat(service.find(ID).orElseThrow().signedBy()).isEqualTo("dr.kim");
    }

    @Test
    void shouldSignWithAnEmptyFindingListWhenTheDraftedLetterIsSignedAsItStands() {
        com.checkupflow.physician.PhysicianFixtures.profiles(jdbc, Clock.systemUTC()).saveIfAbsent("dr.kim", "김하늘", "12345", "test");
        String draft = service.draft(ID, List.of("creatinine", "egfr"), null).text();

        service.sign(ID, draft, "dr.kim", false, null);

        ReferralRepository.SignedCheck signed = new ReferralRepository(jdbc, cipher).signedCheck(ID).orElseThrow();
        Assertions.assertThat(signed.findings()).isEqualTo("[]");
        Assertions.assertThat(signed.signedAnyway()).isFalse();
        Assertions.assertThat(signed.reason()).isNull();
    }

    private static Judgement judgement() {
        Map<String, Judgement.Item> items = new LinkedHashMap<>();
        items.put("creatinine", new Judgement.Item(ItemStatus.VALID, Category.DISEASE_SUSPECT, new BigDecimal("1.82"),
                ItemKey.CREATININE.canonicalUnit(), new BigDecimal("1.82"), "mg/dL", null, "o1"));
        items.put("egfr", new Judgement.Item(ItemStatus.VALID, Category.DISEASE_SUSPECT, new BigDecimal("41"),
                ItemKey.EGFR.canonicalUnit(), new BigDecimal("41"), "mL/min/{1.73_m2}", null, "o2"));
        items.put("fasting_glucose", new Judgement.Item(ItemStatus.VALID, Category.NORMAL_A, new BigDecimal("92"),
                ItemKey.FASTING_GLUCOSE.canonicalUnit(), new BigDecimal("92"), "mg/dL", null, "o3"));
        return new Judgement("KR-NHIS-GHS-2026", items,
                Map.of("creatinine", new Judgement.UnitJudgement(Category.DISEASE_SUSPECT, null),
                        "egfr", new Judgement.UnitJudgement(Category.DISEASE_SUSPECT, null),
                        "fasting_glucose", new Judgement.UnitJudgement(Category.NORMAL_A, null)),
                new Judgement.Overall("GENERAL_SUSPECT", List.of("GENERAL_SUSPECT"), Category.DISEASE_SUSPECT, true, false));
    }
}
