package com.checkupflow.kernel;

/** Per-item and per-unit result categories (screening-criteria.md §3), worst last except UNCLASSIFIED. */
public enum Category {
    NORMAL_A("정상A", "Normal A"),
    NORMAL_B("정상B(경계)", "Normal B (borderline)"),
    DISEASE_SUSPECT("질환의심", "Disease suspected"),
    UNCLASSIFIED("판정불가(의사 확인)", "Unclassified (physician review)");

    private final String labelKo;
    private final String labelEn;

    Category(String labelKo, String labelEn) {
        this.labelKo = labelKo;
        this.labelEn = labelEn;
    }

    /** The official label on the result notice (결과통보서). */
    public String labelKo() {
        return labelKo;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The label in a screening's language: English for {@code en}, Korean otherwise. */
    public String label(String language) {
        return "en".equals(language) ? labelEn : labelKo;
    }
}
