package com.checkupflow;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;

/**
 * The package rules of the README's code map. An engine adapter is a class of the {@code engine} package, or one
 * whose (outermost) name says it is one: {@code Camunda*}, {@code *Delegate}, {@code *Listener}, {@code *Worker},
 * {@code *Plugin}, {@code *EngineConfiguration}. Only adapters import {@code org.camunda}; only the engine's own
 * extension points (not the delegates, listeners and workers of a step) reach into its internals ({@code ..impl..}).
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.checkupflow");

    private static final String[] ENGINE_PACKAGES = {"org.camunda..", "camundajar.."};

    static final DescribedPredicate<JavaClass> ENGINE_ADAPTER = new DescribedPredicate<>(
            "engine adapters (package engine, Camunda*, *Delegate, *Listener, *Worker, *Plugin, *EngineConfiguration)") {
        @Override
        public boolean test(JavaClass javaClass) {
            String name = outermost(javaClass).getSimpleName();
            return javaClass.getPackageName().equals("com.checkupflow.engine") || name.startsWith("Camunda")
                    || name.endsWith("Delegate") || name.endsWith("Listener") || name.endsWith("Worker")
                    || isEngineExtension(name);
        }
    };

    private static final DescribedPredicate<JavaClass> ENGINE_EXTENSION = new DescribedPredicate<>(
            "engine extensions (package engine, Camunda*, *Plugin, *EngineConfiguration)") {
        @Override
        public boolean test(JavaClass javaClass) {
            String name = outermost(javaClass).getSimpleName();
            return javaClass.getPackageName().equals("com.checkupflow.engine") || name.startsWith("Camunda")
                    || isEngineExtension(name);
        }
    };

    private static boolean isEngineExtension(String simpleName) {
        return simpleName.endsWith("Plugin") || simpleName.endsWith("EngineConfiguration");
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    @Test
    void shouldFindNoCycleWhenFeaturePackagesDependOnEachOther() {
        slices().matching("com.checkupflow.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldImportTheEngineOnlyWhenTheClassIsAnAdapter() {
        noClasses().that(not(ENGINE_ADAPTER)).should().dependOnClassesThat().resideInAnyPackage(ENGINE_PACKAGES)
                .check(MAIN);
    }

    @Test
    void shouldUseEngineInternalsOnlyWhenTheClassExtendsTheEngine() {
        noClasses().that(not(ENGINE_EXTENSION)).should().dependOnClassesThat()
                .resideInAnyPackage("org.camunda..impl..", "camundajar.impl..")
                .check(MAIN);
    }

    @Test
    void shouldNotTouchTheEngineWhenTheClassIsAController() {
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .or().resideInAPackage("com.checkupflow.web..")
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE_PACKAGES)
                .check(MAIN);
    }

    @Test
    void shouldReadNoFhirWhenTheClassBelongsToTheJudgement() {
        noClasses().that().resideInAPackage("com.checkupflow.judgement..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hl7.fhir..", "ca.uhn.fhir..", "com.checkupflow.intake..")
                .because("intake parses and normalizes the Bundle; the judgement evaluates the kernel's normalized screening")
                .check(MAIN);
    }

    @Test
    void shouldDependOnNoFeatureWhenTheClassBelongsToTheKernel() {
        onlyItselfAndLibraries("com.checkupflow.kernel..").check(MAIN);
    }

    @Test
    void shouldDependOnNothingWhenTheClassIsAProcessContract() {
        onlyItselfAndLibraries("com.checkupflow.process..")
                .orShould().dependOnClassesThat().resideInAnyPackage(ENGINE_PACKAGES)
                .check(MAIN);
    }

    private static ClassesShouldConjunction onlyItselfAndLibraries(String packageIdentifier) {
        return noClasses().that().resideInAPackage(packageIdentifier)
                .should().dependOnClassesThat(resideInAPackage("com.checkupflow..")
                        .and(not(resideInAPackage(packageIdentifier))));
    }
}
