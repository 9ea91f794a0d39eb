package com.checkupflow.ai;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the template drafter and the names the draft checker recognises, one UTF-8 resource per
 * language: {@code prompts/template/ko.properties} and {@code en.properties}. Both languages are loaded once. Item
 * names are not there: they come from the one label catalogue ({@link ItemLabels}, {@code labels/items.properties});
 * the template files hold only the other names (synonyms) the checker recognises.
 */
@Component
public class TemplateTexts {

    public static final String KO = "ko";
    public static final String EN = "en";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

    private final ItemLabels labels = new ItemLabels();
    private final Map<String, Bundle> bundles = Map.of(KO, load(KO, labels), EN, load(EN, labels));

    /** "en"/"en-US"/"EN" → en; null, blank or anything else → ko (the default language of reports). */
    public static String normalizeLanguage(String language) {
        return language != null && language.trim().toLowerCase().startsWith(EN) ? EN : KO;
    }

    public Bundle bundle(String language) {
        return bundles.get(normalizeLanguage(language));
    }

    private static Bundle load(String language, ItemLabels labels) {
        String path = "prompts/template/" + language + ".properties";
        try (InputStream in = TemplateTexts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Bundle(language, properties, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static final class Bundle {
        private final String language;
        private final Properties properties;
        private final ItemLabels labels;

        private Bundle(String language, Properties properties, ItemLabels labels) {
            this.language = language;
            this.properties = properties;
            this.labels = labels;
        }

        public String language() {
            return language;
        }

        public boolean has(String key) {
            return properties.containsKey(key);
        }

        public String text(String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalStateException("template " + language + " has no key " + key);
            }
            return value;
        }

        /** The first of the keys that exists. */
        public String firstOf(String... keys) {
            for (String key : keys) {
                if (has(key)) {
                    return text(key);
                }
            }
            throw new IllegalStateException("template " + language + " has none of " + Arrays.toString(keys));
        }

        /** Fills {@code {name}} placeholders; an unknown placeholder is an error, not silently left in. */
        public String format(String pattern, Map<String, String> values) {
            Matcher m = PLACEHOLDER.matcher(pattern);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalStateException("no value for {" + m.group(1) + "} in template " + language);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        public String text(String key, Map<String, String> values) {
            return format(text(key), values);
        }

        /** The item's name in the label catalogue ({@code labels/items.properties}), as reports and tables show it. */
        public String itemName(ItemKey key) {
            return labels.item(key, language);
        }

        /** The display name followed by the synonyms. */
        public List<String> itemNames(ItemKey key) {
            List<String> names = new ArrayList<>();
            names.add(itemName(key));
            String synonyms = properties.getProperty("item." + key.json() + ".synonyms", "");
            for (String s : synonyms.split("\\|")) {
                if (!s.isBlank()) {
                    names.add(s.trim());
                }
            }
            return names;
        }

        /** "공복혈당 131 mg/dL(보고값 7.27 mmol/L)": the item's official name and its value from the judgement. */
        public String itemText(ItemKey key, Judgement.Item item) {
            String name = itemName(key);
            if (key.coded()) {
                String code = item.value() instanceof String s ? s : String.valueOf(item.reportedValue());
                String codeKey = "code." + key.json() + "." + code;
                return text("finding.item.coded", Map.of("name", name, "value", has(codeKey) ? text(codeKey) : code));
            }
            String value = Values.decimal(item.value()).map(Values::plain).orElse(String.valueOf(item.value()));
            String unit = Values.unitLabel(item.unit() != null ? item.unit() : key.canonicalUnit());
            String reportedUnit = item.reportedUnit();
            var reported = Values.decimal(item.reportedValue());
            if (reportedUnit != null && reported.isPresent()
                    && !reportedUnit.equals(item.unit() != null ? item.unit() : key.canonicalUnit())) {
                return text("finding.item.reported", Map.of("name", name, "value", value, "unit", unit,
                        "reportedValue", Values.plain(reported.get()), "reportedUnit", Values.unitLabel(reportedUnit)));
            }
            return text("finding.item", Map.of("name", name, "value", value, "unit", unit));
        }

        /** The official label of a category (정상B(경계), Disease suspected). */
        public String categoryLabel(Category category) {
            return category.label(language);
        }

        public Pattern pattern(String key) {
            return Pattern.compile(text(key), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }
}
