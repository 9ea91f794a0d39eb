package com.checkupflow.drafting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tab-separated table of the corpus generators under {@code src/test/resources/drafting/}: a header row naming the
 * columns, then a row per entry in file order; lines starting with {@code #} are comments. The phrasing tables share
 * the columns {@code table key kinds ko en} ({@link Phrase}).
 */
final class CorpusTable {

    private CorpusTable() {
    }

    /** One phrasing in both languages; {@code key} the item, code, family, disease or form it is for. */
    record Phrase(String table, String key, String kinds, String ko, String en) {
        /** Whether the phrasing is for {@code k}: the key, or one of the keys it lists with commas. */
        boolean isFor(String k) {
            return key.equals(k) || List.of(key.split(",")).contains(k);
        }

        String text(String language) {
            return language.equals("ko") ? ko : en;
        }
    }

    /** The rows of the table, each by column name. */
    static List<Map<String, String>> rows(String resource) {
        List<String> lines = lines(resource);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length != header.length) {
                throw new IllegalStateException(resource + ": " + cells.length + " cells, not " + header.length + ": " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<Phrase> phrases(String resource) {
        return rows(resource).stream().map(r -> new Phrase(r.get("table"), r.get("key"), r.get("kinds"),
                r.get("ko"), r.get("en"))).toList();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = CorpusTable.class.getResourceAsStream("/drafting/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no table drafting/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
