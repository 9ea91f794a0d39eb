package com.checkupflow.drafting;

import com.checkupflow.drafting.CorpusFacts.Fact;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.TargetDisease;

import java.util.List;
import java.util.function.Predicate;

/**
 * The phrasing families of the evaluation corpus, Korean and English side by side: how a good model explains a
 * finding, opens and closes a summary, gives advice and follow-up. Each family is one way of saying it; the
 * generator picks among the families that fit the item. Variables: {name} item name, {value} {unit} its value,
 * {disease} target disease, {range} normal range, {threshold} 질환의심 threshold, {cvalue} {cunit} the value in
 * another unit, {rvalue} {runit} the value as the laboratory reported it, {other} a normal item named in a contrast,
 * {sys}/{dia} the blood pressure pair, {code} a coded result. In Korean {x/이} adds the fitting particle.
 */
final class CorpusPhrasings {

    private CorpusPhrasings() {
    }

    /** How an item stands, which decides the families that fit it. */
    enum Kind {
        SUSPECT_HIGH, SUSPECT_LOW, BORDER_HIGH, BORDER_LOW, UNCLASSIFIED, CODED_BORDER, CODED_SUSPECT;

        static Kind of(Fact f) {
            if (!f.quantity()) {
                return f.suspect() ? CODED_SUSPECT : CODED_BORDER;
            }
            if (f.category() == Category.UNCLASSIFIED) {
                return UNCLASSIFIED;
            }
            if (f.suspect()) {
                return f.low() ? SUSPECT_LOW : SUSPECT_HIGH;
            }
            return f.low() ? BORDER_LOW : BORDER_HIGH;
        }
    }

    /** Item names as a writer varies them; one is chosen per draft and kept. */
    static List<String> names(ItemKey key, String language) {
        boolean ko = language.equals("ko");
        return switch (key) {
            case SYSTOLIC_BP -> ko ? List.of("수축기 혈압") : List.of("systolic blood pressure", "systolic pressure");
            case DIASTOLIC_BP -> ko ? List.of("이완기 혈압") : List.of("diastolic blood pressure", "diastolic pressure");
            case BMI -> ko ? List.of("체질량지수", "체질량지수(BMI)") : List.of("BMI", "body mass index (BMI)");
            case WAIST -> ko ? List.of("허리둘레") : List.of("waist circumference");
            case HEMOGLOBIN -> ko ? List.of("혈색소", "혈색소(헤모글로빈)") : List.of("hemoglobin", "hemoglobin level");
            case FASTING_GLUCOSE -> ko ? List.of("공복혈당", "공복 혈당") : List.of("fasting glucose", "fasting blood sugar", "fasting blood glucose");
            case TOTAL_CHOLESTEROL -> ko ? List.of("총콜레스테롤") : List.of("total cholesterol");
            case HDL -> ko ? List.of("HDL 콜레스테롤", "고밀도(HDL) 콜레스테롤") : List.of("HDL cholesterol", "HDL (\"good\") cholesterol");
            case TRIGLYCERIDES -> ko ? List.of("중성지방", "중성지방(트리글리세라이드)") : List.of("triglyceride level", "triglyceride (TG) level");
            case LDL -> ko ? List.of("LDL 콜레스테롤", "저밀도(LDL) 콜레스테롤") : List.of("LDL cholesterol", "LDL (\"bad\") cholesterol");
            case AST -> ko ? List.of("AST", "간 효소 AST") : List.of("AST", "AST (a liver enzyme)");
            case ALT -> ko ? List.of("ALT", "간 효소 ALT") : List.of("ALT", "ALT (a liver enzyme)");
            case GGT -> ko ? List.of("감마지티피", "감마지티피(γ-GTP)") : List.of("GGT", "gamma-GT");
            case CREATININE -> ko ? List.of("혈청 크레아티닌", "크레아티닌") : List.of("creatinine", "serum creatinine");
            case EGFR -> ko ? List.of("신사구체여과율(eGFR)", "eGFR") : List.of("eGFR", "estimated glomerular filtration rate (eGFR)");
            case URINE_PROTEIN -> ko ? List.of("요단백") : List.of("urine protein");
            case CHEST_XRAY -> ko ? List.of("흉부 X선 검사") : List.of("chest X-ray");
            case HEIGHT, WEIGHT -> throw new IllegalArgumentException("not judged: " + key);
        };
    }

