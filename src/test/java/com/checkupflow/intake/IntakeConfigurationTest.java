package com.checkupflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Wiring only (no application context with the engine): the beans and the property binding. */
class IntakeConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(IntakeConfiguration.class, BundleParser.class, ScreeningNormalizer.class);

    @Test
    void shouldBindDocumentedDefaultsWhenNoPropertiesAreSet() {
        runner.run(ctx -> {
            assertThat(ctx).hasSingleBean(FhirContext.class).hasSingleBean(BundleParser.class)
                    .hasSingleBean(ScreeningNormalizer.class);
            assertThat(ctx.getBean(FhirContext.class).getVersion().getVersion()).isEqualTo(FhirVersionEnum.R4);
            assertThat(ctx.getBean(JudgementProperties.class)).isEqualTo(JudgementProperties.defaults());
        });
    }

    @Test
    void shouldBindLipidScheduleWhenPropertiesAreSet() {
        runner.withPropertyValues("checkupflow.judgement.lipids.min-age-female=20",
                        "checkupflow.judgement.lipids.cycle-years=2")
                .run(ctx -> assertThat(ctx.getBean(JudgementProperties.class).lipids())
                        .isEqualTo(new JudgementProperties.Lipids(24, 20, 2)));
    }

    @Test
    void shouldFailToStartWhenCycleIsNotPositive() {
        runner.withPropertyValues("checkupflow.judgement.lipids.cycle-years=0")
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}
