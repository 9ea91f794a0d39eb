package com.checkupflow.intake;

import java.util.Map;

/**
 * A problem with the screening as a whole (the Bundle is rejected, nothing is stored).
 *
 * @param code   short machine code: {@code not_json}, {@code not_a_bundle}, {@code unparseable_bundle},
 *               {@code missing_identifier}, {@code no_patient}, {@code multiple_patients}, {@code no_observation},
 *               {@code number_out_of_range}
 * @param detail human-readable explanation; never contains personal data from the Bundle
 * @param facts  the specific facts of the detail (a JSON path, a line, a resourceType, a limit) for the Korean problem
 *               document (web.Problem); never personal data
 */
public record BundleProblem(String code, String detail, Map<String, String> facts) {

    public BundleProblem {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    BundleProblem(String code, String detail) {
        this(code, detail, Map.of());
    }

    public static final String NOT_JSON = "not_json";
    public static final String NOT_A_BUNDLE = "not_a_bundle";
    public static final String UNPARSEABLE_BUNDLE = "unparseable_bundle";
    public static final String MISSING_IDENTIFIER = "missing_identifier";
    public static final String NO_PATIENT = "no_patient";
    public static final String MULTIPLE_PATIENTS = "multiple_patients";
    public static final String NO_OBSERVATION = "no_observation";
    public static final String NUMBER_OUT_OF_RANGE = "number_out_of_range";
}
