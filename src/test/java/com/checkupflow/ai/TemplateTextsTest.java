package com.checkupflow.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;

/** Item names have one source, the label catalogue: the template drafter's wording names no item itself. */
class TemplateTextsTest {

    private final ItemLabels labels = new ItemLabels();

    private static Properties template(String language) throws IOException {
        try (InputStream in = TemplateTextsTest.class.getClassLoader()
                .getResourceAsStream("prompts/template/" + language + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "en"})
    void shouldTakeEveryItemNameFromTheLabelCatalogueWhenTheTemplateNamesAnItem(String language) throws IOException {
        Properties template = template(language);
        List<String> twice = new ArrayList<>();
        for (ItemKey key : ItemKey.values()) {
            String name = labels.item(key, language);
            Assertions.assertThat(name).as("label of %s", key).isNotEqualTo(key.json());
            Assertions.assertThat(new TemplateTexts().bundle(language).itemName(key)).isEqualTo(name);
            for (String k : template.stringPropertyNames()) {
                String value = template.getProperty(k);
                boolean asName = k.startsWith("item.") && !k.endsWith(".synonyms")
                        || value.strip().equalsIgnoreCase(name)
                        || k.equals("item." + key.json() + ".synonyms") && List.of(value.toLowerCase(Locale.ROOT)
                                .split("\\|")).contains(name.toLowerCase(Locale.ROOT));
                if (asName) {
                    twice.add(language + ": " + k + "=" + value + " (label item." + key.json() + "." + language + "=" + name + ")");
                }
            }
        }
        Assertions.assertThat(twice).as("item names in prompts/template/%s.properties and labels/items.properties", language)
                .isEmpty();
    }
}
