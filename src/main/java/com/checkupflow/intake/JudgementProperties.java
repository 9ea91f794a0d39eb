package com.checkupflow.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Project conventions of the judgement that are kept configurable (screening-criteria.md marks them L). They live in
 * intake because the normalizer applies them: a lipid panel that is not due becomes NOT_SCHEDULED before any DMN runs.
 *
 * <pre>
 * checkupflow.judgement.lipids.min-age-male=24
 * checkupflow.judgement.lipids.min-age-female=40
 * checkupflow.judgement.lipids.cycle-years=4
 * </pre>
 */
@ConfigurationProperties(prefix = "checkupflow.judgement")
public record JudgementProperties(@DefaultValue Lipids lipids) {

    /**
     * Lipid panel schedule (screening-criteria.md §2, L): due when age = exam year − birth year is at least the
     * sex's minimum age and {@code age % cycleYears == 0}.
     */
    public record Lipids(
            @DefaultValue("24") int minAgeMale,
            @DefaultValue("40") int minAgeFemale,
            @DefaultValue("4") int cycleYears) {

        public Lipids {
            if (cycleYears < 1) {
                throw new IllegalArgumentException("checkupflow.judgement.lipids.cycle-years must be >= 1");
            }
        }
    }

    public JudgementProperties {
        if (lipids == null) {
            lipids = defaults().lipids();
        }
    }

    /** The documented conventions: men from 24, women from 40, every 4 years. */
    public static JudgementProperties defaults() {
        return new JudgementProperties(new Lipids(24, 40, 4));
    }
}
