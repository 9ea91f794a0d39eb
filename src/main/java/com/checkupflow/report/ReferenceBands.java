package com.checkupflow.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import org.springframework.stereotype.Component;

import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.Sex;

/**
 * The reference bands printed for patients and the 정상A range exported to FHIR ({@code labels/bands.properties}).
 * Documentation only: the thresholds that judge live in the DMN.
 */
@Component
class ReferenceBands {

    /** The 정상A band as an inclusive range in the canonical unit; either side may be open (null). */
    record Range(BigDecimal low, BigDecimal high) {
    }

    private final Properties bands = new Properties();

    ReferenceBands() {
        try (Reader in = new InputStreamReader(
                ReferenceBands.class.getResourceAsStream("/labels/bands.properties"), StandardCharsets.UTF_8)) {
            bands.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The band text of a category column (NORMAL_A, NORMAL_B, DISEASE_SUSPECT); "" when the item has none. */
    String band(ItemKey key, Sex sex, Category category, String language) {
        String column = switch (category) {
            case NORMAL_A -> "A";
            case NORMAL_B -> "B";
            case DISEASE_SUSPECT -> "S";
            case UNCLASSIFIED -> null;
        };
        if (column == null) {
            return "";
        }
        String lang = "en".equals(language) ? "en" : "ko";
        String base = "band." + key.json();
        String sexed = sex == null ? null : base + "." + sex.code();
        for (String k : new String[] {sexed == null ? null : sexed + "." + column + "." + lang,
                sexed == null ? null : sexed + "." + column, base + "." + column + "." + lang, base + "." + column}) {
            if (k != null && bands.containsKey(k)) {
                String text = bands.getProperty(k);
                return text;
            }
        }
        return "";
    }

    Optional<Range> normalRange(ItemKey key, Sex sex) {
        String text = sex == null ? null : bands.getProperty("range." + key.json() + "." + sex.code());
        if (text == null) {
            text = bands.getProperty("range." + key.json());
        }
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.\\.", -1);
        return Optional.of(new Range(decimal(parts[0]), decimal(parts[1])));
    }

    private static BigDecimal decimal(String s) {
        return s.isBlank() ? null : new BigDecimal(s.strip());
    }
}
