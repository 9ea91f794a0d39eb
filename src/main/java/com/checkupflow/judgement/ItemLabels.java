package com.checkupflow.judgement;

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
