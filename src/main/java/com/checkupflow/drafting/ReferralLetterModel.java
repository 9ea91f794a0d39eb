package com.checkupflow.drafting;

import com.checkupflow.ai.ModelCaller;
import com.checkupflow.ai.StructuredOutput;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.ModelUnavailableException;
import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.PatientContext;
import com.checkupflow.ai.TemplateTexts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementUnit;

import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * The model path of the referral letter, on the same infrastructure as the report summary: the configured chat
 * model behind the one {@link ModelCaller} (retries, backoff, no retry on 401/403, metrics), the
 * {@link Deidentifier} (sex and age band; no name, RRN, birth date, center or exam date), the versioned prompts
 * {@code documents/referral-letter/v1.*} and the deterministic {@link DraftChecker}. The letter is rendered
 * deterministically from the parsed {@link ReferralLetterAnswer}: the salutation, patient line and closing come
 * from the application (template wording), the reason, findings and question from the model; only the model's
 * part is checked. With {@code checkupflow.ai.provider=template} the model path is off ({@link #enabled()}).
 */
public final class ReferralLetterModel {

    private static final Logger log = LoggerFactory.getLogger(ReferralLetterModel.class);

    /**
     * A letter the model wrote.
     *
     * @param text          the whole letter
     * @param check         the check of the model's part against the referred findings
     * @param inputSha256   SHA-256 of the de-identified input sent to the model
     */
    public record Letter(String text, String provider, String model, String promptVersion, DraftCheck check,
                         String inputSha256, int attempts) {
    }

    private final String provider;
    private final String modelName;
    private final StructuredOutput output;
    private final ModelCaller caller;
    private final Deidentifier deidentifier;
    private final PromptTemplates prompts;
    private final DraftChecker checker;
    private final TemplateTexts texts;

    /** @param caller null when drafting with the offline template: the model path is then off */
    ReferralLetterModel(String provider, String modelName, StructuredOutput output, ModelCaller caller,
                        Deidentifier deidentifier, PromptTemplates prompts, DraftChecker checker, TemplateTexts texts) {
        this.provider = provider;
        this.modelName = modelName;
        this.output = output;
        this.caller = caller;
        this.deidentifier = deidentifier;
        this.prompts = prompts;
        this.checker = checker;
        this.texts = texts;
    }

    /** False with {@code checkupflow.ai.provider=template}: letters come from the template only. */
    public boolean enabled() {
        return caller != null;
    }

    public String provider() {
        return provider;
    }

    /** The prompt version of model letters, e.g. {@code referral-letter-v1}. */
    public String promptVersion() {
        return prompts.version();
    }

    /**
     * Asks the model for the letter of the referred units and checks it.
     *
     * @return empty when the model is off or gave no usable answer (the caller falls back to the template letter)
     */
    public Optional<Letter> draft(DraftRequest request, List<JudgementUnit> referred) {
        if (!enabled()) {
            return Optional.empty();
        }
        Deidentifier.Input input = deidentifier.referralInput(request, referred);
        PromptTemplates prompts = request.promptVersion() == null ? this.prompts
                : PromptTemplates.pinned(PromptTemplates.REFERRAL_LETTER_KIND, request.promptVersion());
        PromptTemplates.Prompt prompt = prompts.render(input, output.schemaInPrompt());
        ChatRequest chat = output.request(prompt, ReferralLetterAnswer.SCHEMA.requestSchema());
        Set<String> observationIds = Set.copyOf(input.observationIds());
        ModelCaller.Result<ReferralLetterAnswer> result;
        try {
            result = caller.call(chat, text -> ReferralLetterAnswer.parse(text, observationIds));
        } catch (ModelUnavailableException e) {
            log.warn("Referral letter model unavailable ({}, {} attempt(s)); the template letter is used", e.kind(),
                    e.attempts());
            return Optional.empty();
        }
        TemplateTexts.Bundle b = texts.bundle(input.language());
        String body = body(result.value(), b);
        DraftCheck check = checker.check(body, referredOnly(request.judgement(), referred), input.language());
        return Optional.of(new Letter(header(request.patient(), b) + body + "\n" + b.text("referral.closing") + "\n",
                provider, modelName, prompt.version(), check, input.sha256(), result.attempts()));
    }

    private static String header(PatientContext patient, TemplateTexts.Bundle b) {
        String sex = patient.sex() == null ? "unknown" : patient.sex();
        Map<String, String> values = new HashMap<>();
        values.put("age", String.valueOf(patient.age()));
        values.put("sex", b.firstOf("sex." + sex, "sex.unknown"));
        values.put("center", patient.center() == null ? "" : patient.center());
        values.put("examDate", patient.examDate() == null ? "" : patient.examDate().toString());
        return b.text("referral.greeting") + "\n\n" + b.text(patient.ageKnown() ? "referral.patient" : "referral.patient.ageUnknown", values) + "\n";
    }

    /** The model's part, deterministically: the same answer always gives the same text. */
    private static String body(ReferralLetterAnswer answer, TemplateTexts.Bundle b) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(b.text("referral.section.reason")).append('\n').append(answer.reason().strip()).append('\n');
        out.append('\n').append(b.text("referral.section.findings")).append('\n');
        answer.findings().forEach(f -> out.append("- ").append(f.statement().strip()).append('\n'));
        if (answer.question() != null && !answer.question().isBlank()) {
            out.append('\n').append(b.text("referral.section.question")).append('\n').append(answer.question().strip()).append('\n');
        }
        return out.toString();
    }

    /**
     * The rules that apply to the letter a physician signs (trial 4, H5): what it states must hold against the whole
     * judgement (numbers, units, values and tests, item and overall categories, suspected diseases, treatments, the
     * language), and it must not carry harmful advice ("약을 끊으셔도 됩니다"). Nothing is required of it (it refers some
     * findings, not all), and conclusive wording is the physician's to a colleague.
     */
    static final Set<String> SIGNED_LETTER_RULES = Set.of(DraftChecker.NUMBER_MISMATCH, DraftChecker.UNIT_MISMATCH,
            DraftChecker.UNSUPPORTED_VALUE, DraftChecker.UNSUPPORTED_TEST, DraftChecker.CATEGORY_CONTRADICTION,
            DraftChecker.OVERALL_CONTRADICTION, DraftChecker.SUSPICION_CONTRADICTION, DraftChecker.INVENTED_TREATMENT,
            DraftChecker.HARMFUL_ADVICE, DraftChecker.WRONG_LANGUAGE, DraftChecker.PLACEHOLDER);

    /** The check of a letter to sign, against the screening's whole judgement in the letter's language. */
    public DraftCheck checkSigned(String text, Judgement judgement, String language) {
        return checker.check(text, judgement, language, List.of(), SIGNED_LETTER_RULES);
    }

    /** The judgement of the referred units only, so that the check does not ask for findings that are not referred. */
    static Judgement referredOnly(Judgement j, List<JudgementUnit> referred) {
        Set<String> itemKeys = new HashSet<>();
        referred.forEach(u -> u.items().forEach(k -> itemKeys.add(k.json())));
        Map<String, Judgement.Item> items = new LinkedHashMap<>();
        if (j.items() != null) {
            j.items().forEach((k, v) -> {
                if (itemKeys.contains(k)) {
                    items.put(k, v);
                }
            });
        }
        Map<String, Judgement.UnitJudgement> units = new LinkedHashMap<>();
        if (j.judgements() != null) {
            referred.forEach(u -> {
                if (j.judgements().get(u.json()) != null) {
                    units.put(u.json(), j.judgements().get(u.json()));
                }
            });
        }
        return new Judgement(j.ruleset(), items, units, j.overall());
    }
}
