package com.checkupflow.drafting;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Turns a model's {@link DraftAnswer} into the report text, deterministically: the same answer always gives
 * the same text. Headings come from the template wording ({@code prompts/template/<lang>.properties}); the
 * evidence (observation ids) is stored with the draft, not printed for the patient.
 */
@Component
class DraftRenderer {

    private final TemplateTexts texts;

    DraftRenderer(TemplateTexts texts) {
        this.texts = texts;
    }

    String render(DraftAnswer answer, String language) {
        TemplateTexts.Bundle b = texts.bundle(language);
        StringBuilder out = new StringBuilder(b.text("title")).append('\n');
        for (String paragraph : DraftAnswer.nullSafe(answer.summary())) {
            if (paragraph != null && !paragraph.isBlank()) {
                out.append('\n').append(paragraph.strip()).append('\n');
            }
        }
        if (!DraftAnswer.nullSafe(answer.findings()).isEmpty()) {
            section(out, b, "section.findings");
            answer.findings().forEach(f -> out.append("- ").append(f.explanation().strip()).append('\n'));
        }
        if (!DraftAnswer.nullSafe(answer.lifestyle()).isEmpty()) {
            section(out, b, "section.advice");
            for (DraftAnswer.Lifestyle l : answer.lifestyle()) {
                if (l != null && l.advice() != null && !l.advice().isBlank()) {
                    out.append(l.disease() == null || l.disease().isBlank() ? l.advice().strip()
                            : b.text("advice.line", Map.of("disease", l.disease().strip(), "advice", l.advice().strip())))
                            .append('\n');
                }
            }
        }
        if (!DraftAnswer.nullSafe(answer.followUp()).isEmpty()) {
            section(out, b, "section.followup");
            answer.followUp().stream().filter(s -> s != null && !s.isBlank())
                    .forEach(s -> out.append("- ").append(s.strip()).append('\n'));
        }
        return out.toString().strip() + "\n";
    }

    private static void section(StringBuilder out, TemplateTexts.Bundle b, String key) {
        out.append('\n').append(b.text(key)).append('\n');
    }
}
