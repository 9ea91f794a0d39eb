package com.checkupflow.analytics;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;

/**
 * What the dashboard shows for the keys in its tables: {@code center.gangnam} → 강남센터, {@code item.fasting_glucose}
 * (and the DMN variable {@code item.fastingGlucose}) → 공복혈당, stages, finding types, figures and axes from
 * {@code analytics/labels.properties}. The tables themselves keep their keys (API and CSV stay stable).
 */
@Component
class AnalyticsLabels {

    private final Map<String, String> labels = new TreeMap<>();

    AnalyticsLabels(Centers centers, ItemLabels items) {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(AnalyticsLabels.class.getResourceAsStream("/analytics/labels.properties"),
                StandardCharsets.UTF_8)) {
            texts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        texts.stringPropertyNames().forEach(k -> labels.put(k, texts.getProperty(k)));
        for (Center c : centers.all()) {
            labels.put("center." + c.id(), c.nameKo());
        }
        for (ItemKey key : ItemKey.values()) {
            labels.put("item." + key.json(), items.item(key, "ko"));
            labels.put("item." + key.variable(), items.item(key, "ko"));
        }
    }

    Map<String, String> all() {
        return labels;
    }
}
