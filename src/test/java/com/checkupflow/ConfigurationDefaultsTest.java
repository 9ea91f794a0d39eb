package com.checkupflow;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every {@code @ConfigurationProperties} class bound from an empty environment (its code defaults) against the same
 * class bound from application.yaml alone: where the code has a default, the YAML either leaves the setting out or
 * says the same, so a reader of either finds the value the application runs with.
 */
class ConfigurationDefaultsTest {

    @Test
    void shouldHaveTheYamlValuesAsCodeDefaultsWhenBoundFromAnEmptyEnvironment() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yaml",
                new ClassPathResource("application.yaml"));
        Binder fromYaml = new Binder(ConfigurationPropertySources.from(yaml),
                new PropertySourcesPlaceholdersResolver(yaml));
        Binder empty = new Binder(List.of());

        List<Class<?>> types = propertiesClasses();
        Assertions.assertThat(types).hasSizeGreaterThan(10);
        SoftAssertions softly = new SoftAssertions();
        for (Class<?> type : types) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).prefix();
            if (prefix.isEmpty()) {
                prefix = type.getAnnotation(ConfigurationProperties.class).value();
            }
            Object codeDefaults = empty.bindOrCreate(prefix, Bindable.of(type));
            Object yamlValues = fromYaml.bindOrCreate(prefix, Bindable.of(type));
            compare(softly, type.getName() + " (" + prefix + ")", codeDefaults, yamlValues);
        }
        softly.assertAll();
    }

    /**
     * Component by component, into nested records. A setting without a code default (null, or a list or map the
     * record turns into an empty one) has its one value in the YAML.
     */
    private static void compare(SoftAssertions softly, String path, Object code, Object yaml) throws Exception {
        if (code == null || code instanceof Collection<?> c && c.isEmpty() || code instanceof Map<?, ?> m && m.isEmpty()) {
            return;
        }
        if (!code.getClass().isRecord()) {
            softly.assertThat(yaml).as(path).isEqualTo(code);
            return;
        }
        for (RecordComponent component : code.getClass().getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            compare(softly, path + "." + component.getName(), accessor.invoke(code), accessor.invoke(yaml));
        }
    }

    private static List<Class<?>> propertiesClasses() throws IOException, ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.checkupflow")) {
            types.add(ClassUtils.forName(candidate.getBeanClassName(), ConfigurationDefaultsTest.class.getClassLoader()));
        }
        return types;
    }
}
