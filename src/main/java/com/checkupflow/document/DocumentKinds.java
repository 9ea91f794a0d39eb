package com.checkupflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every document kind on the class path ({@code documents/<kind>/kind.properties}), loaded and checked at start-up
 * so that a broken kind stops the application instead of failing a task, and the check profiles
 * ({@code documents/check-profiles.properties}: a profile names the rules of the deterministic check that apply).
 */
@Component
class DocumentKinds {

    private final Map<String, DocumentKind> kinds = new TreeMap<>();
    private final Map<String, Set<String>> profiles = new TreeMap<>();

    DocumentKinds() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + DocumentKind.FOLDER + "*/kind.properties")) {
                String path = r.getURL().getPath();
                String id = path.substring(0, path.lastIndexOf('/'));
                id = id.substring(id.lastIndexOf('/') + 1);
                kinds.put(id, DocumentKind.load(id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the document kinds", e);
        }
        Properties p = DocumentKind.properties(DocumentKind.FOLDER + "check-profiles.properties");
        p.stringPropertyNames().forEach(name -> profiles.put(name, Set.copyOf(DocumentKind.list(p.getProperty(name)))));
        for (DocumentKind k : kinds.values()) {
            profile(k.checkProfile());
        }
    }

    /** @throws IllegalArgumentException naming the kinds there are */
    DocumentKind get(String id) {
        DocumentKind kind = id == null ? null : kinds.get(id.trim());
        if (kind == null) {
            throw new IllegalArgumentException("no document kind " + id + " (kinds: " + kinds.keySet() + ")");
        }
        return kind;
    }

    Collection<DocumentKind> all() {
        return kinds.values();
    }

    /** The rules of a check profile; an empty set checks nothing. */
    Set<String> profile(String name) {
        Set<String> rules = profiles.get(name);
        if (rules == null) {
            throw new IllegalArgumentException("no check profile " + name + " (profiles: " + profiles.keySet() + ")");
        }
        return rules;
    }
}
