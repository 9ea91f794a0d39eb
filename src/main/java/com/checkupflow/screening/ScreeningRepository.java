package com.checkupflow.screening;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.TreatedDisease;
import com.checkupflow.privacy.FieldCipher;

/**
 * Our screening tables. Runs inside the caller's transaction, which the engine shares. The direct identifiers (name,
 * RRN, the rendered report, which prints the name, and the original Bundle) are stored encrypted ({@link FieldCipher})
 * and come back decrypted; the RRN is found by its keyed hash. The long values (report, Bundle, judgement) are deflated
 * before they are encrypted.
 */
@Repository
public class ScreeningRepository {

    static final String NAME = "cf_screening.patient_name";
    static final String RRN = "cf_screening.patient_rrn";
    static final String REPORT_HTML = "cf_screening.report_html";
    static final String BUNDLE = "cf_screening_bundle.bundle_json";
    static final String JUDGEMENT = "cf_screening.judgement_json";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ScreeningRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The RRN's digits, hashed with the lookup key: the same person gives the same hash, hyphen or not. */
    static String rrnHash(FieldCipher cipher, String rrn) {
        return rrn == null ? null : cipher.lookupHash(rrn.replaceAll("\\D", ""));
    }

    /** A value too long for the column it would be stored in; {@code field} names it as the client sent it. */
    public record TooLong(String field, int maxLength) {
    }

    /**
     * Every value of {@link #insert} and {@link #insertItems(String, Collection)} longer than its column
     * (V1__screenings.sql), so that intake rejects it before the insert instead of the database failing it in the
     * middle of the transaction.
     */
    public List<TooLong> tooLong(Screening s, Collection<CanonicalItem> items) {
        List<TooLong> found = new ArrayList<>();
        check(found, "Bundle.identifier.system", s.sourceSystem(), 255);
        check(found, "Bundle.identifier.value", s.sourceValue(), 255);
        check(found, "Patient.name", s.patient().name(), 200);
        check(found, "Patient.identifier (RRN)", s.patient().rrn(), 20);
        check(found, "Patient (problems)", String.join(",", s.patient().problems()), 1000);
        for (CanonicalItem item : items) {
            String name = "Observation " + item.key().json();
            check(found, name + " value (canonical)", item.value() == null ? null : item.value().toPlainString(), 32);
            check(found, name + " code", item.code(), 32);
            check(found, name + " value", item.reportedValue() == null ? null : reportedText(item.reportedValue()), 64);
            check(found, name + " unit", item.reportedUnit(), 32);
            check(found, name + " id", item.observationId(), 128);
        }
        return found;
    }

    private static void check(List<TooLong> found, String field, String value, int max) {
        if (value != null && value.length() > max) {
            found.add(new TooLong(field, max));
        }
    }

    /** Inserts the screening row; a second row for the same source identifier fails with DuplicateKeyException. */
    public void insert(Screening s, String bundleJson) {
        insert(s, bundleJson, null);
    }

