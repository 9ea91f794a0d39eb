package com.checkupflow.drafting;

import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.PatientContext;
import com.checkupflow.ai.TemplateTexts;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.TreatedDisease;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's own output must pass the draft check, for every kind of judgement, in both languages. */
class TemplateDrafterPropertyTest {

    private final TemplateTexts texts = new TemplateTexts();
    private final TemplateReportDrafter drafter = new TemplateReportDrafter(texts, DraftingFixtures.CLOCK);
    private final DraftChecker checker = new DraftChecker(texts);

    @Test
    void shouldPassTheDraftCheckWhenJudgementsAreRandom() {
        Random random = new Random(20261103L);
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            Judgement judgement = RandomJudgements.next(random);
            PatientContext patient = new PatientContext(random.nextBoolean() ? "male" : "female", 20 + random.nextInt(60),
                    "한빛건강검진센터", random.nextInt(8) == 0 ? null : LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28)));
            for (String language : List.of("ko", "en")) {
                verify(judgement, patient, language, "random #" + n, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldPassTheDraftCheckWhenEachItemTakesEachCategory() {
        List<String> failures = new ArrayList<>();
        for (String sex : List.of("male", "female")) {
            JudgementFixture probe = JudgementFixture.allNormal(sex);
            for (ItemKey key : ItemKey.values()) {
                if (key.coded() || key == ItemKey.HEIGHT || key == ItemKey.WEIGHT) {
                    continue;
                }
                for (Category category : probe.categories(key)) {
                    for (TreatedDisease treated : new TreatedDisease[]{null, TreatedDisease.HYPERTENSION}) {
                        JudgementFixture f = JudgementFixture.allNormal(sex);
                        f.value(key, f.sample(key, category, new Random(key.ordinal())));
                        if (treated != null) {
                            f.treated(treated);
                        }
                        for (String language : List.of("ko", "en")) {
                            verify(f.build(), DraftExamples.MALE_52, language, sex + " " + key + " " + category, failures);
                        }
                    }
                }
                for (String language : List.of("ko", "en")) {
                    verify(JudgementFixture.allNormal(sex).missing(key).build(), DraftExamples.MALE_52, language, key + " missing", failures);
                    verify(JudgementFixture.allNormal(sex).invalid(key, InvalidReason.NON_NUMERIC).build(), DraftExamples.MALE_52,
                            language, key + " invalid", failures);
                }
            }
            for (String code : List.of("trace", "1+", "4+")) {
                for (String language : List.of("ko", "en")) {
                    verify(JudgementFixture.allNormal(sex).code(ItemKey.URINE_PROTEIN, code).build(), DraftExamples.MALE_52, language, "urine " + code, failures);
                }
            }
            for (String code : List.of("inactive_tb", "abnormal", "poor_image", "not_taken")) {
                for (String language : List.of("ko", "en")) {
                    verify(JudgementFixture.allNormal(sex).code(ItemKey.CHEST_XRAY, code).build(), DraftExamples.MALE_52, language, "chest " + code, failures);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldStayWithinTheVariableLimitWhenEveryUnitIsAbnormal() {
        Judgement worst = JudgementFixture.allNormal("male")
                .value(ItemKey.SYSTOLIC_BP, 152).value(ItemKey.DIASTOLIC_BP, 96).value(ItemKey.BMI, new BigDecimal("31.2"))
                .value(ItemKey.WAIST, new BigDecimal("101.5")).value(ItemKey.HEMOGLOBIN, new BigDecimal("17.1"))
                .reported(ItemKey.FASTING_GLUCOSE, 131, new BigDecimal("7.27"), "mmol/L").value(ItemKey.TOTAL_CHOLESTEROL, 251)
                .value(ItemKey.HDL, 35).value(ItemKey.TRIGLYCERIDES, 312).value(ItemKey.LDL, 171).value(ItemKey.AST, 64)
                .value(ItemKey.ALT, 77).value(ItemKey.GGT, 141).reported(ItemKey.CREATININE, new BigDecimal("1.52"), 134, "umol/L")
                .value(ItemKey.EGFR, 48).code(ItemKey.URINE_PROTEIN, "2+").code(ItemKey.CHEST_XRAY, "abnormal")
                .treated(TreatedDisease.OTHER).build();
        String ko = drafter.draft(DraftRequest.firstRound(worst, DraftExamples.MALE_52, "ko")).text();
        String en = drafter.draft(DraftRequest.firstRound(worst, DraftExamples.MALE_52, "en")).text();

        assertThat(ko.length()).isLessThan(3000);
        assertThat(en.length()).isLessThan(4000);
        assertThat(checker.check(ko, worst, "ko").findings()).isEmpty();
        assertThat(checker.check(en, worst, "en").findings()).isEmpty();
    }

    private void verify(Judgement judgement, PatientContext patient, String language, String label, List<String> failures) {
        String text = drafter.draft(DraftRequest.firstRound(judgement, patient, language)).text();
        DraftCheck check = checker.check(text, judgement, language);
        if (!check.passed()) {
            failures.add(label + " [" + language + "] " + check.findings() + "\n" + text);
        }
        if (text.length() >= ("ko".equals(language) ? 3000 : 4000)) {
            failures.add(label + " [" + language + "] too long: " + text.length());
        }
        if (!text.equals(drafter.draft(DraftRequest.firstRound(judgement, patient, language)).text())) {
            failures.add(label + " [" + language + "] not deterministic");
        }
    }
}
