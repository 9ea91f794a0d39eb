package com.checkupflow.referral;

import java.util.List;

import org.springframework.stereotype.Component;

import com.checkupflow.center.Centers;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.screening.Screening;

/**
 * The deterministic template draft of a referral letter. It sees only de-identified facts (sex, age, center, exam
 * date and the referred findings), never the name or the RRN; the physician edits and signs it.
 */
@Component
class ReferralLetterDrafter {

    private final ItemLabels labels;
    private final Centers centers;

    ReferralLetterDrafter(ItemLabels labels, Centers centers) {
        this.labels = labels;
        this.centers = centers;
    }

    String draft(Screening s, Judgement judgement, List<JudgementUnit> units) {
        boolean en = "en".equals(s.language());
        String lang = en ? "en" : "ko";
        String sex = s.sex() == null ? "" : en ? s.sex().code() : s.sex().code().equals("male") ? "남성" : "여성";
        String center = centers.get(s.center()).displayName(lang);
        StringBuilder text = new StringBuilder();
        // Without a birth date the age is unknown: say so rather than print -1.
        if (en) {
            text.append("Dear colleague,\n\nA ").append(s.age() < 0 ? sex + " patient of unknown age (no birth date)"
                            : s.age() + "-year-old " + sex)
                    .append(" had the national health screening at ").append(center).append(" on ").append(s.examDate())
                    .append(". The following findings need a specialist's assessment:\n");
        } else {
            text.append("선생님께,\n\n").append(s.age() < 0 ? sex + " 수검자(생년월일이 없어 나이 미상)로 "
                            : s.age() + "세 " + sex + " 수검자로 ").append(s.examDate())
                    .append(" ").append(center).append(" 일반건강검진에서 다음 소견이 확인되어 전문의 진료를 의뢰드립니다.\n");
        }
        for (JudgementUnit unit : units) {
            for (ItemKey key : unit.items()) {
                Judgement.Item item = judgement.items().get(key.json());
                if (item == null || item.value() == null) {
                    continue;
                }
                Category category = item.category();
                text.append("- ").append(labels.item(key, lang)).append(": ").append(labels.value(item.value(), lang));
                if (!key.coded()) {
                    text.append(' ').append(labels.unit(item.unit()));
                }
                if (category != null) {
                    text.append(" (").append(en ? category.labelEn() : category.labelKo()).append(')');
                }
                text.append('\n');
            }
        }
        text.append(en ? "\nPlease evaluate and treat as appropriate. Thank you.\n"
                : "\n정밀검사와 진료를 부탁드립니다. 감사합니다.\n");
        return text.toString();
    }
}
