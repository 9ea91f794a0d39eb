package com.checkupflow.kernel;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.stereotype.Component;

/** Display names of items, units, codes and reasons ({@code labels/items.properties}). */
@Component
public class ItemLabels {

    private final Properties labels = new Properties();

    public ItemLabels() {
        try (Reader in = new InputStreamReader(
                ItemLabels.class.getResourceAsStream("/labels/items.properties"), StandardCharsets.UTF_8)) {
            labels.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String item(ItemKey key, String language) {
        return labels.getProperty("item." + key.json() + "." + lang(language), key.json());
    }

    /** UCUM code → how people write it (mm[Hg] → mmHg). */
    public String unit(String ucum) {
        return ucum == null ? "" : labels.getProperty("unit." + ucum, ucum);
    }

    public String code(String code, String language) {
        return code == null ? "" : labels.getProperty("code." + code + "." + lang(language), code);
    }

    /** The official label of an overall flag (KNOWN_DISEASE → 유질환자). */
    public String flag(String flag, String language) {
        return labels.getProperty("flag." + flag + "." + lang(language), flag);
    }

    public String reason(InvalidReason reason) {
        return reason == null ? "" : labels.getProperty("reason." + reason.json() + ".ko", reason.json());
    }

    /** Why an invalid value cannot be used, with the value and unit the lab sent and the unit the item needs. */
    public String explanation(InvalidReason reason, Object reportedValue, String reportedUnit, String itemUnit) {
        if (reason == null) {
            return "";
        }
        String value = reportedValue instanceof BigDecimal d ? d.toPlainString()
                : reportedValue == null ? "" : reportedValue.toString();
        String key = reason.json();
        if (reason == InvalidReason.NON_NUMERIC) {
            key = value.isBlank() ? "non_numeric_empty" : value.strip().matches("[-+]?[0-9]+([.,][0-9]+)?")
                    ? "non_numeric_digits" : "non_numeric";
        } else if (reason == InvalidReason.CONFLICTING_VALUES && itemUnit == null) {
            key = "conflicting_values_coded";
        }
        String pattern = labels.getProperty("explain." + key + ".ko");
        if (pattern == null) {
            return reason(reason);
        }
        return new java.text.MessageFormat(pattern, java.util.Locale.ROOT)
                .format(new Object[]{value, unit(reportedUnit), unit(itemUnit)});
    }

    public String status(ItemStatus status) {
        return status(status, "ko");
    }

    public String status(ItemStatus status, String language) {
        return labels.getProperty("status." + status.json() + "." + lang(language), status.json());
    }

    /** What a measured but not judged item (a lipid outside its schedule) says instead of a category. */
    public String notDue(String language) {
        return labels.getProperty("status.not_due." + lang(language));
    }

    /** A value for people: 131, 24.5, 1.52 (no trailing zeros beyond the reported precision), or a coded label. */
    public String value(Object value, String language) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return code(value.toString(), language);
    }

    private static String lang(String language) {
        return "en".equals(language) ? "en" : "ko";
    }
}
