package com.checkupflow.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningViewContributor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The documents of the AI document step in {@code GET /api/screenings/{id}}: text, provenance, check and review. */
@Component
class DocumentViewContributor implements ScreeningViewContributor {

    private final DocumentRepository documents;
    private final ObjectMapper json;

    DocumentViewContributor(DocumentRepository documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    @Override
    public void contribute(Screening screening, Map<String, Object> view) {
        view.put("documents", documents.all(screening.id()).stream().map(this::toView).toList());
    }

    private Map<String, Object> toView(DocumentRepository.StoredDocument d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", d.kind());
        v.put("outputVariable", d.outputVariable());
        v.put("language", d.language());
        v.put("text", d.text());
        v.put("provider", d.provider());
        v.put("model", d.model());
        v.put("promptVersion", d.promptVersion());
        v.put("fallback", d.fallback());
        v.put("inputSha256", d.inputSha256());
        v.put("attempts", d.attempts());
        v.put("createdAt", d.createdAt());
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("profile", d.checkProfile());
        check.put("passed", d.checkPassed());
        try {
            check.put("findings", d.checkFindings() == null ? List.of() : json.readTree(d.checkFindings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        v.put("check", check);
        v.put("finalText", d.finalText());
        v.put("reviewedBy", d.reviewedBy());
        v.put("reviewedAt", d.reviewedAt());
        return v;
    }
}
