package com.checkupflow.drafting;

import com.checkupflow.ai.TemplateTexts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.checkupflow.kernel.ItemKey;

/**
 * The names a draft may use for tests: the screening's items (names and synonyms of the template resources) and the
 * curated tests the screening does not contain ({@code draft-check/tests.txt}, Korean and English). Finds them in a
 * text longest name first, without overlaps: "당화혈색소" is the test HbA1c, not the item 혈색소.
 */
final class TestLexicon {

    static final String RESOURCE = "draft-check/tests.txt";

    private record Name(String text, ItemKey key, String test) {
    }

    /** A name as the scan compares it, lower-cased and classified once (the scan ran per character of every check). */
    private record Candidate(Name name, String lower, boolean hangul, boolean asciiEnd) {
        Candidate(Name name) {
            this(name, name.text().toLowerCase(Locale.ROOT),
                    Character.UnicodeScript.of(name.text().codePointAt(0)) == Character.UnicodeScript.HANGUL,
                    isAsciiAlnum(name.text().charAt(name.text().length() - 1)));
        }
    }

    /** Per language: the names by the first character of their lower-cased text, longest first within each. */
    private final Map<String, Map<Character, List<Candidate>>> names;

    private TestLexicon(Map<String, List<Name>> names) {
        Map<String, Map<Character, List<Candidate>>> byLanguage = new HashMap<>();
        names.forEach((language, all) -> {
            Map<Character, List<Candidate>> byFirst = new HashMap<>();
            for (Name n : all) {
                Candidate c = new Candidate(n);
                byFirst.computeIfAbsent(c.lower().charAt(0), k -> new ArrayList<>()).add(c);
            }
            byFirst.replaceAll((k, v) -> List.copyOf(v));
            byLanguage.put(language, Map.copyOf(byFirst));
        });
        this.names = Map.copyOf(byLanguage);
    }

    static TestLexicon load(TemplateTexts texts) {
        List<String[]> tests = new ArrayList<>();
        for (String line : read().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                tests.add(line.strip().split("\\s*\\|\\s*"));
            }
        }
        List<Name> items = new ArrayList<>();
        for (String language : List.of(TemplateTexts.KO, TemplateTexts.EN)) {
            TemplateTexts.Bundle b = texts.bundle(language);
            for (ItemKey key : ItemKey.values()) {
                if (key != ItemKey.HEIGHT && key != ItemKey.WEIGHT) {
                    b.itemNames(key).forEach(n -> items.add(new Name(n, key, null)));
                }
            }
        }
        for (String[] test : tests) {
            for (String name : test) {
                items.stream().filter(i -> i.text().equalsIgnoreCase(name)).findFirst().ifPresent(i -> {
                    throw new IllegalStateException(RESOURCE + " lists \"" + name + "\", a name of the screening item " + i.key().json());
                });
            }
        }
        return new TestLexicon(Map.of(TemplateTexts.KO, names(texts.bundle(TemplateTexts.KO), tests),
                TemplateTexts.EN, names(texts.bundle(TemplateTexts.EN), tests)));
    }

    private static List<Name> names(TemplateTexts.Bundle b, List<String[]> tests) {
        List<Name> all = new ArrayList<>();
        for (ItemKey key : ItemKey.values()) {
            if (key != ItemKey.HEIGHT && key != ItemKey.WEIGHT) {
                b.itemNames(key).forEach(n -> all.add(new Name(n, key, null)));
            }
        }
        for (String[] test : tests) {
            for (String name : test) {
                all.add(new Name(name, null, test[0]));
            }
        }
        all.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed());
        return List.copyOf(all);
    }

    private static String read() {
        try (InputStream in = TestLexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Every mention of an item or a test in the text, in order. A name written in Latin letters or digits matches whole
     * words only ("Hb" is not read in "HbA1c"); a Korean name may end a compound ("혈중요산").
     */
    List<DraftChecker.Hit> names(TemplateTexts.Bundle b, String text) {
        Map<Character, List<Candidate>> byFirst = names.get(b.language());
        String lower = text.toLowerCase(Locale.ROOT);
        List<DraftChecker.Hit> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            DraftChecker.Hit hit = null;
            boolean asciiBoundary = i == 0 || !isAsciiAlnum(text.charAt(i - 1));
            boolean boundary = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            // only names whose first character is the text's here can start here
            List<Candidate> candidates = i < lower.length() ? byFirst.getOrDefault(lower.charAt(i), List.of()) : List.of();
            for (Candidate c : candidates) {
                Name n = c.name();
                int end = i + n.text().length();
                if ((c.hangul() ? asciiBoundary : boundary) && lower.startsWith(c.lower(), i)
                        && !(c.asciiEnd() && end < text.length() && isAsciiAlnum(text.charAt(end)))) {
                    hit = new DraftChecker.Hit(n.key(), n.test(), text.substring(i, end), i, end);
                    break;
                }
            }
            if (hit != null) {
                found.add(hit);
                i = hit.end();
            } else {
                i++;
            }
        }
        return found;
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
