package com.checkupflow.judgement;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemCatalog;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.Terminology;

/** Markdown shown in the Tasklist forms (Korean, the staff's language). */
@Component
public class JudgementTexts {

    private final ItemLabels labels;

    JudgementTexts(ItemLabels labels) {
        this.labels = labels;
    }

    /** The judgement table of the review form; abnormal rows in bold. */
    public String judgementTable(Judgement judgement) {
        StringBuilder md = new StringBuilder("| 항목 | 결과 | 단위 | 판정 |\n|---|---|---|---|\n");
        for (Map.Entry<String, Judgement.Item> e : judgement.items().entrySet()) {
            ItemKey key = ItemKey.fromJson(e.getKey()).orElseThrow();
            Judgement.Item item = e.getValue();
            boolean abnormal = item.category() != null && item.category() != Category.NORMAL_A;
            boolean measured = item.status() == ItemStatus.VALID || item.measuredNotDue();
            String value = measured ? labels.value(item.value(), "ko")
                    : labels.status(item.status()) + (item.invalidReason() == null ? "" : " – " + labels.reason(item.invalidReason()));
            String category = item.category() != null ? item.category().labelKo()
                    : item.measuredNotDue() ? labels.notDue("ko") : "";
            String name = labels.item(key, "ko");
            md.append("| ").append(abnormal ? "**" + name + "**" : name)
                    .append(" | ").append(abnormal ? "**" + value + "**" : value)
                    .append(" | ").append(measured ? labels.unit(item.unit()) : "")
                    .append(" | ").append(abnormal ? "**" + category + "**" : category)
                    .append(" |\n");
        }
        return md.toString();
    }

    /** One line for the review form: the overall result with the official labels. */
    public String overallSummary(Judgement judgement) {
        Judgement.Overall overall = judgement.overall();
        return "종합판정: **" + String.join(", ", overall.flags().stream().map(f -> labels.flag(f, "ko")).toList()) + "**"
                + (overall.complete() ? "" : " · 일부 항목 누락(미완료 – 정상A로 통보하지 마세요)")
                + (overall.needsPhysicianReview() ? " · 의사 확인 필요" : "");
    }

    /**
     * The invalid items of the correction form: each item once by its name, what the lab sent (value and unit;
     * a code by its display name) and why it cannot be used, in plain Korean.
     */
    public String invalidItems(Judgement judgement) {
        StringBuilder md = new StringBuilder("| 항목 | 검사기관이 보낸 값 | 정정이 필요한 이유 |\n|---|---|---|\n");
        judgement.items().forEach((json, item) -> {
            if (item.status() == ItemStatus.INVALID) {
                ItemKey key = ItemKey.fromJson(json).orElseThrow();
                md.append("| ").append(labels.item(key, "ko"))
                        .append(" | ").append(sent(key, item))
                        .append(" | ").append(labels.explanation(item.invalidReason(), item.reportedValue(),
                                item.reportedUnit(), key.canonicalUnit())).append(" |\n");
            }
        });
        return md.toString();
    }

    private String sent(ItemKey key, Judgement.Item item) {
        Object raw = item.reportedValue();
        if (raw == null) {
            return "(없음)";
        }
        if (item.invalidReason() == InvalidReason.CONFLICTING_VALUES) {
            return raw.toString(); // every reading with its unit, as the normalizer listed them
        }
        if (key.coded()) {
            String code = key == ItemKey.URINE_PROTEIN ? Terminology.urineProtein(raw.toString())
                    : ItemCatalog.chestXray(raw.toString());
            return code == null ? "코드 " + raw : labels.code(code, "ko") + " (코드 " + raw + ")";
        }
        // quoted only when the lab sent text instead of a number; a huge number stays its unexpanded text (1E+308)
        String value = raw instanceof java.math.BigDecimal d ? d.toPlainString()
                : item.invalidReason() == InvalidReason.NON_NUMERIC ? "\"" + raw + "\"" : raw.toString();
        return value + (item.reportedUnit() == null ? " (단위 없음)" : " " + labels.unit(item.reportedUnit()));
    }

    /** The invalid items as the correction form's hide conditions read them: ",fasting_glucose,ldl,". */
    public String invalidKeysVariable(Judgement judgement) {
        StringBuilder sb = new StringBuilder(",");
        judgement.items().forEach((json, item) -> {
            if (item.status() == ItemStatus.INVALID) {
                sb.append(json).append(',');
            }
        });
        return sb.toString();
    }
}
