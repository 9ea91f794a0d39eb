package com.checkupflow.ai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.privacy.PersonalDataScrubber;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Everything a model sees passes through here. The model input is built from the judgement only (items,
 * categories, values, units, observation ids), the sex and a five-year age band; the center, the exam date and
 * every identifier stay out. Free text that may reach a prompt (the reviewer's note, check findings fed back
 * for a redraft) is scrubbed: the screened person's known identifiers are replaced first, then the personal-data
 * patterns of {@link PersonalDataScrubber} (RRN, date, phone, e-mail, address, record id, a name next to a relation,
 * role, title or honorific). Nothing is re-identified: the report needs no personal data, so tokens never come back.
 */
@Component
public class Deidentifier {

    /** The screened person's own identifiers, removed verbatim wherever they appear. */
    public record KnownIdentifiers(String name, String rrn, LocalDate birthDate, String patientId) {
        static final KnownIdentifiers NONE = new KnownIdentifiers(null, null, null, null);
    }

    /** The de-identified model input: canonical JSON and its SHA-256 (stored with the draft). */
    public record Input(String json, String sha256, String language, List<String> observationIds, String feedback) {
    }

    private static final DateTimeFormatter[] BIRTH_FORMATS = {
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy.MM.dd"), DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("yyMMdd"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy/MM/dd")};

    private final TemplateTexts texts;
    private final ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

    public Deidentifier(TemplateTexts texts) {
        this.texts = texts;
    }

    /** Free text with personal data replaced by tokens; null stays null. */
    public String scrub(String text, KnownIdentifiers known) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String out = text;
        KnownIdentifiers k = known == null ? KnownIdentifiers.NONE : known;
        if (k.rrn() != null && k.rrn().replaceAll("\\D", "").length() >= 7) {
            String digits = k.rrn().replaceAll("\\D", "");
            out = out.replaceAll(digits.substring(0, 6) + "\\s?[-–]?\\s?" + digits.substring(6),
                    PersonalDataScrubber.TOKEN_RRN);
        }
        if (k.birthDate() != null) {
            for (DateTimeFormatter f : BIRTH_FORMATS) {
                out = out.replace(k.birthDate().format(f), PersonalDataScrubber.TOKEN_DATE);
            }
        }
        if (k.patientId() != null && k.patientId().length() >= 3) {
            out = out.replace(k.patientId(), PersonalDataScrubber.TOKEN_ID);
        }
        if (k.name() != null && !k.name().isBlank()) {
            String name = k.name().trim();
            out = out.replace(name, PersonalDataScrubber.TOKEN_NAME)
                    .replace(name.replace(" ", ""), PersonalDataScrubber.TOKEN_NAME);
            for (String part : name.split("\\s+")) {
                if (part.length() >= 2) {
                    out = out.replace(part, PersonalDataScrubber.TOKEN_NAME);
                }
            }
            if (name.length() >= 3 && name.matches("[가-힣]+")) {
                out = out.replace(name.substring(1), PersonalDataScrubber.TOKEN_NAME); // the given name alone ("민수")
            }
        }
        return PersonalDataScrubber.scrub(out);
    }

    /** "50-54" for 52; "unknown" when the age is not known. */
    public static String ageBand(int age) {
        if (age <= 0) {
            return "unknown";
        }
        int low = age / 5 * 5;
        return low + "-" + (low + 4);
    }

    /**
     * The model input: only the judgement, the sex, the age band, the language and the (already scrubbed,
     * scrubbed again here) feedback. Keys are in a fixed order, so equal inputs hash equally.
     */
    public Input input(DraftRequest request) {
        return input(request, null);
    }

    /**
     * The referral letter's model input: as {@link #input(DraftRequest)}, but only the referred units and their
     * items, with {@code referredUnits} named; no feedback. Sex and age band only, like every model input.
     */
    public Input referralInput(DraftRequest request, List<JudgementUnit> referred) {
        return input(request, List.copyOf(referred));
    }

    private Input input(DraftRequest request, List<JudgementUnit> referred) {
        TemplateTexts.Bundle b = texts.bundle(request.language());
        Judgement j = request.judgement();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("language", b.language());
        root.put("sex", request.patient().sex() == null ? "unknown" : request.patient().sex());
        root.put("ageBand", ageBand(request.patient().age()));
        root.put("ruleset", j.ruleset());
        java.util.Set<String> referredItems = new java.util.HashSet<>();
        if (referred != null) {
            root.put("referredUnits", referred.stream().map(JudgementUnit::json).toList());
            referred.forEach(u -> u.items().forEach(k -> referredItems.add(k.json())));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> observationIds = new ArrayList<>();
        j.items().forEach((key, item) -> {
            if (referred != null && !referredItems.contains(key)) {
                return;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", key);
            ItemKey.fromJson(key).ifPresent(k -> m.put("name", b.itemName(k)));
            m.put("status", item.status() == null ? null : item.status().name());
            m.put("category", item.category() == null ? null : item.category().name());
            m.put("value", item.value() == null ? null : Values.decimal(item.value()).map(Values::plain)
                    .orElse(String.valueOf(item.value())));
            m.put("unit", item.unit() == null ? null : Values.unitLabel(item.unit()));
            if (item.reportedUnit() != null && !item.reportedUnit().equals(item.unit())) {
                m.put("reportedValue", Values.decimal(item.reportedValue()).map(Values::plain).orElse(null));
                m.put("reportedUnit", Values.unitLabel(item.reportedUnit()));
            }
            if (item.measuredNotDue()) {
                m.put("note", b.text("input.notDue"));
            }
            m.put("observationId", item.observationId());
            if (item.observationId() != null) {
                observationIds.add(item.observationId());
            }
            items.add(m);
        });
        root.put("items", items);
        List<Map<String, Object>> units = new ArrayList<>();
        for (JudgementUnit unit : JudgementUnit.values()) {
            Judgement.UnitJudgement uj = j.judgements().get(unit.json());
            if (uj == null || referred != null && !referred.contains(unit)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", unit.json());
            m.put("targetDisease", unit.targetDisease().name());
            m.put("targetDiseaseName", b.text("disease." + unit.targetDisease().name()));
            m.put("category", uj.category() == null ? null : uj.category().name());
            m.put("note", uj.note());
            m.put("items", unit.items().stream().map(ItemKey::json).toList());
            units.add(m);
        }
        root.put("judgements", units);
        Map<String, Object> overall = new LinkedHashMap<>();
        overall.put("primary", j.overall().primary());
        overall.put("flags", j.overall().flags());
        overall.put("complete", j.overall().complete());
        root.put("overall", overall);
        root.put("abnormalCategories", List.of(Category.NORMAL_B.name(), Category.DISEASE_SUSPECT.name(),
                Category.UNCLASSIFIED.name()));
        String feedback = referred != null || request.reviewerNote() == null || request.reviewerNote().isBlank()
                ? null : scrub(request.reviewerNote(), KnownIdentifiers.NONE);
        root.put("feedback", feedback);
        try {
            String text = json.writeValueAsString(root);
            return new Input(text, sha256(text), b.language(), List.copyOf(observationIds), feedback);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
