package com.checkupflow.judgement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.checkupflow.kernel.ItemKey;

/**
 * One finding of the DMN decision {@code critical_values} (a panic value, a project convention), as the screening
 * stores it: {@code "systolic_bp >= 180"}. The one reading of those strings for every text that must say a value is
 * critical (the critical-result form, the report, the draft and its check).
 */
public record CriticalFinding(ItemKey item, String operator, BigDecimal threshold) {

    private static final Pattern FINDING = Pattern.compile("\\s*([a-z_]+)\\s*(>=|<=|>|<)\\s*([0-9.]+)\\s*");

    /** The finding, or empty when the decision wrote it in another shape or for an unknown item. */
    public static Optional<CriticalFinding> parse(String finding) {
        Matcher m = finding == null ? null : FINDING.matcher(finding);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return ItemKey.fromJson(m.group(1)).map(key -> new CriticalFinding(key, m.group(2), new BigDecimal(m.group(3))));
    }

    /** The items of the findings that could be read, in their order, each once. */
    public static List<ItemKey> items(List<String> findings) {
        return findings == null ? List.of()
                : findings.stream().map(CriticalFinding::parse).flatMap(Optional::stream).map(CriticalFinding::item)
                        .distinct().toList();
    }
}
