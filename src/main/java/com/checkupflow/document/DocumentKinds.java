package com.checkupflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.checkupflow.ai.KindDrafter;

/**
 * Every document kind on the class path ({@code documents/<kind>/kind.properties}), loaded and checked at start-up
 * so that a broken kind stops the application instead of failing a task, and the check profiles
 * ({@code documents/check-profiles.properties}: a profile names the rules of the deterministic check that apply).
 * A kind that names a Java {@code drafter} (the report summary, the referral letter) is drafted by that drafter's own
 * step, not by the generic one: the application does not start unless every such drafter is registered.
 */
@Component
class DocumentKinds {

    private final Map<String, DocumentKind> kinds = new TreeMap<>();
    private final Map<String, DocumentKind> drafted = new TreeMap<>();
    private final Map<String, Set<String>> profiles = new TreeMap<>();
    private final Map<String, KindDrafter> drafters = new TreeMap<>();

    /** @throws IllegalStateException when a kind names a drafter that is not registered, or a drafter no kind names */
    @Autowired
    DocumentKinds(List<KindDrafter> registered) {
        this();
        registered.forEach(d -> drafters.put(d.drafter(), d));
        Set<String> named = new TreeSet<>();
        drafted.values().forEach(k -> named.add(k.drafter()));
        if (!named.equals(drafters.keySet())) {
            throw new IllegalStateException("document kinds name the drafters " + named + ", registered are "
                    + drafters.keySet());
        }
    }

    DocumentKinds() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + DocumentKind.FOLDER + "*/kind.properties")) {
                String path = r.getURL().getPath();
                String id = path.substring(0, path.lastIndexOf('/'));
                id = id.substring(id.lastIndexOf('/') + 1);
                DocumentKind kind = DocumentKind.load(id);
                (kind.drafter() == null ? kinds : drafted).put(id, kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the document kinds", e);
        }
        Properties p = DocumentKind.properties(DocumentKind.FOLDER + "check-profiles.properties");
        p.stringPropertyNames().forEach(name -> profiles.put(name, Set.copyOf(DocumentKind.list(p.getProperty(name)))));
        for (DocumentKind k : kinds.values()) {
            profile(k.checkProfile());
        }
        for (DocumentKind k : drafted.values()) {
            profile(k.checkProfile());
        }
    }

    /** @throws IllegalArgumentException naming the kinds there are, or the step that drafts a kind with a drafter */
    DocumentKind get(String id) {
        DocumentKind kind = id == null ? null : kinds.get(id.trim());
        DocumentKind own = id == null ? null : drafted.get(id.trim());
        if (own != null) {
            KindDrafter d = drafters.get(own.drafter());
            throw new IllegalArgumentException("document kind " + own.id() + " is drafted by its drafter " + own.drafter()
                    + (d == null ? "" : " (topic " + d.topic() + ")") + ", not by the AI document step (kinds: "
                    + kinds.keySet() + ")");
        }
        if (kind == null) {
            throw new IllegalArgumentException("no document kind " + id + " (kinds: " + kinds.keySet() + ")");
        }
        return kind;
    }

    /** The kinds the AI document step drafts (resources only): the choices of its element template. */
    Collection<DocumentKind> all() {
        return kinds.values();
    }

    /** The kinds drafted by their own Java drafter (a {@code drafter} in {@code kind.properties}). */
    Collection<DocumentKind> drafted() {
        return drafted.values();
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
