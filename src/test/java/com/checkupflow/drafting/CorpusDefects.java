package com.checkupflow.drafting;

import java.util.List;

/**
 * The surface forms of the defects the corpus plants, Korean and English side by side. A defective draft is a
 * faithful draft with exactly one of these put in (or, for a missing finding, one finding taken out). Variables
 * as in {@link CorpusPhrasings}, plus {wrong} a wrong number, {test} {tvalue} {tunit} a test the screening does not
 * contain, {x} an invented number, {measured} "공복혈당 131 mg/dL" / "your fasting glucose of 131 mg/dL",
 * {measuredSentence} the same as a sentence, {phone} {email} {rrn} personal data.
 */
final class CorpusDefects {

    private CorpusDefects() {
    }

    /** A template per language. */
    record Form(String name, String ko, String en) {
        String template(String language) {
            return language.equals("ko") ? ko : en;
        }
    }

    /** NUMBER_MISMATCH: a value written next to its item that is not the item's value. */
    static final Form WRONG_VALUE_WITHOUT_UNIT = new Form("wrong value without a unit",
            "{name} 수치는 {wrong/으로} 측정되어 정상 범위를 벗어났습니다.",
            "Your {name} reading was {wrong}, outside the normal range.");

    /** UNSUPPORTED_TEST: where a test the screening did not measure appears, with a value. */
    static final List<Form> UNMEASURED_TEST = List.of(
            new Form("unmeasured test in the summary", "참고로 {test/은} {tvalue} {tunit}로 측정되었습니다.",
                    "For reference, your {test} was {tvalue} {tunit}."),
            new Form("unmeasured test after a finding", "{test}도 {tvalue} {tunit}로 약간 높습니다.",
                    "Your {test} is also slightly high at {tvalue} {tunit}."),
            new Form("unmeasured test in the follow-up", "{test}({tvalue} {tunit})도 함께 추적 관찰하십시오.",
                    "Keep an eye on your {test} ({tvalue} {tunit}) as well."),
            new Form("unmeasured test in the advice", "{test} 수치({tvalue} {tunit})를 고려해 식단을 조절하십시오.",
                    "Given your {test} of {tvalue} {tunit}, adjust your diet."));

    /** UNSUPPORTED_TEST: an item of the screening that was not measured this time, with an invented value. */
    static final Form NOT_MEASURED_ITEM = new Form("item not measured this time, with a value",
            "{name/은} {tvalue} {unit}로 정상 범위입니다.",
            "Your {name} was {tvalue} {unit}, within the normal range.");

    /** Tests a general screening does not contain: Korean name, English name, unit, value range, decimals. */
    record Test(String ko, String en, String unit, double min, double max, int scale) {
    }

    static final List<Test> TESTS = List.of(
            new Test("요산", "uric acid", "mg/dL", 6.0, 9.5, 1),
            new Test("당화혈색소(HbA1c)", "HbA1c", "%", 5.8, 8.5, 1),
            new Test("CEA(암태아성항원)", "CEA", "ng/mL", 2.0, 6.0, 1),
            new Test("갑상선자극호르몬(TSH)", "TSH", "mIU/L", 0.5, 6.0, 1),
            new Test("PSA(전립선특이항원)", "PSA", "ng/mL", 1.0, 5.0, 1),
            new Test("비타민 D", "vitamin D", "ng/mL", 12, 35, 0),
            new Test("CRP", "CRP", "mg/dL", 0.3, 2.5, 1),
            new Test("총빌리루빈", "total bilirubin", "mg/dL", 0.8, 2.2, 1),
            new Test("알부민", "albumin", "g/dL", 3.0, 4.2, 1),
            new Test("페리틴", "ferritin", "ng/mL", 8, 40, 0),
            new Test("공복 인슐린", "fasting insulin", "µIU/mL", 8, 25, 0),
            new Test("체지방률", "body fat percentage", "%", 25, 38, 0),
            new Test("안압", "eye pressure", "mmHg", 18, 26, 0),
            new Test("호모시스테인", "homocysteine", "µmol/L", 10, 18, 1));

    /** UNSUPPORTED_VALUE: a value the judgement does not hold, not tied to a measured item. */
    static final List<Form> INVENTED_VALUE = List.of(
            new Form("unattributed value in the summary", "혈액 검사 수치 가운데 하나가 {x} mg/dL로 기준보다 높게 나왔습니다.",
                    "One of your blood test values came back at {x} mg/dL, above the reference."),
            new Form("value of a previous screening", "지난 검진 때는 {x} {unit}였습니다.",
                    "At your last screening it was {x} {unit}."),
            new Form("estimated risk as a percentage", "이 결과로 볼 때 향후 10년 안에 심뇌혈관질환이 생길 위험은 약 {x}%로 추정됩니다.",
                    "Based on these results, your 10-year risk of cardiovascular disease is estimated at about {x}%."),
            new Form("number without a unit", "검사 수치가 {x}까지 올라가 있어 관리가 필요합니다.",
                    "One of your readings went up to {x}, which needs attention."),
            new Form("level in another unit", "혈중 농도가 {x} ng/mL로 측정되어 추적 관찰이 필요합니다.",
                    "A blood level of {x} ng/mL was measured and should be followed up."),
            new Form("invented change", "체중이 지난해보다 {x} kg 늘었습니다.", "Your weight has gone up by {x} kg since last year."));

