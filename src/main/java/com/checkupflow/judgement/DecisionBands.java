package com.checkupflow.judgement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.Sex;

/**
 * The reference bands of every judged item, from the decision tables of {@code screening-judgement.dmn}
 * ({@link CamundaDmnBands#read}): the
 * input entries of the rules ({@code < 100}, {@code [100..126)}, {@code >= 126}, {@code "1+","2+"}) grouped by the
 * category they output, per item and sex. What the report prints and FHIR exports is derived from here, so it cannot
 * say other than the rules that judged.
 */
public final class DecisionBands {

    /** One input entry of a rule: a numeric interval (either side may be open, null) or a list of codes. */
    public sealed interface Band permits Interval, Codes {
    }

    /** {@code low}/{@code high} null: unbounded on that side; the flags say whether the bound itself belongs. */
    public record Interval(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) implements Band {

        /**
         * The same interval with both bounds inclusive at the item's scale (e.g. {@code [100..126)} at scale 0 is
         * 100..125, {@code < 90} at scale 1 is ..89.9), as printed and as FHIR's referenceRange wants it.
         */
        public Interval inclusive(int scale) {
            BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(scale, 0));
            BigDecimal lo = low == null ? null : (lowIncluded ? low : low.add(step)).setScale(scale, RoundingMode.HALF_UP);
            BigDecimal hi = high == null ? null : (highIncluded ? high : high.subtract(step)).setScale(scale, RoundingMode.HALF_UP);
            return new Interval(lo, true, hi, true);
        }
    }

    public record Codes(List<String> codes) implements Band {
    }

    /** An input entry the bands cannot be read from (an expression, a negation); names the rule. */
    public static final class UnreadableBandException extends RuntimeException {
        UnreadableBandException(String message) {
            super(message);
        }
    }

    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern RANGE = Pattern.compile(
            "([\\[(\\]])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\])\\[])");
    private static final Pattern CODE = Pattern.compile("\"([^\"]*)\"");

    private record Key(ItemKey item, Sex sex, Category category) {
    }

    private final Map<Key, List<Band>> bands;

    private DecisionBands(Map<Key, List<Band>> bands) {
        this.bands = bands;
    }

    /**
     * One rule of an item's decision table as text: its id, the entry of the sex input ({@code null} when the table
     * has none), the entry of the item's input and the category output entry.
     */
    record Row(ItemKey item, String ruleId, String sex, String value, String output) {
    }

    /**
     * The bands of the rules (read from a DRD by {@link CamundaDmnBands}); rules of no category or of no value
     * ({@code null}, {@code -}) are no band.
     *
     * @throws UnreadableBandException when a rule's entry is no interval or code list
     */
    static DecisionBands of(List<Row> rows) {
        Map<Key, List<Band>> bands = new HashMap<>();
        for (Row row : rows) {
            String output = text(row.output());
            String value = text(row.value());
            if (output.equals("null") || value.equals("-") || value.equals("null") || value.isEmpty()) {
                continue;
            }
            Category category = category(unquote(output, row.ruleId()), row.ruleId());
            Band band = band(row.item(), value, row.ruleId());
            List<Sex> sexes = row.sex() == null ? Arrays.asList(Sex.values()) : sexes(text(row.sex()), row.ruleId());
            for (Sex sex : sexes) {
                bands.computeIfAbsent(new Key(row.item(), sex, category), k -> new ArrayList<>()).add(band);
            }
        }
        return new DecisionBands(bands);
    }

    private static List<Sex> sexes(String entry, String rule) {
        if (entry.equals("-") || entry.isEmpty()) {
            return Arrays.asList(Sex.values());
        }
        List<Sex> sexes = new ArrayList<>();
        Matcher m = CODE.matcher(entry);
        while (m.find()) {
            String code = m.group(1);
            sexes.add(Arrays.stream(Sex.values()).filter(s -> s.code().equals(code)).findFirst()
                    .orElseThrow(() -> unreadable(rule, entry)));
        }
        if (sexes.isEmpty()) {
            throw unreadable(rule, entry);
        }
        return sexes;
    }

    private static Band band(ItemKey item, String entry, String rule) {
        if (item.coded()) {
            List<String> codes = new ArrayList<>();
            Matcher m = CODE.matcher(entry);
            while (m.find()) {
                codes.add(m.group(1));
            }
            if (codes.isEmpty() || !entry.replaceAll(CODE.pattern(), "").replaceAll("[,\\s]", "").isEmpty()) {
                throw unreadable(rule, entry);
            }
            return new Codes(List.copyOf(codes));
        }
        Matcher c = COMPARISON.matcher(entry);
        if (c.matches()) {
            BigDecimal v = new BigDecimal(c.group(2));
            return switch (c.group(1)) {
                case "<" -> new Interval(null, false, v, false);
                case "<=" -> new Interval(null, false, v, true);
                case ">" -> new Interval(v, false, null, false);
                default -> new Interval(v, true, null, false);
            };
        }
        Matcher r = RANGE.matcher(entry);
        if (r.matches()) {
            return new Interval(new BigDecimal(r.group(2)), r.group(1).equals("["),
                    new BigDecimal(r.group(3)), r.group(4).equals("]"));
        }
        throw unreadable(rule, entry);
    }

    private static String unquote(String output, String rule) {
        Matcher m = CODE.matcher(output);
        if (!m.matches()) {
            throw unreadable(rule, output);
        }
        return m.group(1);
    }

    private static Category category(String output, String rule) {
        try {
            return Category.valueOf(output);
        } catch (IllegalArgumentException e) {
            throw unreadable(rule, output);
        }
    }

    /** No bands at all: every item prints "-". */
    public static DecisionBands none() {
        return new DecisionBands(Map.of());
    }

    private static UnreadableBandException unreadable(String rule, String entry) {
        return new UnreadableBandException("Rule " + rule + ": the entry '" + entry
                + "' is no interval (< 100, [100..126), >= 126) or list of codes (\"1+\",\"2+\")");
    }

    static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** The input entries that give {@code category} for the item and sex, in rule order; empty when none does. */
    public List<Band> bands(ItemKey item, Sex sex, Category category) {
        if (sex == null) {
            // without a sex only a band both sexes share can be printed
            List<Band> male = bands(item, Sex.MALE, category);
            return male.equals(bands(item, Sex.FEMALE, category)) ? male : List.of();
        }
        return bands.getOrDefault(new Key(item, sex, category), List.of());
    }

    /** The 정상A band as one inclusive interval at the item's scale; empty when it is not a single numeric interval. */
    public Optional<Interval> normalRange(ItemKey item, Sex sex) {
        List<Band> normal = bands(item, sex, Category.NORMAL_A);
        return normal.size() == 1 && normal.get(0) instanceof Interval interval
                ? Optional.of(interval.inclusive(item.scale())) : Optional.empty();
    }

    /** Whether the DMN holds any band of the item (height and weight have none). */
    public boolean judges(ItemKey item) {
        return bands.keySet().stream().anyMatch(k -> k.item() == item);
    }

    /** Every band per item, sex and category, for tests and comparisons. */
    Map<ItemKey, Map<Sex, Map<Category, List<Band>>>> all() {
        Map<ItemKey, Map<Sex, Map<Category, List<Band>>>> all = new EnumMap<>(ItemKey.class);
        bands.forEach((k, v) -> all.computeIfAbsent(k.item(), i -> new EnumMap<>(Sex.class))
                .computeIfAbsent(k.sex(), s -> new EnumMap<>(Category.class)).put(k.category(), List.copyOf(v)));
        return all;
    }
}
