package com.checkupflow.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.PatientContext;
import com.checkupflow.ai.TemplateTexts;
import com.checkupflow.ai.Values;
import com.checkupflow.center.Centers;
import com.checkupflow.judgement.CriticalFinding;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The process data a document step reads, by name ({@code documentInputs} of the BPMN element):
 * <ul>
 *   <li>{@value #JUDGEMENT}: the screening's judgement;</li>
 *   <li>{@value #PREVIOUS}: the same person's latest earlier judged screening, found by the RRN's keyed hash
 *       ({@link ScreeningRepository#previousJudged}), or none.</li>
 * </ul>
 * The model sees each through the {@link Deidentifier}, exactly as the report summary does (items, categories,
 * values, units, observation ids, sex and age band; no identifier, center or date). The templates get the same data
 * in readable form (item names, category labels), with the exam dates, for the physician.
 */
@Component
class DocumentInputs {

    static final String JUDGEMENT = "judgement";
    static final String PREVIOUS = "previousJudgement";
    private static final Set<Category> ABNORMAL = Set.of(Category.NORMAL_B, Category.DISEASE_SUSPECT, Category.UNCLASSIFIED);

    /**
     * @param modelInput the de-identified input of the prompt
     * @param data       what the templates see
     */
    record Prepared(Deidentifier.Input modelInput, Judgement judgement, List<String> criticalFindings,
                    Map<String, Object> data) {
    }

    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final Deidentifier deidentifier;
    private final TemplateTexts texts;
    private final Centers centers;
    private final ObjectMapper json = new ObjectMapper();

    DocumentInputs(ScreeningRepository screenings, JudgementJson judgementJson, Deidentifier deidentifier,
                   TemplateTexts texts, Centers centers) {
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.deidentifier = deidentifier;
        this.texts = texts;
        this.centers = centers;
    }

    /** @throws IllegalArgumentException for an input name this step does not know */
    Prepared prepare(Screening s, String language, List<String> inputs) {
        for (String name : inputs) {
            if (!JUDGEMENT.equals(name) && !PREVIOUS.equals(name)) {
                throw new IllegalArgumentException("unknown document input " + name + " (known: " + JUDGEMENT + ", "
                        + PREVIOUS + ")");
            }
        }
        Judgement judgement = judgementJson.read(s.judgementJson());
        Optional<Screening> previous = inputs.contains(PREVIOUS) ? screenings.previousJudged(s.id()) : Optional.empty();
        PatientContext patient = new PatientContext(s.sex() == null ? null : s.sex().code(), s.age(),
                centers.get(s.center()).displayName(language), s.examDate());
        Deidentifier.Input current = deidentifier.input(DraftRequest.firstRound(judgement, patient, language));
        ObjectNode model = json.createObjectNode();
        if (inputs.contains(JUDGEMENT)) {
            model.set(JUDGEMENT, tree(current.json()));
        }
        if (inputs.contains(PREVIOUS)) {
            model.set(PREVIOUS, previous.map(p -> tree(deidentifier.input(DraftRequest.firstRound(
                    judgementJson.read(p.judgementJson()), patient, language)).json())).orElse(null));
        }
        String modelJson = model.toPrettyString();
        Deidentifier.Input input = new Deidentifier.Input(modelJson, Deidentifier.sha256(modelJson), language,
                current.observationIds(), null);

        TemplateTexts.Bundle b = texts.bundle(language);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("language", language);
        data.put("center", patient.center());
        data.put("examDate", s.examDate() == null ? null : s.examDate().toString());
        data.put("sex", b.firstOf("sex." + (patient.sex() == null ? "unknown" : patient.sex()), "sex.unknown"));
        data.put("age", s.age() < 0 ? null : s.age());
        List<Map<String, Object>> results = results(judgement, b);
        data.put("results", results);
        Map<String, Object> names = new LinkedHashMap<>();
        results.forEach(r -> names.put((String) r.get("key"), r.get("name")));
        data.put("names", names);
        data.put("abnormal", results.stream().filter(r -> Boolean.TRUE.equals(r.get("abnormal"))).toList());
        data.put("previous", previous.map(p -> comparison(p, judgement, b)).orElse(null));
        // a panic value (decision critical_values) heads the document: the physician sees it before anything else
        List<ItemKey> critical = CriticalFinding.items(s.criticalFindings()).stream()
                .filter(k -> judgement.items().get(k.json()) != null).toList();
        data.put("urgency", critical.isEmpty() ? null : b.text("urgency", Map.of("items", critical.stream()
                .map(k -> b.itemText(k, judgement.items().get(k.json()))).collect(Collectors.joining(
                        b.text("list.separator"))))));
        return new Prepared(input, judgement, s.criticalFindings(), data);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> results(Judgement j, TemplateTexts.Bundle b) {
        List<Map<String, Object>> results = new ArrayList<>();
        if (j.items() == null) {
            return results;
        }
        j.items().forEach((k, item) -> ItemKey.fromJson(k).ifPresent(key -> {
            if (item.value() == null || item.category() == null) {
                return;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("key", k);
            r.put("name", b.itemName(key));
            r.put("text", b.itemText(key, item));
            r.put("category", item.category().name());
            r.put("categoryLabel", b.categoryLabel(item.category()));
            r.put("abnormal", ABNORMAL.contains(item.category()));
            results.add(r);
        }));
        return results;
    }

    /** The items measured both times, with both values and categories. */
    private Map<String, Object> comparison(Screening previous, Judgement now, TemplateTexts.Bundle b) {
        Judgement before = judgementJson.read(previous.judgementJson());
        List<Map<String, Object>> changes = new ArrayList<>();
        if (now.items() != null && before.items() != null) {
            now.items().forEach((k, item) -> {
                Judgement.Item old = before.items().get(k);
                Optional<ItemKey> key = ItemKey.fromJson(k);
                Optional<BigDecimal> after = Values.decimal(item.value());
                Optional<BigDecimal> was = old == null ? Optional.empty() : Values.decimal(old.value());
                if (key.isEmpty() || after.isEmpty() || was.isEmpty() || item.category() == null || old.category() == null) {
                    return;
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", b.itemName(key.get()));
                c.put("before", Values.plain(was.get()));
                c.put("after", Values.plain(after.get()));
                c.put("unit", Values.unitLabel(item.unit() != null ? item.unit() : key.get().canonicalUnit()));
                c.put("categoryBefore", b.categoryLabel(old.category()));
                c.put("categoryAfter", b.categoryLabel(item.category()));
                c.put("categoryChanged", old.category() != item.category());
                c.put("trend", after.get().compareTo(was.get()) > 0 ? "up" : after.get().compareTo(was.get()) < 0 ? "down" : "same");
                changes.add(c);
            });
        }
        Map<String, Object> p = new LinkedHashMap<>();
        LocalDate date = previous.examDate();
        p.put("examDate", date == null ? null : date.toString());
        p.put("changes", changes);
        p.put("categoryChanges", changes.stream().filter(c -> Boolean.TRUE.equals(c.get("categoryChanged"))).toList());
        return p;
    }
}
