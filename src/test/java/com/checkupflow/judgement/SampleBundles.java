package com.checkupflow.judgement;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample screening Bundles under {@code src/test/resources/bundles/} (fictitious names, synthetic RRNs, tagged
 * HTEST), for reuse in other tests:
 * <ul>
 *   <li>{@code normal-male.json}: man born 1982 (lipids due in 2026), every item valid and in the normal band.</li>
 *   <li>{@code suspect-female-mmol.json}: woman born 1986 (40, lipids due), SI units (mmol/L, g/L, umol/L, [in_i]),
 *       no BMI (computed 26.4), BP 142/92, glucose 7.27 mmol/L = 131 mg/dL, dyslipidaemia, treated hypertension
 *       (active medication) and a stopped diabetes medication.</li>
 *   <li>{@code invalid-items.json}: man born 1984 (42, lipids not scheduled), one item per validity rule, an
 *       entered-in-error Observation, an RRN with a wrong check digit (warning only).</li>
 * </ul>
 */
public final class SampleBundles {

    public static final String NORMAL_MALE = "normal-male.json";
    public static final String SUSPECT_FEMALE_MMOL = "suspect-female-mmol.json";
    public static final String INVALID_ITEMS = "invalid-items.json";

    private SampleBundles() {
    }

    /** The JSON text of a sample Bundle, e.g. {@code SampleBundles.json(SampleBundles.NORMAL_MALE)}. */
    public static String json(String name) {
        try (InputStream in = SampleBundles.class.getResourceAsStream("/bundles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample bundle " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
