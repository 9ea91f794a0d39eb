package com.checkupflow.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.checkupflow.center.Centers;
import com.checkupflow.drafting.DraftCheck;
import com.checkupflow.drafting.DraftRequest;
import com.checkupflow.drafting.PatientContext;
import com.checkupflow.drafting.ReferralLetterModel;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.physician.PhysicianProfiles;
import com.checkupflow.privacy.FieldCipher;
import com.checkupflow.screening.PersonalData;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;

/**
 * Referral letters to specialists ({@code cf_referral}): drafted from de-identified findings, signed by a physician,
 * the appointment booked by a coordinator, and rendered like the report. With a model provider the letter goes
 * through the same model path as the report summary ({@link ReferralLetterModel}); a letter the model cannot give,
 * or one that fails the check, is replaced by the template letter, marked as fallback.
 */
@Service
class ReferralService {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SEOUL);

    /** A stored referral; {@code letterHtml} is null until signed. */
    record Referral(String screeningId, String units, String draftText, String finalText, String letterHtml,
                    String signedBy, Instant signedAt, Instant appointmentAt, String appointmentPlace,
                    String provider, String promptVersion, boolean fallback, Boolean checkPassed, String checkFindings) {
    }

    /**
     * A drafted letter for the signer.
     *
     * @param checkNote the findings of the model letter's failed check, one per line, for the sign form; null when
     *                  the check passed or no model was asked
     */
    record DraftedLetter(String text, String checkNote) {
    }

    static final String TEMPLATE_PROVIDER = "template";
    static final String TEMPLATE_VERSION = "referral-template-v1";
    /** Encrypted: the letter prints the patient's name. */
    static final String LETTER_HTML = "cf_referral.letter_html";

    private final PhysicianProfiles physicians;
    private final JdbcClient jdbc;
    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final ReferralLetterDrafter drafter;
    private final ReferralLetterModel model;
    private final ObjectMapper json = new ObjectMapper();
    private final ItemLabels labels;
    private final Centers centers;
    private final String template;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final FieldCipher cipher;

    ReferralService(JdbcClient jdbc, ScreeningRepository screenings, JudgementJson judgementJson,
                    ReferralLetterDrafter drafter, ReferralLetterModel model, ItemLabels labels, Centers centers,
                    PhysicianProfiles physicians, TransactionTemplate transaction, Clock clock, FieldCipher cipher) {
        this.physicians = physicians;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transaction = transaction;
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.drafter = drafter;
        this.model = model;
        this.labels = labels;
        this.centers = centers;
        this.clock = clock;
        try (var in = ReferralService.class.getResourceAsStream("/referral/referral-letter.html")) {
            this.template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Drafts (or drafts again) the letter for the given units. With a model provider the model's letter is used
     * when it passes the check; otherwise the template letter, marked as fallback (with the findings of a failed
     * check for the signer). Nothing personal reaches the model: sex and age band and the referred findings only.
     */
    DraftedLetter draft(String screeningId, List<String> units) {
        // At least once: a redelivered task gets the unsigned letter already drafted for these units, not a second one.
        Optional<DraftedLetter> drafted = unsignedDraft(screeningId, units);
        if (drafted.isPresent()) {
            return drafted.get();
        }
        Screening s = screenings.find(screeningId).orElseThrow();
        Judgement judgement = judgementJson.read(s.judgementJson());
        List<JudgementUnit> referred = new ArrayList<>();
        for (JudgementUnit unit : JudgementUnit.values()) {
            if (units.contains(unit.json())) {
                referred.add(unit);
            }
        }
        String text;
        String provider = TEMPLATE_PROVIDER;
        String promptVersion = TEMPLATE_VERSION;
        boolean fallback = false;
        Boolean checkPassed = null;
        String checkFindings = null;
        String checkNote = null;
        String inputSha256 = null;
        Optional<ReferralLetterModel.Letter> letter = model.enabled()
                ? model.draft(request(s, judgement), referred) : Optional.empty();
        if (letter.isPresent()) {
            DraftCheck check = letter.get().check();
            checkPassed = check.passed();
            checkFindings = json(check.findings());
            inputSha256 = letter.get().inputSha256();
            if (!check.passed()) {
                checkNote = checkNote(check.findings());
            }
        }
        if (letter.isPresent() && letter.get().check().passed()) {
            text = letter.get().text();
            provider = letter.get().provider();
            promptVersion = letter.get().promptVersion();
        } else {
            text = drafter.draft(s, judgement, referred);
            fallback = model.enabled();
        }
        Object[] row = {screeningId, String.join(",", units), text, provider, promptVersion, fallback, checkPassed,
                checkFindings, inputSha256};
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM cf_referral WHERE screening_id = ?").param(screeningId).update();
            jdbc.sql("""
                    INSERT INTO cf_referral (screening_id, units, draft_text, provider, prompt_version, fallback,
                        check_passed, check_findings, input_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row).update();
        });
        return new DraftedLetter(text, checkNote);
    }

    private Optional<DraftedLetter> unsignedDraft(String screeningId, List<String> units) {
        return jdbc.sql("""
                SELECT draft_text, check_passed, check_findings FROM cf_referral
                WHERE screening_id = ? AND units = ? AND signed_at IS NULL""")
                .params(screeningId, String.join(",", units))
                .query((rs, n) -> new DraftedLetter(rs.getString("draft_text"),
                        Boolean.FALSE.equals(rs.getObject("check_passed", Boolean.class))
                                ? checkNote(findings(rs.getString("check_findings"))) : null))
                .optional();
    }

    private static String checkNote(List<DraftCheck.Finding> findings) {
        return findings.stream().map(f -> "- " + f.type() + ": " + f.detail())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private List<DraftCheck.Finding> findings(String findingsJson) {
        try {
            return findingsJson == null ? List.of()
                    : json.readValue(findingsJson, new TypeReference<List<DraftCheck.Finding>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The de-identified request: sex and age (the model sees the age band only); center and date stay local. */
    private DraftRequest request(Screening s, Judgement judgement) {
        PatientContext patient = new PatientContext(s.sex() == null ? null : s.sex().code(), Math.max(s.age(), 0),
                centers.get(s.center()).displayName(s.language()), s.examDate());
        return DraftRequest.firstRound(judgement, patient, s.language());
    }

    private String json(List<DraftCheck.Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException when the letter text is empty; the task then stays open */
    void sign(String screeningId, String letterText, String physician) {
        if (letterText == null || letterText.isBlank()) {
            throw new IllegalArgumentException("의뢰서 내용(referralText)이 비어 있습니다");
        }
        jdbc.sql("UPDATE cf_referral SET final_text = ?, signed_by = ?, signed_at = ? WHERE screening_id = ?")
                .params(letterText, physician, Timestamp.from(clock.instant()), screeningId).update();
        render(screeningId);
    }

    /** @throws IllegalArgumentException when date or place is missing or the date is not a date */
    void book(String screeningId, Object appointmentAt, Object place, String coordinator) {
        List<String> problems = new ArrayList<>();
        Instant at = parse(appointmentAt);
        if (at == null) {
            problems.add("예약 일시(appointmentAt)가 필요합니다 (yyyy-MM-ddTHH:mm)");
        }
        if (place == null || place.toString().isBlank()) {
            problems.add("예약 장소(appointmentPlace)가 필요합니다");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        jdbc.sql("UPDATE cf_referral SET appointment_at = ?, appointment_place = ?, booked_by = ? WHERE screening_id = ?")
                .params(Timestamp.from(at), place.toString().strip(), coordinator, screeningId).update();
        render(screeningId);
    }

    Optional<Referral> find(String screeningId) {
        return jdbc.sql("SELECT * FROM cf_referral WHERE screening_id = ?").param(screeningId)
                .query((rs, n) -> new Referral(rs.getString("screening_id"), rs.getString("units"),
                        rs.getString("draft_text"), rs.getString("final_text"), cipher.decrypt(rs.getString("letter_html"), LETTER_HTML, screeningId),
                        rs.getString("signed_by"), instant(rs.getTimestamp("signed_at")),
                        instant(rs.getTimestamp("appointment_at")), rs.getString("appointment_place"),
                        rs.getString("provider"), rs.getString("prompt_version"), rs.getBoolean("fallback"),
                        (Boolean) rs.getObject("check_passed"), rs.getString("check_findings")))
                .optional();
    }

    private void render(String screeningId) {
        Referral r = find(screeningId).orElseThrow();
        Screening s = screenings.find(screeningId).orElseThrow();
        boolean en = "en".equals(s.language());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("lang", en ? "en" : "ko");
        v.put("title", en ? "Referral letter" : "진료의뢰서");
        v.put("labelCenter", en ? "Screening center" : "검진기관");
        v.put("labelExamDate", en ? "Exam date" : "검진일");
        v.put("labelPatient", en ? "Patient" : "환자");
        v.put("labelAppointment", en ? "Appointment" : "진료 예약");
        v.put("labelSignedBy", en ? "Physician" : "의뢰 의사");
        v.put("center", centers.get(s.center()).displayName(s.language()));
        v.put("examDate", s.examDate() == null ? "" : s.examDate().toString());
        v.put("patient", (s.patient().name() == null ? "" : s.patient().name()) + " · "
                + (s.patient().rrn() == null ? "" : PersonalData.maskRrn(s.patient().rrn()))
                + (s.age() < 0 ? "" : " · " + s.age() + (en ? " years" : "세")));
        v.put("appointment", r.appointmentAt() == null ? "" : TIME.format(r.appointmentAt()) + " · " + r.appointmentPlace());
        v.put("letter", r.finalText() == null ? "" : r.finalText());
        v.put("signer", r.signedBy() == null ? "" : physicians.signature(r.signedBy(), s.language()));
        v.put("signedAt", r.signedAt() == null ? "" : TIME.format(r.signedAt()));
        String html = template;
        for (Map.Entry<String, String> e : v.entrySet()) {
            html = html.replace("{{" + e.getKey() + "}}", HtmlUtils.htmlEscape(e.getValue(), "UTF-8"));
        }
        jdbc.sql("UPDATE cf_referral SET letter_html = ? WHERE screening_id = ?")
                .params(cipher.encrypt(html, LETTER_HTML, screeningId), screeningId).update();
    }

    /** The Tasklist's datetime field sends {@code 2026-12-01T10:00} (local, Asia/Seoul) or an offset date-time. */
    static Instant parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return LocalDateTime.parse(text).atZone(SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return LocalDate.parse(text).atStartOfDay(SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
