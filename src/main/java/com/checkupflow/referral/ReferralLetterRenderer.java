package com.checkupflow.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.ai.KindDescription;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.center.CenterTime;
import com.checkupflow.center.Centers;
import com.checkupflow.document.DocumentTemplates;
import com.checkupflow.physician.PhysicianProfiles;
import com.checkupflow.screening.PersonalData;
import com.checkupflow.screening.Screening;

/**
 * The signed letter as XHTML for the PDF ({@code documents/referral-letter/letter.html}, Thymeleaf in XML mode: every value
 * escaped), and the appointment times as the Tasklist sends them and the letter prints them (Asia/Seoul).
 */
@Component
class ReferralLetterRenderer {

    /** The referral letter kind's renderer ({@code renderer} of {@code documents/referral-letter/kind.properties}). */
    static final String TEMPLATE = KindDescription.load(PromptTemplates.REFERRAL_LETTER_KIND).resource("renderer");

    private final DocumentTemplates templates;
    private final Centers centers;
    private final PhysicianProfiles physicians;

    ReferralLetterRenderer(DocumentTemplates templates, Centers centers, PhysicianProfiles physicians) {
        this.templates = templates;
        this.centers = centers;
        this.physicians = physicians;
    }

    String render(ReferralRepository.Referral r, Screening s) {
        boolean en = "en".equals(s.language());
        Map<String, Object> v = new HashMap<>();
        v.put("lang", en ? "en" : "ko");
        v.put("title", en ? "Referral letter" : "진료의뢰서");
        v.put("labelCenter", en ? "Screening center" : "검진기관");
        v.put("labelExamDate", en ? "Exam date" : "검진일");
        v.put("labelPatient", en ? "Patient" : "환자");
        v.put("labelAppointment", en ? "Appointment" : "진료 예약");
        v.put("labelSignedBy", en ? "Physician" : "의뢰 의사");
        v.put("center", centers.get(s.center()).displayName(s.language()));
        v.put("examDate", s.examDate() == null ? "" : s.examDate().toString());
        v.put("patient", (s.patient().name() == null || s.patient().name().isBlank()
                ? (en ? "name unknown" : "이름 없음") : s.patient().name()) + " · "
                + (s.patient().rrn() == null ? "" : PersonalData.maskRrn(s.patient().rrn()))
                + (s.age() < 0 ? "" : " · " + s.age() + (en ? " years" : "세")));
        v.put("appointment", r.appointmentAt() == null ? "" : CenterTime.format(r.appointmentAt()) + " · " + r.appointmentPlace());
        v.put("letter", r.finalText() == null ? "" : r.finalText());
        v.put("signer", r.signedBy() == null ? "" : physicians.signature(r.signedBy(), s.language()));
        v.put("signedAt", r.signedAt() == null ? "" : CenterTime.format(r.signedAt()));
        return templates.xhtml(TEMPLATE, v);
    }

    /** The Tasklist's datetime field sends {@code 2026-12-01T10:00} (local, Asia/Seoul) or an offset date-time. */
    /** An instant as the letter prints it: Seoul time, "2026-12-15 14:30 (KST)". */
    static String format(Instant instant) {
        return CenterTime.format(instant);
    }

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
            // the booking form's "2026-12-15 14:30 (KST)" (a blank for the ISO 'T')
            return LocalDateTime.parse(text.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2})$", "$1T$2"))
                    .atZone(CenterTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return LocalDate.parse(text).atStartOfDay(CenterTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
