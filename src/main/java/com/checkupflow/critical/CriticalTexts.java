package com.checkupflow.critical;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;

/** The critical-result form's words ({@code labels/critical.properties}) around the DMN's findings. */
final class CriticalTexts {

    /** A finding of the decision critical_values: "systolic_bp >= 180". */
    private static final Pattern FINDING = Pattern.compile("\\s*([a-z_]+)\\s*(>=|<=|>|<)\\s*([0-9.]+)\\s*");
    private static final Map<String, String> OPERATORS = Map.of(">=", "ge", ">", "gt", "<=", "le", "<", "lt");
    private static final Properties TEXTS = new Properties();

    static {
        try (Reader in = new InputStreamReader(
                CriticalTexts.class.getResourceAsStream("/labels/critical.properties"), StandardCharsets.UTF_8)) {
            TEXTS.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CriticalTexts() {
    }

    static String text(String key, String language, Object... arguments) {
        String pattern = TEXTS.getProperty(key + "." + language, TEXTS.getProperty(key + ".ko", key));
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /**
     * The findings with the patient's values and units and each threshold in words: "- **수축기 혈압 186 mmHg** –
     * 위험 기준: 180 mmHg 이상". A finding in another shape is shown as the decision wrote it.
     */
    static String findings(List<String> findings, Judgement judgement, ItemLabels labels, String language) {
        StringBuilder md = new StringBuilder(text("heading", language)).append("\n\n");
        for (String finding : findings) {
            Matcher m = FINDING.matcher(finding);
            ItemKey key = m.matches() ? ItemKey.fromJson(m.group(1)).orElse(null) : null;
            Judgement.Item item = key == null ? null : judgement.items().get(key.json());
            if (item == null) {
                md.append("- ").append(finding).append('\n');
                continue;
            }
            String unit = labels.unit(item.unit());
            String value = labels.value(item.value(), language) + (unit.isEmpty() ? "" : " " + unit);
            String threshold = new BigDecimal(m.group(3)).toPlainString() + (unit.isEmpty() ? "" : " " + unit);
            md.append(text("finding", language, labels.item(key, language), value,
                    text("op." + OPERATORS.get(m.group(2)), language, threshold))).append('\n');
        }
        return md.toString();
    }
}
