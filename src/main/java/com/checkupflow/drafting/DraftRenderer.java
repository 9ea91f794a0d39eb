package com.checkupflow.drafting;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;

/**
 * Turns a model's {@link DraftAnswer} into the report text, deterministically: the same answer and judgement always
 * give the same text. Facts by construction: each finding line starts with the item's official name, value, unit and
 * category label taken from the judgement ({@code finding.line} of {@code prompts/template/<lang>.properties}); the
 * model's explanation follows. A finding whose item key is not in the judgement keeps only its explanation (the check
 * flags it). Headings come from the template wording; the evidence (observation ids) is stored with the draft, not
 * printed for the patient.
 */
@Component
class DraftRenderer {

    private final TemplateTexts texts;

    DraftRenderer(TemplateTexts texts) {
        this.texts = texts;
    }

    String render(DraftAnswer answer, Judgement judgement, String language) {
        TemplateTexts.Bundle b = texts.bundle(language);
        StringBuilder out = new StringBuilder(b.text("title")).append('\n');
        for (String paragraph : DraftAnswer.nullSafe(answer.summary())) {
            if (paragraph != null && !paragraph.isBlank()) {
                out.append('\n').append(paragraph.strip()).append('\n');
            }
        }
        if (!DraftAnswer.nullSafe(answer.findings()).isEmpty()) {
            section(out, b, "section.findings");
            answer.findings().forEach(f -> out.append(findingLine(b, f, judgement)).append('\n'));
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

    private static String findingLine(TemplateTexts.Bundle b, DraftAnswer.Finding f, Judgement judgement) {
        String explanation = f.explanation() == null ? "" : f.explanation().strip();
        Optional<ItemKey> key = ItemKey.fromJson(f.item());
        Judgement.Item item = key.isEmpty() || judgement.items() == null ? null : judgement.items().get(f.item());
        Category category = key.map(k -> DraftChecker.category(judgement, k)).orElse(null);
        if (item == null || category == null || item.value() == null) {
            return "- " + explanation;
        }
        String items = b.itemText(key.get(), item);
        return b.text("finding.line", Map.of("items", Character.toUpperCase(items.charAt(0)) + items.substring(1),
                "category", b.categoryLabel(category), "meaning", explanation)).strip();
    }

    private static void section(StringBuilder out, TemplateTexts.Bundle b, String key) {
        out.append('\n').append(b.text(key)).append('\n');
    }
}
