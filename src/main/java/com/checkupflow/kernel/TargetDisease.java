package com.checkupflow.kernel;

/** The target disease of a judgement unit (대상질환), used for report wording and advice. */
public enum TargetDisease {
    HYPERTENSION("고혈압", "hypertension"),
    OBESITY("비만", "obesity"),
    ABDOMINAL_OBESITY("복부비만", "abdominal obesity"),
    ANEMIA("빈혈", "anemia"),
    DIABETES("당뇨병", "diabetes"),
    DYSLIPIDEMIA("이상지질혈증", "dyslipidemia"),
    LIVER_DISEASE("간장질환", "liver disease"),
    KIDNEY_DISEASE("신장질환", "kidney disease"),
    CHEST_DISEASE("폐결핵·흉부질환", "pulmonary tuberculosis and other chest disease");

    private final String labelKo;
    private final String labelEn;

    TargetDisease(String labelKo, String labelEn) {
        this.labelKo = labelKo;
        this.labelEn = labelEn;
    }

    public String labelKo() {
        return labelKo;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The name in a screening's language: English for {@code en}, Korean otherwise. */
    public String label(String language) {
        return "en".equals(language) ? labelEn : labelKo;
    }
}
