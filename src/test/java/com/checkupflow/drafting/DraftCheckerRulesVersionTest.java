package com.checkupflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class DraftCheckerRulesVersionTest {

    /**
     * A stored check is reused while the rules' version is the same, so every class of ours the check's code can reach
     * must be in that version: a release changing, say, a unit conversion must make open reviews check again.
     */
    @Test
    void shouldCoverEveryClassTheCheckReachesWhenTheRulesVersionIsComputed() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.checkupflow");
        Set<String> covered = new TreeSet<>();
        Deque<Class<?>> nested = new ArrayDeque<>(DraftChecker.RULE_CLASSES);
        while (!nested.isEmpty()) {
            Class<?> c = nested.pop();
            covered.add(c.getName());
            nested.addAll(Set.of(c.getDeclaredClasses()));
        }
        Set<String> reached = new TreeSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>();
        todo.push(classes.get(DraftChecker.class));
        while (!todo.isEmpty()) {
            JavaClass c = todo.pop();
            if (!reached.add(c.getName())) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                if (target.getPackageName().startsWith("com.checkupflow") && classes.contain(target.getName())) {
                    todo.push(classes.get(target.getName()));
                }
            }
        }
        // anonymous classes (Outer$1) are digested with their outer class
        reached.removeIf(name -> name.matches(".*\\$\\d+") && covered.contains(name.replaceAll("\\$\\d+$", "")));
        assertThat(covered).as("classes the check reaches").containsAll(reached);
    }
}
