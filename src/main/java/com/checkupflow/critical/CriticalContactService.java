package com.checkupflow.critical;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.center.CenterTime;
import com.checkupflow.center.Centers;
import com.checkupflow.delivery.PatientContacts;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;

/** What the critical-result form shows, and every contact attempt recorded in {@code cf_critical_contact}. */
@Service
class CriticalContactService {

    private static final Logger LOG = LoggerFactory.getLogger(CriticalContactService.class);

    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final ItemLabels labels;
    private final Centers centers;
    private final PatientContacts contacts;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    CriticalContactService(ScreeningRepository screenings, JudgementJson judgementJson, ItemLabels labels,
                           Centers centers, PatientContacts contacts, JdbcClient jdbc,
                           PlatformTransactionManager transactions, Clock clock) {
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.labels = labels;
        this.centers = centers;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * The form's facts: the findings with values, units and thresholds in words, the number to call and, after an
     * unanswered call, how many attempts went unanswered and when the last one was.
     */
    record Facts(String language, String findings, String phone, Optional<String> attempts) {
    }

    Facts facts(String screeningId) {
        Screening s = screenings.find(screeningId).orElseThrow();
        String language = "en".equals(centers.get(s.center()).language()) ? "en" : "ko";
        String findings = CriticalTexts.findings(s.criticalFindings(), judgementJson.read(s.judgementJson()), labels,
                language);
        List<Contact> unanswered = history(screeningId).stream().filter(c -> !c.reached()).toList();
        Optional<String> attempts = unanswered.isEmpty() ? Optional.empty()
                : Optional.of(CriticalTexts.text("attempts", language, unanswered.size(),
                        CenterTime.format(unanswered.get(unanswered.size() - 1).contactedAt())));
        return new Facts(language, findings, phone(screeningId, language), attempts);
    }

    /** Whatever goes wrong reading the contacts, the task to call the patient is still created and says so. */
    private String phone(String screeningId, String language) {
        try {
            return contacts.phone(screeningId).map(p -> CriticalTexts.text("phone", language, p))
                    .orElseGet(() -> CriticalTexts.text("no-phone", language));
        } catch (RuntimeException e) {
            // the class only: the message can quote the Bundle (personal data)
            LOG.warn("Contacts of screening {} unreadable for its critical-result task: {}", screeningId,
                    e.getClass().getName());
            return CriticalTexts.text("contacts-unreadable", language);
        }
    }

    /** One attempt to reach the patient. */
    record Contact(String taskId, boolean escalated, boolean reached, String method, String note, String contactedBy,
                   Instant contactedAt) {
    }

    void record(String screeningId, Contact contact) {
        jdbc.sql("""
                INSERT INTO cf_critical_contact (screening_id, task_id, escalated, reached, method, note, contacted_by,
                    contacted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(screeningId, contact.taskId(), contact.escalated(), contact.reached(), contact.method(),
                        contact.note(), contact.contactedBy(), Timestamp.from(contact.contactedAt()))
                .update();
    }

    /**
     * An unanswered attempt of a task of a version before versionTag 4 is kept although the task stays open (its
     * completion is refused and rolled back).
     */
    void recordOnItsOwn(String screeningId, Contact contact) {
        ownTransaction.executeWithoutResult(status -> record(screeningId, contact));
    }

    Instant now() {
        return clock.instant();
    }

    List<Contact> history(String screeningId) {
        return jdbc.sql("SELECT * FROM cf_critical_contact WHERE screening_id = ? ORDER BY id").param(screeningId)
                .query((rs, n) -> new Contact(rs.getString("task_id"), rs.getBoolean("escalated"),
                        rs.getBoolean("reached"), rs.getString("method"), rs.getString("note"),
                        rs.getString("contacted_by"), rs.getTimestamp("contacted_at").toInstant()))
                .list();
    }
}
