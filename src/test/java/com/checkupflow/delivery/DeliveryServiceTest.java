package com.checkupflow.delivery;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.intake.BundleParser;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import ca.uhn.fhir.context.FhirContext;
import jakarta.mail.internet.MimeMessage;

/**
 * The outbox against a real (H2) database with the project's migrations and a real SMTP server (GreenMail): one
 * message per issued report, however often the delivery job runs and wherever it crashed.
 */
class DeliveryServiceTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String EMAIL = "nan.patient@example.com";
    private static final String ID = "scr-1";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path outboxDir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC);
    private final ScreeningRepository screenings = mock(ScreeningRepository.class);
    private DataSourceTransactionManager transactions;
    private JdbcClient jdbc;
    private OutboxRepository repository;

    @BeforeEach
    void setUp() throws Exception {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:delivery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        transactions = new DataSourceTransactionManager(ds);
        jdbc = JdbcClient.create(ds);
        jdbc.sql("""
                INSERT INTO cf_screening (id, center, source_system, source_value, language, stage, received_at,
                    lipids_scheduled) VALUES (?, 'gangnam', 'urn:test', ?, 'ko', 'ISSUED', CURRENT_TIMESTAMP, FALSE)""")
                .params(ID, ID).update();
        repository = spy(new OutboxRepository(jdbc));
        when(screenings.bundleJson(ID)).thenReturn(Optional.of(bundleWithEmail()));
    }

    @Test
    void shouldSendOneEmailWhenTheDeliveryJobRunsTwice() throws Exception {
        DeliveryService service = service(properties(true, 3), mailSender(greenMail.getSmtp().getPort()));
        outbox(properties(true, 3)).enqueueReport(ID);

        Assertions.assertThat(inJob(() -> service.deliverReport(ID))).isEqualTo(DeliveryService.Outcome.SENT);
        Assertions.assertThat(inJob(() -> service.deliverReport(ID))).isEqualTo(DeliveryService.Outcome.ALREADY_SENT);

        MimeMessage[] received = greenMail.getReceivedMessages();
        Assertions.assertThat(received).hasSize(1);
        Assertions.assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(EMAIL);
        Assertions.assertThat(received[0].getMessageID()).isEqualTo("<report-scr-1@checkupflow>");
        Assertions.assertThat(received[0].getSubject()).isEqualTo("[강남센터] 건강검진 결과통보서");
        Assertions.assertThat(status()).isEqualTo("SENT");
        verify(screenings, times(1)).updateStage(ID, Stage.DELIVERED);
    }

    @Test
    void shouldReadTheReceiptWithTheMessageWhenTheChannelHandedItOver() {
        outbox(properties(false, 3)).enqueueReport(ID);
        String key = Outbox.key(Outbox.REPORT, ID);
        Assertions.assertThat(repository.find(key).orElseThrow().received()).isFalse();

        repository.insertReceipt(key, FolderDeliveryChannel.NAME, "file-1", clock.instant());

        Assertions.assertThat(repository.find(key).orElseThrow().received()).isTrue();
    }

    @Test
    void shouldNotSendAgainWhenMarkingSentFailedAfterTheMailLeft() {
        DeliveryService service = service(properties(true, 3), mailSender(greenMail.getSmtp().getPort()));
        outbox(properties(true, 3)).enqueueReport(ID);
        doThrow(new IllegalStateException("crash after the hand-over")).doCallRealMethod()
                .when(repository).markSent(anyLong(), any());

        Assertions.assertThatThrownBy(() -> inJob(() -> service.deliverReport(ID))).hasMessageContaining("crash");
        Assertions.assertThat(status()).as("the job's transaction rolled back").isEqualTo("PENDING");

        Assertions.assertThat(inJob(() -> service.deliverReport(ID))).isEqualTo(DeliveryService.Outcome.ALREADY_SENT);
        Assertions.assertThat(greenMail.getReceivedMessages()).hasSize(1);
        Assertions.assertThat(status()).isEqualTo("SENT");
    }

    @Test
    void shouldWriteOneFileToTheFolderOutboxWhenPatientHasNoEmailAndJobRunsTwice() throws Exception {
        when(screenings.bundleJson(ID)).thenReturn(Optional.empty());
        DeliveryService service = service(properties(true, 3), mailSender(greenMail.getSmtp().getPort()));
        outbox(properties(true, 3)).enqueueReport(ID);
        outbox(properties(true, 3)).enqueueReport(ID);

        inJob(() -> service.deliverReport(ID));
        inJob(() -> service.deliverReport(ID));

        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_outbox").query(Integer.class).single()).isEqualTo(1);
        try (var files = Files.list(outboxDir)) {
            Assertions.assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report-scr-1.pdf");
        }
        Assertions.assertThat(Files.readAllBytes(outboxDir.resolve("report-scr-1.pdf"))).startsWith("%PDF".getBytes());
        Assertions.assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldHandOverToCoordinatorWhenTheChannelFailsMaxAttemptsTimes() {
        DeliveryService service = service(properties(true, 3), mailSender(1));
        outbox(properties(true, 3)).enqueueReport(ID);

        for (int attempt = 1; attempt <= 3; attempt++) {
            int expected = attempt;
            Assertions.assertThatThrownBy(() -> inJob(() -> service.deliverReport(ID)))
                    .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                        Assertions.assertThat(e.reason()).isEqualTo("mail_send_failed");
                        Assertions.assertThat(e.attempts()).isEqualTo(expected);
                        Assertions.assertThat(e.exhausted()).isEqualTo(expected == 3);
                    });
        }
        Assertions.assertThat(status()).isEqualTo("FAILED");

        service.resolveReport(ID, DeliveryService.Resolution.RETRY_BY_POST, "coordinatorJeju", null);
        Assertions.assertThat(inJob(() -> service.deliverReport(ID))).isEqualTo(DeliveryService.Outcome.SENT);
        Assertions.assertThat(outboxDir.resolve("report-scr-1.pdf")).exists();
    }

    @Test
    void shouldKeepTheNoteApartFromFailureReasonsWhenTheReportIsHandedOverByHand() {
        DeliveryService service = service(properties(true, 1), mailSender(1));
        outbox(properties(true, 1)).enqueueReport(ID);
        Assertions.assertThatThrownBy(() -> inJob(() -> service.deliverReport(ID)))
                .isInstanceOf(DeliveryFailedException.class);

        service.resolveReport(ID, DeliveryService.Resolution.DELIVERED_MANUALLY, "coordinatorJeju", "창구에서 직접 전달");

        Map<String, Object> row = jdbc.sql("SELECT status, last_error, resolution_note, resolved_by FROM cf_outbox")
                .query().singleRow();
        Assertions.assertThat(row).containsEntry("STATUS", "DELIVERED_MANUALLY").containsEntry("LAST_ERROR", null)
                .containsEntry("RESOLUTION_NOTE", "창구에서 직접 전달").containsEntry("RESOLVED_BY", "coordinatorJeju");
    }

    @Test
    void shouldUseTheFolderOutboxWhenEmailIsDisabled() {
        outbox(properties(false, 3)).enqueueReport(ID);

        Assertions.assertThat(jdbc.sql("SELECT channel FROM cf_outbox").query(String.class).single()).isEqualTo("FOLDER");
    }

    // ---------------------------------------------------------------- helpers

    private <T> T inJob(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(tx -> work.get());
    }

    private String status() {
        return jdbc.sql("SELECT status FROM cf_outbox WHERE screening_id = ?").param(ID).query(String.class).single();
    }

    private DeliveryProperties properties(boolean email, int maxAttempts) {
        return new DeliveryProperties(outboxDir, email, "reports@checkupflow.example", maxAttempts);
    }

    private Outbox outbox(DeliveryProperties properties) {
        return new Outbox(repository, new PatientContacts(screenings, new BundleParser(FHIR)), properties, clock);
    }

    private DeliveryService service(DeliveryProperties properties, JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        List<DeliveryChannel> channels = List.of(new MailDeliveryChannel(beans.getBeanProvider(JavaMailSender.class), properties),
                new FolderDeliveryChannel(properties));
        DeliveryDocuments documents = id -> new DeliveryDocuments.Document("[강남센터] 건강검진 결과통보서",
                "2026-11-18 건강검진 결과통보서를 PDF로 보내드립니다.", "report-2026-11-18.pdf", "%PDF-1.4 test".getBytes());
        return new DeliveryService(repository, channels, documents, new PatientContacts(screenings, new BundleParser(FHIR)), screenings,
                properties, transactions, clock);
    }

    private static JavaMailSender mailSender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    /** A Bundle as intake stored it, whose glucose is the string "abc": the address is still read. */
    private static String bundleWithEmail() throws Exception {
        return PatientContactsTest.bundle("abc");
    }
}
