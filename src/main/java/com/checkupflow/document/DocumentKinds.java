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
 * A kind that names a Java {@code drafter} (the report summary, the referral letter) is drafted by that
 * {@link KindDrafter} within the same step: the application does not start unless every such drafter is registered.
 */
@Component
class DocumentKinds {

    private final Map<String, DocumentKind> kinds = new TreeMap<>();
    private final Map<String, Set<String>> profiles = new TreeMap<>();
    private final Map<String, KindDrafter> drafters = new TreeMap<>();
    private final Map<String, String> legacyTopics = new TreeMap<>();

    /** @throws IllegalStateException when a kind names a drafter that is not registered, or a drafter no kind names */
    @Autowired
    DocumentKinds(List<KindDrafter> registered) {
        this();
        registered.forEach(d -> drafters.put(d.drafter(), d));
        Set<String> named = new TreeSet<>();
        kinds.values().stream().filter(k -> k.drafter() != null).forEach(k -> named.add(k.drafter()));
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
                if ((kind.drafter() == null) != (kind.outputVariable() == null)) {
                    throw new IllegalStateException(DocumentKind.FOLDER + id
                            + "/kind.properties: a kind with a drafter names its output.variable, no other kind does");
                }
                kinds.put(id, kind);
                for (String topic : kind.legacyTopics()) {
                    String other = legacyTopics.put(topic, id);
                    if (other != null) {
                        throw new IllegalStateException("legacy topic " + topic + " of two kinds: " + other + ", " + id);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the document kinds", e);
        }
        Properties p = DocumentKind.properties(DocumentKind.FOLDER + "check-profiles.properties");
        p.stringPropertyNames().forEach(name -> profiles.put(name, Set.copyOf(DocumentKind.list(p.getProperty(name)))));
        kinds.values().forEach(k -> profile(k.checkProfile()));
    }

    /** @throws IllegalArgumentException naming the kinds there are */
    DocumentKind get(String id) {
        DocumentKind kind = id == null ? null : kinds.get(id.trim());
        if (kind == null) {
            throw new IllegalArgumentException("no document kind " + id + " (kinds: " + kinds.keySet() + ")");
        }
        return kind;
    }

    /** Every kind, the choices of the element template's kind dropdown. */
    Collection<DocumentKind> all() {
        return kinds.values();
    }

    /** The Java drafter of a kind that names one. */
    KindDrafter drafter(DocumentKind kind) {
        KindDrafter d = drafters.get(kind.drafter());
        if (d == null) {
            throw new IllegalStateException("no drafter " + kind.drafter() + " registered for kind " + kind.id());
        }
        return d;
    }

    /** The registered Java drafters. */
    Collection<KindDrafter> drafters() {
        return drafters.values();
    }

    /** Topic of an older process version → the kind its step drafted ({@code legacy.topics} of kind.properties). */
    Map<String, String> legacyTopics() {
        return legacyTopics;
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