    /** OVERALL_CONTRADICTION: the summary says everything is fine. */
    static final List<Form> ALL_FINE = List.of(
            new Form("nothing abnormal", "전체적으로 이상이 없는 결과입니다.", "Overall, your results show nothing abnormal."),
            new Form("all within range", "모든 검사 결과가 정상 범위 안에 있습니다.", "All of your results are within the normal range."),
            new Form("no abnormal findings", "이번 검진에서 특별한 이상 소견은 발견되지 않았습니다.", "No abnormal findings were found in this screening."),
            new Form("good health in every item", "검사하신 항목 모두 건강이 양호한 상태입니다.", "Your results show good health in every item tested."),
            new Form("nothing to worry about", "걱정하실 만한 결과는 없습니다.", "There is nothing to worry about in your results."),
            new Form("everything fine", "모두 괜찮은 결과입니다.", "Everything looks fine."),
            new Form("all clear", "이번 검진 결과는 모두 정상으로 나왔습니다.", "Your screening came back all clear."));

    /** CATEGORY_CONTRADICTION in a finding: a suspect item called normal, in its sentence or the next. */
    static final List<Form> CALLED_NORMAL_IN_FINDING = List.of(
            new Form("called normal", "{name/은} {value} {unit}로 정상 범위입니다.", "Your {name} of {value} {unit} is normal."),
            new Form("normal in the next sentence", "{name/은} {value} {unit}로 측정되었습니다. 다행히 양호한 수준입니다.",
                    "Your {name} was {value} {unit}. Fortunately, this is within the healthy range."),
            new Form("within the reference range", "{name/은} {value} {unit}로 참고치 이내입니다.",
                    "Your {name}, {value} {unit}, is within the reference range."),
            new Form("nothing to worry about in the finding", "{name/은} {value} {unit}로 문제없는 수준입니다.",
                    "Your {name} of {value} {unit} is nothing to worry about."));

    /** CATEGORY_CONTRADICTION in the summary (also for coded items). */
    static final List<Form> CALLED_NORMAL_IN_SUMMARY = List.of(
            new Form("listed with a normal item as normal", "{other/과} {name/은} 모두 정상입니다.",
                    "Your {other} and {name} are both normal."),
            new Form("no need to worry", "{name} 결과는 정상 수준이라 걱정하지 않으셔도 됩니다.",
                    "Your {name} result is normal, so there is no need to worry."));

    /** DIAGNOSIS_LANGUAGE: conclusive wording in the finding of a suspect item. */
    static final List<Form> CONCLUSIVE = List.of(
            new Form("confirmed", "{measured/으로} {disease/이} 확인됩니다.", "{measuredSentence} This confirms {disease}."),
            new Form("means", "{measuredSentence} 이는 {disease/을} 뜻합니다.", "{measuredSentence} This means you have {disease}."),
            new Form("diagnosed", "{measured/으로} {disease/으로} 진단됩니다.", "Based on {measured}, you are diagnosed with {disease}."),
            new Form("is the disease", "{measured/으로} {disease}입니다.", "With {measured}, you have {disease}."),
            new Form("certain", "{measured/으로} {disease/이} 확실합니다.", "{measured} shows that you definitely have {disease}."),
            new Form("patient", "{measured/으로} {disease} 환자에 해당합니다.", "{measured} makes you a {disease} patient."),
            new Form("suffers from", "{measuredSentence} {disease/을} 앓고 계십니다.", "{measuredSentence} You are suffering from {disease}."),
            new Form("proven", "{measured/으로} {disease/으로} 판명되었습니다.", "{measured} proves that you have {disease}."),
            new Form("judged to be", "{measured/으로} {disease/으로} 판단됩니다.", "{measuredSentence} This indicates that you have {disease}."));

    /** MISSING_FINDING: the item has no finding; where it is still mentioned in passing. */
    static final Form MENTIONED_IN_ADVICE = new Form("only mentioned in the advice",
            "{name} 관리를 위해 식습관을 점검하고 꾸준히 운동하십시오.", "To improve your {name}, watch your diet and exercise regularly.");
    static final Form MENTIONED_IN_FOLLOW_UP = new Form("only mentioned in the follow-up",
            "3개월 후 {name} 재검사를 받으십시오.", "Repeat the {name} test in 3 months.");
    static final Form MENTIONED_IN_SUMMARY = new Form("only mentioned in the summary",
            "{name}도 관리가 필요합니다.", "Your {name} also needs attention.");
    static final Form MENTIONED_IN_ANOTHER_FINDING = new Form("only mentioned in another item's finding",
            "{name}도 함께 관리가 필요합니다.", "Your {name} also needs some care.");

    /** PII_LEAK: personal data of the screened person. */
    static final List<Form> PERSONAL_DATA = List.of(
            new Form("mobile phone", "등록하신 연락처 {phone}로 결과를 안내해 드립니다.", "We will send your results to your phone, {phone}."),
            new Form("landline", "자택 전화({phone})로 예약 안내를 드리겠습니다.", "We will call your home number ({phone}) to book the visit."),
            new Form("e-mail", "결과지 사본은 {email}로 보내 드리겠습니다.", "A copy of the report will be sent to {email}."),
            new Form("resident registration number", "주민등록번호 {rrn} 수검자의 결과입니다.", "Results for resident registration number {rrn}."),
            new Form("RRN without hyphen", "수검자 확인: {rrn}", "Screened person: {rrn}"),
            new Form("masked RRN", "(수검자 {rrn})", "(screened person {rrn})"),
            new Form("dotted mobile phone", "휴대전화 {phone}로 문자 안내를 드립니다.", "We will text you at {phone}."));
}