    /**
     * As {@link #insert(Screening, String)}, with the intake's content digest ({@link #contentHash}); the row carries
     * {@link Screening#processInstanceId()} as given (intake starts the workflow first, in the same transaction, so
     * that the row is written once and not rewritten to add the id).
     */
    public void insert(Screening s, String bundleJson, String contentHash) {
        jdbc.sql("""
                INSERT INTO cf_screening (id, center, source_system, source_value, process_instance_id, language,
                    stage, received_at, exam_date, patient_name, patient_sex, patient_birth_date, patient_rrn,
                    patient_rrn_hash, patient_problems, lipids_scheduled, treated_diseases, content_hash)
                VALUES (:id, :center, :system, :value, :processInstanceId, :language, :stage, :receivedAt, :examDate,
                    :name, :sex, :birthDate, :rrn, :rrnHash, :problems, :lipids, :treated, :contentHash)""")
                .param("id", s.id())
                .param("center", s.center())
                .param("system", s.sourceSystem())
                .param("value", s.sourceValue())
                .param("processInstanceId", s.processInstanceId())
                .param("language", s.language())
                .param("stage", s.stage().name())
                .param("receivedAt", Timestamp.from(s.receivedAt()))
                .param("examDate", s.examDate())
                .param("name", cipher.encrypt(s.patient().name(), NAME, s.id()))
                .param("sex", s.patient().sex() == null ? null : s.patient().sex().name())
                .param("birthDate", s.patient().birthDate())
                .param("rrn", cipher.encrypt(s.patient().rrn(), RRN, s.id()))
                .param("rrnHash", rrnHash(cipher, s.patient().rrn()))
                .param("problems", String.join(",", s.patient().problems()))
                .param("lipids", s.lipidsScheduled())
                .param("treated", s.treatedDiseases().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("contentHash", contentHash)
                .update();
        jdbc.sql("INSERT INTO cf_screening_bundle (screening_id, bundle_json) VALUES (?, ?)")
                .params(s.id(), cipher.encryptCompressed(bundleJson, BUNDLE, s.id()))
                .update();
    }

    /** A keyed hash of a received screening's content: compares re-posts without storing a digest of personal data. */
    public String contentHash(String canonicalContent) {
        return cipher.lookupHash(canonicalContent);
    }

    /**
     * The screening already received under a source identifier; {@code contentHash} is null for rows before V30.
     *
     * @param center the center it was received for: the same Bundle sent to another center is told so
     */
    public record Received(String id, String center, String contentHash) {
    }

    public Optional<Received> findReceivedBySource(String system, String value) {
        return jdbc.sql("SELECT id, center, content_hash FROM cf_screening WHERE source_system = ? AND source_value = ?")
                .params(system, value)
                .query((rs, n) -> new Received(rs.getString("id"), rs.getString("center"), rs.getString("content_hash")))
                .optional();
    }

    /**
     * The columns {@link #mapScreening} reads besides the issued text and the report, which each query supplies its
     * own way: one list, so a column the mapping adds reaches every query that maps a screening.
     */
    private static final String SCREENING_COLUMNS = """
            s.id, s.center, s.source_system, s.source_value, s.process_instance_id, s.language, s.stage, s.received_at,
            s.exam_date, s.patient_name, s.patient_sex, s.patient_birth_date, s.patient_rrn, s.patient_problems,
            s.lipids_scheduled, s.treated_diseases, s.judgement_json, s.critical_findings, s.issued_at, s.issued_by""";

    /**
     * The issued text: {@code cf_screening.final_text} for reports issued before it was read from the review, else the
     * text of the decision that signed it (the same text: both came from the review's {@code finalText}), which is its
     * {@code cf_review.signed_text} or, when it signed the draft it saw unchanged, that draft; null until issued.
     */
    private static final String ISSUED_TEXT = """
            CASE WHEN s.issued_at IS NULL THEN NULL ELSE COALESCE(s.final_text, (
                SELECT COALESCE(r.signed_text, r.draft_text, d.text) FROM cf_review r
                LEFT JOIN cf_draft d ON d.screening_id = r.screening_id AND d.round = r.draft_round
                WHERE r.screening_id = s.id AND r.decision IN ('APPROVE', 'WRITE_MANUALLY')
                ORDER BY r.id DESC FETCH FIRST 1 ROWS ONLY)) END AS issued_text""";

    public Optional<Screening> find(String id) {
        return jdbc.sql("SELECT " + SCREENING_COLUMNS + ", s.report_html, " + ISSUED_TEXT
                        + " FROM cf_screening s WHERE s.id = ?")
                .param(id).query(this::mapScreening).optional();
    }

    /**
     * The screening as issuing its report reads it: without the issued text and the report, which the issue is about
     * to write (both null here), so the signing review's text is not looked up and an earlier report not decrypted.
     */
    public Optional<Screening> beforeIssue(String id) {
        return jdbc.sql("SELECT " + SCREENING_COLUMNS + ", CAST(NULL AS VARCHAR) AS issued_text,"
                        + " CAST(NULL AS VARCHAR) AS report_html FROM cf_screening s WHERE s.id = ?")
                .param(id).query(this::mapScreening).optional();
    }

    /** What sending an issued report needs; the report as signed, decrypted. */
    public record IssuedReport(String center, String language, LocalDate examDate, String reportHtml) {
    }

    /**
     * The issued report and the few columns its delivery prints, without decrypting the patient's name, RRN and
     * judgement nor looking up the issued text, which {@link #find} does; empty before the report is issued.
     */
    public Optional<IssuedReport> issuedReport(String id) {
        return jdbc.sql("SELECT center, language, exam_date, report_html FROM cf_screening WHERE id = ? AND report_html IS NOT NULL")
                .param(id)
                .query((rs, n) -> new IssuedReport(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        cipher.decrypt(rs.getString(4), REPORT_HTML, id)))
                .optional();
    }

    /**
     * The same person's latest judged screening before this one (matched by the RRN's keyed hash, never by the RRN
     * itself) at the same center (staff see only their center's screenings), for what changed since; empty when
     * there is none or the screening has no RRN.
     */
    public Optional<Screening> previousJudged(String id) {
        return jdbc.sql("SELECT " + SCREENING_COLUMNS + ", s.report_html, " + ISSUED_TEXT + """
                 FROM cf_screening s JOIN cf_screening c ON c.patient_rrn_hash = s.patient_rrn_hash
                WHERE c.id = ? AND s.id <> c.id AND s.center = c.center AND s.judgement_json IS NOT NULL
                  AND COALESCE(s.exam_date, CAST(s.received_at AS DATE)) < COALESCE(c.exam_date, CAST(c.received_at AS DATE))
                ORDER BY COALESCE(s.exam_date, CAST(s.received_at AS DATE)) DESC, s.received_at DESC
                FETCH FIRST 1 ROWS ONLY""").param(id).query(this::mapScreening).optional();
    }

    /** The stored judgement (JSON), empty before the screening is judged. */
    public Optional<String> judgementJson(String id) {
        return jdbc.sql("SELECT judgement_json FROM cf_screening WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(judgement(rs.getString(1), id))).optional().flatMap(o -> o);
    }

    /** Deflated and encrypted ({@code enc1z}); judgements stored by earlier versions are plain JSON, read as they are. */
    private String judgement(String stored, String id) {
        return FieldCipher.isEncrypted(stored) ? cipher.decrypt(stored, JUDGEMENT, id) : stored;
    }

    public Optional<String> bundleJson(String id) {
        return jdbc.sql("SELECT bundle_json FROM cf_screening_bundle WHERE screening_id = ?")
                .param(id).query(String.class).optional().map(json -> cipher.decrypt(json, BUNDLE, id));
    }

    /**
     * Retention: replaces the original Bundle by what the issued report still needs, and the RRN by its masked form
     * (all the report and the API show); the keyed hash stays, so the patient's screenings still match.
     */
    public void reduceBundle(String id, String reducedJson, Instant at) {
        jdbc.sql("UPDATE cf_screening_bundle SET bundle_json = ?, reduced_at = ? WHERE screening_id = ?")
                .params(cipher.encryptCompressed(reducedJson, BUNDLE, id), Timestamp.from(at), id).update();
        find(id).map(s -> s.patient().rrn()).ifPresent(rrn -> jdbc.sql("UPDATE cf_screening SET patient_rrn = ? WHERE id = ?")
                .params(cipher.encrypt(PersonalData.maskRrn(rrn), RRN, id), id).update());
    }

    /**
     * A row already at the stage is not written: each write rewrites the whole row (its encrypted columns and
     * report included), and a screening's first draft finds it at DRAFTING already (set with its judgement).
     */
    public void updateStage(String id, Stage stage) {
        jdbc.sql("UPDATE cf_screening SET stage = ? WHERE id = ? AND stage <> ?").params(stage.name(), id, stage.name())
                .update();
    }

    /**
     * Records a judgement, the deployed decision definition (id of {@code screening_judgement}'s version) that made it
     * and the stage it leads to, in one statement.
     */
    public void saveJudgement(String id, String judgementJson, List<String> criticalFindings, String decisionDefinitionId,
                              Stage stage) {
        jdbc.sql("""
                UPDATE cf_screening SET judgement_json = ?, critical_findings = ?, judged_by_decision = ?, stage = ?
                WHERE id = ?""")
                .params(cipher.encryptCompressed(judgementJson, JUDGEMENT, id), String.join("\n", criticalFindings),
                        decisionDefinitionId, stage.name(), id)
                .update();
    }

    /** Empty when the screening is not judged yet, or was judged before the version was recorded. */
    public Optional<String> judgingRules(String id) {
        return jdbc.sql("SELECT judged_by_decision FROM cf_screening WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** The ids of the center's last {@code limit} judged screenings, newest first. */
    public List<String> lastJudged(String center, int limit) {
        return jdbc.sql("""
                SELECT id FROM cf_screening WHERE center = ? AND judgement_json IS NOT NULL
                ORDER BY received_at DESC, id DESC LIMIT ?""")
                .params(center, limit).query(String.class).list();
    }

    /** The issued text itself is not copied here: it is the signing review's ({@link #find}). */
    public void saveIssuedReport(String id, String reportHtml, String issuedBy, Instant issuedAt) {
        jdbc.sql("""
                UPDATE cf_screening SET report_html = ?, issued_by = ?, issued_at = ?, stage = ?
                WHERE id = ?""")
                .params(cipher.encryptCompressed(reportHtml, REPORT_HTML, id), issuedBy, Timestamp.from(issuedAt),
                        Stage.ISSUED.name(), id)
                .update();
    }

    /** The items of a screening just inserted (it has none yet). */
    public void insertItems(String id, Collection<CanonicalItem> items) {
        insertItems(id, items, false);
    }

    public void replaceItem(String id, CanonicalItem item) {
        jdbc.sql("DELETE FROM cf_screening_item WHERE screening_id = ? AND item_key = ?")
                .params(id, item.key().json()).update();
        insertItems(id, List.of(item), true);
    }

    /**
     * One INSERT of all rows: a screening's 19 items were 19 statements (H2 parses and runs each, PostgreSQL answers
     * each over the network), and the rows stand or fail together either way, in the caller's transaction.
     */
    private void insertItems(String id, Collection<CanonicalItem> items, boolean corrected) {
        if (items.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(items.size() * 10);
        for (CanonicalItem item : items) {
            values.addAll(Arrays.asList(id, item.key().json(), item.status().name(),
                    item.value() == null ? null : item.value().toPlainString(), item.code(),
                    item.reportedValue() == null ? null : reportedText(item.reportedValue()),
                    item.reportedUnit(), item.invalidReason() == null ? null : item.invalidReason().name(),
                    item.observationId(), corrected));
        }
        jdbc.sql("""
                INSERT INTO cf_screening_item (screening_id, item_key, status, item_value, item_code, reported_value,
                    reported_unit, invalid_reason, observation_id, corrected)
                VALUES """ + String.join(", ", Collections.nCopies(items.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
                .params(values)
                .update();
    }

    private static String reportedText(Object reported) {
        return reported instanceof BigDecimal d ? d.toPlainString() : reported.toString();
    }

    public Map<ItemKey, CanonicalItem> items(String id) {
        Map<ItemKey, CanonicalItem> items = new EnumMap<>(ItemKey.class);
        for (ItemKey key : ItemKey.values()) {
            items.put(key, CanonicalItem.missing(key));
        }
        jdbc.sql("SELECT * FROM cf_screening_item WHERE screening_id = ?").param(id)
                .query((rs, n) -> mapItem(rs))
                .list()
                .forEach(item -> items.put(item.key(), item));
        return items;
    }

    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    private static CanonicalItem mapItem(ResultSet rs) throws SQLException {
        ItemKey key = ItemKey.fromJson(rs.getString("item_key")).orElseThrow();
        String reason = rs.getString("invalid_reason");
        InvalidReason invalidReason = reason == null ? null : InvalidReason.valueOf(reason);
        String reported = rs.getString("reported_value");
        Object reportedValue = reported;
        // a plain decimal only: a text, a list of conflicting readings or a huge number (1E+308) stays the text it was
        if (reported != null && !key.coded() && invalidReason != InvalidReason.NON_NUMERIC
                && PLAIN_DECIMAL.matcher(reported).matches()) {
            reportedValue = new BigDecimal(reported);
        }
        String value = rs.getString("item_value");
        return new CanonicalItem(key, ItemStatus.valueOf(rs.getString("status")),
                value == null ? null : new BigDecimal(value),
                rs.getString("item_code"), reportedValue, rs.getString("reported_unit"), invalidReason,
                rs.getString("observation_id"));
    }

    private Screening mapScreening(ResultSet rs, int rowNum) throws SQLException {
        String sex = rs.getString("patient_sex");
        String problems = rs.getString("patient_problems");
        String treated = rs.getString("treated_diseases");
        String critical = rs.getString("critical_findings");
        Timestamp issuedAt = rs.getTimestamp("issued_at");
        String id = rs.getString("id");
        PatientInfo patient = new PatientInfo(null, cipher.decrypt(rs.getString("patient_name"), NAME, id),
                sex == null ? null : Sex.valueOf(sex), rs.getObject("patient_birth_date", LocalDate.class),
                cipher.decrypt(rs.getString("patient_rrn"), RRN, id), split(problems));
        Set<TreatedDisease> diseases = EnumSet.noneOf(TreatedDisease.class);
        split(treated).forEach(d -> diseases.add(TreatedDisease.valueOf(d)));
        return new Screening(id, rs.getString("center"), rs.getString("source_system"),
                rs.getString("source_value"), rs.getString("process_instance_id"), rs.getString("language"),
                Stage.valueOf(rs.getString("stage")), rs.getTimestamp("received_at").toInstant(),
                rs.getObject("exam_date", LocalDate.class), patient, rs.getBoolean("lipids_scheduled"), diseases,
                judgement(rs.getString("judgement_json"), id), lines(critical),
                rs.getString("issued_text"), cipher.decrypt(rs.getString("report_html"), REPORT_HTML, id),
                issuedAt == null ? null : issuedAt.toInstant(), rs.getString("issued_by"));
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().filter(s -> !s.isBlank()).toList();
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