    static String disease(TargetDisease disease, String language) {
        return language.equals("ko") ? disease.labelKo() : disease.labelEn();
    }

    /** A coded result as written in a report. */
    static String code(String code, String language) {
        boolean ko = language.equals("ko");
        return switch (code) {
            case "trace" -> ko ? "약양성(±)" : "trace (±)";
            case "inactive_tb" -> ko ? "비활동성 폐결핵 소견" : "signs of inactive tuberculosis";
            case "abnormal" -> ko ? "이상 소견" : "an abnormal finding";
            default -> ko ? "양성(" + code + ")" : "positive (" + code + ")";
        };
    }

    /** One way of explaining a finding, for the items of the given kinds. */
    enum Explanation {
        ABOVE_UPPER_LIMIT(k(Kind.SUSPECT_HIGH),
                "{name/이} {value} {unit}로 정상 상한을 넘어 {disease/이} 의심됩니다.",
                "Your {name} was {value} {unit}, higher than the normal range, so {disease} is suspected."),
        OUT_OF_REFERENCE(k(Kind.SUSPECT_HIGH),
                "{name/은} {value} {unit}로 측정되어 정상 기준을 벗어났습니다. {disease} 가능성이 있어 확인 검사가 필요합니다.",
                "Your {name} measured {value} {unit}, which is above the reference range. This may point to {disease}, so a confirmatory test is needed."),
        ABOVE_RANGE_WITH_RANGE(k(Kind.SUSPECT_HIGH),
                "{name/은} {value} {unit}로 정상 범위({range})보다 높게 나와 {disease/이} 의심됩니다.",
                "At {value} {unit}, your {name} is above the normal range ({range}); {disease} is suspected."),
        OVER_THRESHOLD(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW),
                "{name/이} {value} {unit}로 질환의심 기준({threshold})에 해당하여 진료를 통한 확인이 필요합니다.",
                "Your {name} of {value} {unit} meets the threshold for suspected disease ({threshold}) and should be checked by a doctor."),
        TWO_SENTENCES(k(Kind.SUSPECT_HIGH),
                "이번 검사에서 {name/은} {value} {unit}였습니다. 참고치를 넘는 수치로 {disease/이} 의심되니 진료를 받아 보시기 바랍니다.",
                "This time your {name} was {value} {unit}. That is beyond the normal limit, and {disease} is suspected, so please see a doctor."),
        CONTRAST_IN_SENTENCE(k(Kind.SUSPECT_HIGH, Kind.BORDER_HIGH),
                "{other/은} 양호하나 {name/은} {value} {unit}로 높게 나와 추가 확인이 필요합니다.",
                "Your {other} is fine, but your {name} came back high at {value} {unit} and needs a further check."),
        CONFIRM_WORDING(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW),
                "{name/이} {value} {unit}로 기준을 벗어나, {disease}인지 확인하기 위한 추가 검사가 필요합니다.",
                "Your {name} was {value} {unit}, outside the normal range; further tests are needed to confirm whether this is {disease}."),
        NOT_A_DIAGNOSIS(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW),
                "{name/이} {value} {unit}로 측정되었습니다. 한 번의 검사만으로 {disease/을} 진단하지는 않으므로 재검사로 확인하시기 바랍니다.",
                "Your {name} was {value} {unit}. A single test does not diagnose {disease}, so a repeat test is recommended."),
        CONVERTED_UNIT(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW, Kind.BORDER_HIGH, Kind.BORDER_LOW),
                "{name/이} {value} {unit}(약 {cvalue} {cunit})로 정상 범위를 벗어나 관리가 필요합니다.",
                "Your {name} was {value} {unit} (about {cvalue} {cunit}), outside the normal range, and needs attention."),
        AS_REPORTED(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW, Kind.BORDER_HIGH, Kind.BORDER_LOW),
                "{name/은} 검사실 보고값 {rvalue} {runit}, 환산하면 {value} {unit}로 정상 범위를 벗어났습니다.",
                "Your {name} was reported as {rvalue} {runit}, which is {value} {unit}, outside the normal range."),
        BELOW_LOWER_LIMIT(k(Kind.SUSPECT_LOW),
                "{name/이} {value} {unit}로 정상 하한보다 낮아 {disease/이} 의심됩니다.",
                "Your {name} was {value} {unit}, lower than the normal range, so {disease} is suspected."),
        SHORT_OF_RANGE(k(Kind.SUSPECT_LOW, Kind.BORDER_LOW),
                "{name/은} {value} {unit}로 정상 범위({range})에 미치지 못해 확인이 필요합니다.",
                "Your {name} of {value} {unit} falls short of the normal range ({range}) and needs a check."),
        LOW_TWO_SENTENCES(k(Kind.SUSPECT_LOW),
                "{name/이} {value} {unit}로 낮게 나왔습니다. {disease} 가능성이 있어 진료를 권합니다.",
                "Your {name} came back low at {value} {unit}. This may point to {disease}, so we recommend seeing a doctor."),
        BORDERLINE(k(Kind.BORDER_HIGH, Kind.BORDER_LOW),
                "{name/이} {value} {unit}로 경계 범위에 있어 생활습관 관리가 필요합니다.",
                "Your {name} of {value} {unit} is in the borderline range, so lifestyle care is advisable."),
        SLIGHTLY_ABOVE(k(Kind.BORDER_HIGH),
                "{name/은} {value} {unit}로 정상 상한을 약간 넘었습니다. 아직 질환의심 단계는 아니지만 관리가 필요합니다.",
                "Your {name} was {value} {unit}, slightly above the upper limit of normal. It is not yet in the suspected-disease range, but it needs care."),
        NORMAL_B_LABEL(k(Kind.BORDER_HIGH, Kind.BORDER_LOW),
                "{name/은} {value} {unit}로 정상B(경계) 판정입니다. 식습관과 운동으로 관리해 주십시오.",
                "Your {name} of {value} {unit} is rated Normal B (borderline); diet and exercise can help."),
        SOMEWHAT_ABOVE_RANGE(k(Kind.BORDER_HIGH),
                "{name/은} {value} {unit}로 정상 범위({range})보다 다소 높습니다.",
                "Your {name}, {value} {unit}, is a little higher than the normal range ({range})."),
        SLIGHTLY_LOW(k(Kind.BORDER_LOW),
                "{name/이} {value} {unit}로 정상보다 약간 낮은 경계 범위입니다.",
                "Your {name} of {value} {unit} is slightly below normal, in the borderline range."),
        OUTSIDE_TABLE(k(Kind.UNCLASSIFIED),
                "{name/이} {value} {unit}로 판정기준표의 범위를 벗어나 담당 의사가 직접 확인할 예정입니다.",
                "Your {name} of {value} {unit} lies outside the range of the judgement table, so your physician will review it."),
        NOT_CLASSIFIED(k(Kind.UNCLASSIFIED),
                "{name/은} {value} {unit}로 기준표에 없는 범위여서 판정하지 못했으며 의사 확인이 필요합니다.",
                "Your {name} ({value} {unit}) could not be classified by the criteria and needs a physician's review."),
        CODED_RESULT(k(Kind.CODED_BORDER, Kind.CODED_SUSPECT),
                "{name/이} {code}으로 나와 재검사나 정밀 검사로 확인이 필요합니다.",
                "Your {name} showed {code}, which should be checked with a repeat or further test."),
        CODED_SUSPECT_DISEASE(k(Kind.CODED_SUSPECT),
                "{name}에서 {code}이 확인되어 {disease/이} 의심됩니다. 정밀 검사를 받아 보십시오.",
                "Your {name} showed {code}, so {disease} is suspected. Please have further tests."),
        CODED_NOT_ACTIVE(k(Kind.CODED_BORDER),
                "{name}에서 {code}이 보입니다. 현재 활동성 질환을 뜻하지는 않으나 확인이 필요합니다.",
                "Your {name} showed {code}. This does not mean active disease, but it should be checked."),
        BP_PAIR(k(Kind.SUSPECT_HIGH, Kind.BORDER_HIGH),
                "혈압이 {sys}/{dia} mmHg로 정상(120/80 mmHg 미만)보다 높아 관리가 필요합니다.",
                "Your blood pressure was {sys}/{dia} mmHg, higher than normal (below 120/80 mmHg), and needs attention."),
        BP_COMPONENTS(k(Kind.SUSPECT_HIGH, Kind.BORDER_HIGH),
                "수축기 혈압 {sys} mmHg, 이완기 혈압 {dia} mmHg로 {name/이} 정상 범위를 넘었습니다.",
                "Your reading was {sys} mmHg systolic and {dia} mmHg diastolic, so your {name} is above the normal range."),
        BP_CONTRAST(k(Kind.SUSPECT_HIGH, Kind.BORDER_HIGH),
                "{bpother/은} {bpothervalue} mmHg로 양호하나 {name/은} {value} mmHg로 높게 나와 추적 관찰이 필요합니다.",
                "Your {bpother} of {bpothervalue} mmHg is fine, but your {name} came back high at {value} mmHg and should be followed up."),
        ELEVATED_SEE_A_DOCTOR(k(Kind.SUSPECT_HIGH),
                "{name} 수치가 {value} {unit}로 높은 편입니다. {disease} 여부를 확인하기 위해 가까운 병원에서 진료를 받으시기 바랍니다.",
                "Your {name} is elevated at {value} {unit}. Please see a doctor to check for {disease}."),
        EXCEEDS_REFERENCE(k(Kind.SUSPECT_HIGH, Kind.BORDER_HIGH),
                "{name} 결과 {value} {unit}는 참고 범위({range})를 초과하여 추가 검사가 권장됩니다.",
                "Your {name} result of {value} {unit} exceeds the reference range ({range}), and further testing is recommended."),
        NOT_YET_DISEASE(k(Kind.BORDER_HIGH),
                "{name/은} {value} {unit}로 질환 단계는 아니지만 정상보다 높아 주의가 필요합니다.",
                "Your {name} of {value} {unit} is not in the disease range, but it is higher than normal and worth watching."),
        LOWER_THAN_RECOMMENDED(k(Kind.SUSPECT_LOW, Kind.BORDER_LOW),
                "{name/이} {value} {unit}로 권장 수준보다 낮습니다.",
                "Your {name} of {value} {unit} is lower than recommended."),
        DIAGNOSIS_NEEDS_TESTS(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW),
                "{name/이} {value} {unit}로 측정되었으며, {disease} 진단을 위해서는 추가 검사가 필요합니다.",
                "Your {name} was {value} {unit}; a diagnosis of {disease} would need further tests."),
        NOT_WITHIN_NORMAL(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW),
                "{name/은} {value} {unit}로 정상 범위가 아닙니다.",
                "Your {name} of {value} {unit} is not within the normal range."),
        UNIT_AS_TYPED(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW, Kind.BORDER_HIGH, Kind.BORDER_LOW),
                "{name/이} {value} {unittyped}로 측정되어 관리가 필요합니다.",
                "Your {name} measured {value} {unittyped} and needs attention."),
        LIMIT_WITHOUT_UNIT(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW, Kind.BORDER_HIGH, Kind.BORDER_LOW),
                "{name/은} {value} {unit}로 정상 기준({bare})을 벗어났습니다.",
                "Your {name} of {value} {unit} is outside the normal limit ({bare})."),
        HIGH_THEN_NORMAL_ITEM(k(Kind.SUSPECT_HIGH, Kind.BORDER_HIGH),
                "{name/은} {value} {unit}로 높고, {other/은} {othervalue} {otherunit}로 양호합니다.",
                "Your {name} is high at {value} {unit}, while your {other} is fine at {othervalue} {otherunit}."),
        NOT_CONSIDERED_NORMAL(k(Kind.SUSPECT_HIGH, Kind.SUSPECT_LOW),
                "{name/은} {value} {unit}로 정상이라고 보기 어렵습니다.",
                "At {value} {unit}, your {name} cannot be considered normal.");

        final Predicate<Kind> kinds;
        final String ko;
        final String en;

        Explanation(Predicate<Kind> kinds, String ko, String en) {
            this.kinds = kinds;
            this.ko = ko;
            this.en = en;
        }

        String template(String language) {
            return language.equals("ko") ? ko : en;
        }
    }

    /** Opening sentences of the summary. */
    enum Opening {
        NEEDS_ATTENTION("이번 검진에서는 {names}에서 주의가 필요한 결과가 나왔습니다.",
                "This screening found results that need attention: {names}."),
        SUSPECTED_DISEASES("{diseases/이} 의심되어 진료와 확인 검사가 필요합니다.",
                "Your results suggest possible {diseases}, so a doctor's visit and confirmatory tests are needed."),
        NO_MAJOR_PROBLEM_BUT("건강에 큰 이상은 없으나 {names/이} 경계 범위로 생활습관 관리가 필요합니다.",
                "There is no major problem, but {names} is in the borderline range and lifestyle care is advisable."),
        ALL_NORMAL_PLAIN("전체적으로 이상이 없는 결과입니다.", "Overall, your results show nothing abnormal."),
        ALL_NORMAL_ITEMS("검사하신 항목 모두 정상 범위입니다.", "All the items tested are within the normal range."),
        NEUTRAL("이번 일반건강검진 결과를 안내해 드립니다.", "Here is a summary of your general health screening."),
        MOSTLY_FINE_EXCEPT("아래 항목을 제외하면 대체로 양호한 결과입니다.",
                "Apart from the items below, your results are largely within the normal range.");

        final String ko;
        final String en;

        Opening(String ko, String en) {
            this.ko = ko;
            this.en = en;
        }

        String template(String language) {
            return language.equals("ko") ? ko : en;
        }
    }

    /** Further summary sentences: numbers restated, contrasts, normal items, known disease, closing. */
    enum SummarySentence {
        RESTATED_NUMBER("특히 {name} 결과({value} {unit})는 진료가 필요한 수준입니다.",
                "In particular, your {name} result ({value} {unit}) needs a doctor's attention."),
        CONTRAST("{other/은} 양호하나 {name/은} {value} {unit}로 높게 나와 주의가 필요합니다.",
                "While your {other} is good, your {name} came back high at {value} {unit}, which needs attention."),
        NORMAL_ITEMS_WITH_VALUES("{other/은} {othervalue} {otherunit}로 정상 범위입니다.",
                "Your {other} was {othervalue} {otherunit}, within the normal range."),
        KNOWN_DISEASE("현재 치료 중인 질환은 지금처럼 꾸준히 치료를 이어가 주십시오.",
                "Please keep up the treatment you are already receiving."),
        CLOSING_ASK("결과에 대해 궁금한 점은 담당 의사와 상담하시기 바랍니다.",
                "If you have questions about your results, please talk to your doctor."),
        CLOSING_HABITS("생활습관을 조금씩 바꾸면 수치가 좋아질 수 있습니다.",
                "Small changes in daily habits can improve these numbers."),
        AGE_BAND("{agefrom}~{ageto}세 연령대에서는 정기적인 검진이 특히 중요합니다.",
                "At ages {agefrom}–{ageto}, regular check-ups matter all the more.");

        final String ko;
        final String en;

        SummarySentence(String ko, String en) {
            this.ko = ko;
            this.en = en;
        }

        String template(String language) {
            return language.equals("ko") ? ko : en;
        }
    }

    /** Lifestyle advice per target disease, targets and ranges included as a model writes them. */
    static List<String> advice(TargetDisease disease, String language) {
        boolean ko = language.equals("ko");
        return switch (disease) {
            case HYPERTENSION -> ko ? List.of(
                    "싱겁게 드시고(나트륨 하루 2,000 mg 이하) 수축기 혈압 125 mmHg 미만을 목표로 꾸준히 운동하십시오.",
                    "가정에서 아침저녁으로 혈압을 재어 130/80 mmHg 미만으로 유지되는지 확인하십시오.",
                    "짠 음식과 음주를 줄이고 주 5회, 하루 30분 이상 걷기를 권합니다.",
                    "가정에서 잰 혈압이 135/85 mmHg 미만으로 유지되도록 관리하십시오.",
                    "하루 7~8시간 충분히 주무시고 물을 하루 6~8잔 드십시오.")
                    : List.of("Eat less salt (under 2,000 mg of sodium a day) and exercise regularly, aiming for a systolic pressure below 125 mmHg.",
                    "Measure your blood pressure at home morning and evening and check that it stays under 130/80 mmHg.",
                    "Cut down on salty food and alcohol, and walk at least 30 minutes a day, 5 days a week.",
                    "At home, aim to keep your blood pressure below 135/85 mmHg.",
                    "Sleep 7–8 hours a night and drink 6–8 glasses of water a day.");
            case OBESITY -> ko ? List.of(
                    "체질량지수 25 kg/m² 미만을 목표로 6개월에 걸쳐 체중의 5~10%를 줄여 보십시오.",
                    "야식과 단 음료를 줄이고 주 150분 이상 유산소 운동을 하십시오.")
                    : List.of("Aim for a BMI under 25 kg/m² by losing 5–10% of your weight over 6 months.",
                    "Avoid late-night snacks and sugary drinks, and do at least 150 minutes of aerobic exercise a week.");
            case ABDOMINAL_OBESITY -> ko ? List.of(
                    "허리둘레를 남성 90 cm, 여성 85 cm 미만으로 줄이는 것을 목표로 식사량을 조절하십시오.",
                    "정제 탄수화물을 줄이고 근력 운동을 주 2회 이상 병행하십시오.")
                    : List.of("Aim for a waist under 90 cm for men or 85 cm for women by eating smaller portions.",
                    "Cut refined carbohydrates and add strength training at least twice a week.");
            case ANEMIA -> ko ? List.of(
                    "붉은 살코기, 시금치, 콩류처럼 철분이 많은 음식을 골고루 드십시오.",
                    "어지럼증이나 피로가 계속되면 진료를 받아 원인을 확인하십시오.")
                    : List.of("Eat iron-rich foods such as lean red meat, spinach and beans.",
                    "If dizziness or tiredness continues, see a doctor to find the cause.");
            case DIABETES -> ko ? List.of(
                    "공복혈당 100 mg/dL 미만을 목표로 흰쌀밥과 단 음식을 줄이고 식후 30분 걷기를 하십시오.",
                    "규칙적인 식사와 하루 30분 이상의 운동이 혈당 관리에 도움이 됩니다.",
                    "식후 2시간 혈당은 140 mg/dL 미만을 목표로 식사량을 조절하십시오.")
                    : List.of("Aim for a fasting glucose under 100 mg/dL: cut down on white rice and sweets and walk for 30 minutes after meals.",
                    "Regular meals and at least 30 minutes of exercise a day help control blood sugar.",
                    "Aim for a blood sugar under 140 mg/dL two hours after meals by adjusting portion sizes.");
            case DYSLIPIDEMIA -> ko ? List.of(
                    "LDL 콜레스테롤 130 mg/dL 미만을 목표로 튀김과 가공육 등 포화지방을 줄이십시오.",
                    "중성지방을 150 mg/dL 미만으로 낮추려면 술과 단 음식을 줄이고 등푸른 생선을 주 2회 드십시오.",
                    "채소와 통곡물을 늘리고 주 150분 이상 운동하십시오.")
                    : List.of("Aim for an LDL cholesterol under 130 mg/dL by cutting saturated fat such as fried food and processed meat.",
                    "To bring triglycerides under 150 mg/dL, drink less alcohol, eat fewer sweets and have oily fish twice a week.",
                    "Eat more vegetables and whole grains and exercise at least 150 minutes a week.");
            case LIVER_DISEASE -> ko ? List.of(
                    "음주를 줄이고(주 2회 이하, 1회 2잔 이내) 3~6개월에 걸쳐 체중의 5~10%를 줄이십시오.",
                    "불필요한 건강보조제나 약은 의사와 상의한 뒤 복용하십시오.")
                    : List.of("Drink less (no more than twice a week, two drinks at a time) and lose 5–10% of your weight over 3–6 months.",
                    "Talk to your doctor before taking supplements or medicines you do not need.");
            case KIDNEY_DISEASE -> ko ? List.of(
                    "짜게 먹지 말고 물을 충분히 드시며, 진통제는 의사와 상의한 뒤 복용하십시오.",
                    "혈압과 혈당을 잘 조절하는 것이 콩팥을 보호하는 데 중요합니다.")
                    : List.of("Avoid salty food, drink enough water and check with your doctor before taking painkillers.",
                    "Keeping blood pressure and blood sugar under control protects your kidneys.");
            case CHEST_DISEASE -> ko ? List.of(
                    "기침이나 가래가 2주 이상 계속되면 바로 진료를 받으십시오.",
                    "금연하시고 정기적으로 흉부 검사를 받으십시오.")
                    : List.of("If a cough or phlegm lasts more than 2 weeks, see a doctor straight away.",
                    "Stop smoking and have regular chest check-ups.");
        };
    }

    /** Advice for the underweight: the obesity unit is borderline because the BMI is low. */
    static List<String> underweightAdvice(String language) {
        return language.equals("ko")
                ? List.of("균형 잡힌 식사를 규칙적으로 하시고 단백질 섭취를 늘려 체중을 서서히 늘리십시오.")
                : List.of("Eat regular, balanced meals with enough protein to gain weight gradually.");
    }

    /** Follow-up recommendations per target disease; tests not in this screening are recommended without a value. */
    static List<String> followUp(TargetDisease disease, String language) {
        boolean ko = language.equals("ko");
        return switch (disease) {
            case HYPERTENSION -> ko ? List.of("1~2주 안에 혈압을 다시 측정하고 내과 진료를 받으십시오.")
                    : List.of("Have your blood pressure measured again within 1–2 weeks and see an internist.");
            case DIABETES -> ko ? List.of("3~6개월 후 공복혈당과 당화혈색소(HbA1c) 검사를 받아 보십시오.", "내과에서 당뇨병 확인 검사를 받으십시오.")
                    : List.of("Repeat the fasting glucose test and have an HbA1c test in 3–6 months.", "See an internist for a diabetes confirmation test.");
            case DYSLIPIDEMIA -> ko ? List.of("6개월 후 공복 상태에서 이상지질혈증 검사를 다시 받으십시오.")
                    : List.of("Repeat the fasting lipid panel in 6 months.");
            case LIVER_DISEASE -> ko ? List.of("간 기능 검사를 다시 받고 필요하면 복부 초음파 검사를 받아 보십시오.")
                    : List.of("Repeat the liver function tests and consider an abdominal ultrasound.");
            case KIDNEY_DISEASE -> ko ? List.of("소변검사와 신장 기능 검사를 다시 받고 신장내과 진료를 받으십시오.")
                    : List.of("Repeat the urine and kidney function tests and see a nephrologist.");
            case CHEST_DISEASE -> ko ? List.of("호흡기내과에서 흉부 CT 등 정밀 검사를 받아 보십시오.")
                    : List.of("See a chest physician for further tests such as a chest CT.");
            case ANEMIA -> ko ? List.of("빈혈의 원인을 확인하기 위해 혈액 검사를 다시 받아 보십시오.")
                    : List.of("Have your blood tested again to find the cause of the anemia.");
            case OBESITY, ABDOMINAL_OBESITY -> ko ? List.of("1년 후 정기 검진에서 체중과 허리둘레 변화를 확인하십시오.")
                    : List.of("Check the change in your weight and waist at next year's screening.");
        };
    }

    static final List<String> ROUTINE_FOLLOW_UP_KO = List.of("2년 후 다음 일반건강검진을 받으십시오.", "1년 후 정기 검진을 권합니다.",
            "다음 일반건강검진은 2년 후인 2028년에 받으십시오.");
    static final List<String> ROUTINE_FOLLOW_UP_EN = List.of("Have your next general health screening in 2 years.",
            "A routine check-up in a year is recommended.", "Your next general health screening is due in 2028.");

    /** The unit as people often type it (lower case, a space), where that differs from the display unit. */
    static String typedUnit(ItemKey key) {
        return switch (key) {
            case FASTING_GLUCOSE, TOTAL_CHOLESTEROL, HDL, TRIGLYCERIDES, LDL, CREATININE -> "mg/dl";
            case HEMOGLOBIN -> "g/dl";
            case SYSTOLIC_BP, DIASTOLIC_BP -> "mm Hg";
            case BMI -> "kg/m2";
            case EGFR -> "mL/min/1.73 m²";
            default -> null;
        };
    }

    /** The normal limit without its unit, as in "정상(100 미만)"; {Korean, English}. */
    static String[] bareLimit(ItemKey key) {
        return switch (key) {
            case SYSTOLIC_BP -> new String[] {"120 미만", "under 120"};
            case FASTING_GLUCOSE -> new String[] {"100 미만", "under 100"};
            case TOTAL_CHOLESTEROL -> new String[] {"200 미만", "under 200"};
            case TRIGLYCERIDES -> new String[] {"150 미만", "under 150"};
            case LDL -> new String[] {"130 미만", "under 130"};
            case HDL -> new String[] {"60 이상", "60 or more"};
            case AST -> new String[] {"40 이하", "40 or less"};
            case ALT -> new String[] {"35 이하", "35 or less"};
            case EGFR -> new String[] {"60 이상", "60 or more"};
            default -> null;
        };
    }

    private static Predicate<Kind> k(Kind... kinds) {
        List<Kind> list = List.of(kinds);
        return list::contains;
    }
}
