package com.checkupflow.drafting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningViewContributor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The latest draft in {@code GET /api/screenings/{id}}: text, provenance, audit (input hash, tokens,
 * latency, attempts), the check's findings and the evidence of each explained finding. */
@Component
class DraftViewContributor implements ScreeningViewContributor {

    private final DraftRepository drafts;
    private final ObjectMapper json;

    DraftViewContributor(DraftRepository drafts, ObjectMapper json) {
        this.drafts = drafts;
        this.json = json;
    }

    @Override
    public void contribute(Screening screening, Map<String, Object> view) {
        view.put("draft", drafts.latest(screening.id()).map(this::toView).orElse(null));
    }

    private Map<String, Object> toView(DraftRepository.StoredDraft d) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("round", d.round());
        draft.put("text", d.text());
        draft.put("provider", d.provider());
        draft.put("model", d.model());
        draft.put("promptVersion", d.promptVersion());
        draft.put("fallback", d.fallback());
        draft.put("createdAt", d.createdAt());
        draft.put("inputSha256", d.inputSha256());
        draft.put("tokensIn", d.tokensIn());
        draft.put("tokensOut", d.tokensOut());
        draft.put("latencyMs", d.latencyMs());
        draft.put("attempts", d.attempts());
        draft.put("reasks", d.reasks());
        Map<String, Object> guardrail = new LinkedHashMap<>();
        guardrail.put("passed", d.checkPassed());
        try {
            guardrail.put("findings", d.checkFindings() == null ? List.of() : json.readTree(d.checkFindings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        draft.put("guardrail", guardrail);
        try {
            draft.put("evidence", d.evidence() == null ? List.of() : json.readTree(d.evidence()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return draft;
    }
}
