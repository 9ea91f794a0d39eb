package com.checkupflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Leaves out of the worker profile's scan what only an engine node runs: the engine adapters and the web layer,
 * controllers, anything built on the engine's or the servlet API (delegates, listeners, plugins), the scheduler of
 * housekeeping jobs, and every component that needs one of those (directly, or through a port only they implement).
 * Model workers and the services behind them remain, whatever feature package they live in.
 */
final class WorkerComponents implements TypeFilter {

    private static final String BASE = "com.checkupflow.";
    private static final List<String> NODE_PACKAGES = Stream.of("engine", "web", "security")
            .map(p -> BASE + p + ".").toList();
    private static final List<String> NODE_APIS = List.of("org.camunda.", "jakarta.servlet.",
            "org.springframework.security.", "org.springframework.web.");

    private final Map<String, Boolean> decided = new HashMap<>();
    private Map<String, List<String>> implementations;

    @Override
    public synchronized boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        if (implementations == null) {
            implementations = implementations(factory);
        }
        var annotations = reader.getAnnotationMetadata();
        if (annotations.hasAnnotation(SpringBootApplication.class.getName())
                || annotations.hasAnnotation(EnableScheduling.class.getName())
                || annotations.hasAnnotation(Controller.class.getName())
                || annotations.hasMetaAnnotation(Controller.class.getName())
                || annotations.hasMetaAnnotation(ControllerAdvice.class.getName())) {
            return true;
        }
        String name = reader.getClassMetadata().getClassName();
        return NODE_PACKAGES.stream().anyMatch(name::startsWith) || nodeOnly(name);
    }

    private boolean nodeOnly(String name) {
        Boolean known = decided.get(name);
        if (known != null) {
            return known;
        }
        decided.put(name, false); // a dependency cycle decides nothing
        boolean nodeOnly = decide(name);
        decided.put(name, nodeOnly);
        return nodeOnly;
    }

    private boolean decide(String name) {
        Class<?> type;
        try {
            type = Class.forName(name, false, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
        if (AnnotatedElementUtils.hasAnnotation(type, Component.class)
                && NODE_PACKAGES.stream().anyMatch(name::startsWith)) {
            return true;
        }
        if (type.isInterface()) {
            // a port: left out when every implementation of ours is (one made by a @Bean method has none here)
            List<String> implemented = implementations.getOrDefault(name, List.of());
            return !implemented.isEmpty() && implemented.stream().allMatch(this::nodeOnly);
        }
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            if (nodeApi(t) || Stream.of(t.getInterfaces()).anyMatch(WorkerComponents::nodeApi)) {
                return true;
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            for (Class<?> parameter : constructor.getParameterTypes()) {
                if (nodeApi(parameter) || parameter.getName().startsWith(BASE) && nodeOnly(parameter.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nodeApi(Class<?> type) {
        return NODE_APIS.stream().anyMatch(type.getName()::startsWith);
    }

    /** Interface → our components implementing it directly. */
    private static Map<String, List<String>> implementations(MetadataReaderFactory factory) {
        Map<String, List<String>> found = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(WorkerComponents.class.getClassLoader())
                    .getResources("classpath*:com/checkupflow/**/*.class")) {
                MetadataReader reader = factory.getMetadataReader(resource);
                var metadata = reader.getClassMetadata();
                var annotations = reader.getAnnotationMetadata();
                // only components make beans: a test's own implementation of a port (e.g. rules read from a DMN file)
                // must not make the port look available on a worker
                if (metadata.isConcrete() && (annotations.hasAnnotation(Component.class.getName())
                        || annotations.hasMetaAnnotation(Component.class.getName()))) {
                    for (String implemented : metadata.getInterfaceNames()) {
                        found.computeIfAbsent(implemented, k -> new ArrayList<>()).add(metadata.getClassName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
