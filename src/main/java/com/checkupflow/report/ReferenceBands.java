package com.checkupflow.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.checkupflow.kernel.Category;
import com.checkupflow.judgement.DecisionBands;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.judgement.JudgingRules;
import com.checkupflow.kernel.Sex;
import com.checkupflow.screening.ScreeningRepository;

/**
 * The reference bands printed for patients and the 정상A range exported to FHIR, read from the deployed version of
 * the judgement DMN that judged the screening ({@link DecisionBands}): the report cannot print a cut-off the rules
 * did not apply.
 */
@Component
class ReferenceBands {

    private static final Logger log = LoggerFactory.getLogger(ReferenceBands.class);

    /** The 정상A band as an inclusive range in the canonical unit; either side may be open (null). */
    record Range(BigDecimal low, BigDecimal high) {
    }

    private final JudgingRules rules;
    private final ScreeningRepository screenings;
    private final ItemLabels labels;
    /** One per deployed version of the rules (their bands are kept per version): its texts are built once. */
    private final Map<DecisionBands, Printed> printed = new ConcurrentHashMap<>();

    ReferenceBands(JudgingRules rules, ScreeningRepository screenings, ItemLabels labels) {
        this.rules = rules;
        this.screenings = screenings;
        this.labels = labels;
    }

    /** The bands of the rules that judged the screening (the latest deployed ones if that was not recorded). */
    Printed of(String screeningId) {
        String judgedBy = screenings.judgingRules(screeningId).orElse(null);
        try {
            return printed.computeIfAbsent(rules.bands(judgedBy), this::of);
        } catch (DecisionBands.UnreadableBandException e) {
            // A DMN deployed from the Modeler whose entries are no intervals or code lists (never checked like a
            // what-if candidate): the report still goes out, with "-" for the bands, rather than no report at all.
            log.warn("Reference bands of {} cannot be read ({}); the report prints none", judgedBy, e.getMessage());
            return of(DecisionBands.none());
        }
    }

    Printed of(DecisionBands bands) {
        return new Printed(bands, labels);
    }

    /** Bands as people read them: {@code <100}, {@code 100~125}, {@code ≥126}, {@code 음성(−)}; "-" for none. */
    static final class Printed {

        /** A code's label with its symbol in brackets: {@code 양성(1+)}, {@code positive (1+)}. */
        private static final Pattern LABEL = Pattern.compile("(.*\\()([^()]*)\\)");

        private static final int SEXES = Sex.values().length + 1;
        private static final int CATEGORIES = Category.values().length;
        private static final int CELLS = ItemKey.values().length * SEXES * CATEGORIES;

        private final DecisionBands bands;
        private final ItemLabels labels;

        /**
         * The texts printed so far, by language (en, ko), at item, sex (or none) and category: rules only, ~90 per
         * report. Two threads printing one text at once both store the same string.
         */
        private final Map<String, String[]> texts = new ConcurrentHashMap<>();

        private Printed(DecisionBands bands, ItemLabels labels) {
            this.bands = bands;
            this.labels = labels;
        }

        /** The band text of a category column (NORMAL_A, NORMAL_B, DISEASE_SUSPECT); "" when the item has none. */
        String band(ItemKey key, Sex sex, Category category, String language) {
            String lang = "en".equals(language) ? "en" : "ko";
            String[] cells = texts.computeIfAbsent(lang, l -> new String[CELLS]);
            int cell = (key.ordinal() * SEXES + (sex == null ? SEXES - 1 : sex.ordinal())) * CATEGORIES + category.ordinal();
            String text = cells[cell];
            if (text == null) {
                text = bandText(key, sex, category, lang);
                cells[cell] = text;
            }
            return text;
        }

        private String bandText(ItemKey key, Sex sex, Category category, String lang) {
            if (category == Category.UNCLASSIFIED || !bands.judges(key)) {
                return "";
            }
            List<DecisionBands.Band> entries = bands.bands(key, sex, category);
            if (entries.isEmpty()) {
                return "-";
            }
            return entries.stream().map(b -> text(key, b, lang)).collect(Collectors.joining(", "));
        }

        Optional<Range> normalRange(ItemKey key, Sex sex) {
            return bands.normalRange(key, sex).map(i -> new Range(i.low(), i.high()));
        }

        private String text(ItemKey key, DecisionBands.Band band, String lang) {
            if (band instanceof DecisionBands.Codes codes) {
                return codeLabels(codes.codes().stream().map(c -> labels.code(c, lang)).toList());
            }
            DecisionBands.Interval interval = (DecisionBands.Interval) band;
            int scale = key.scale();
            if (interval.low() == null) {
                return (interval.highIncluded() ? "≤" : "<") + number(interval.high(), scale);
            }
            if (interval.high() == null) {
                return (interval.lowIncluded() ? "≥" : ">") + number(interval.low(), scale);
            }
            DecisionBands.Interval inclusive = interval.inclusive(scale);
            return number(inclusive.low(), scale) + "~" + number(inclusive.high(), scale);
        }

        /** Labels of one kind share their word: 양성(1+), 양성(2+) print as 양성(1+, 2+), so a table cell stays short. */
        static String codeLabels(List<String> labels) {
            Matcher first = LABEL.matcher(labels.get(0));
            if (labels.size() > 1 && first.matches()
                    && labels.stream().allMatch(l -> l.startsWith(first.group(1)) && LABEL.matcher(l).matches())) {
                return first.group(1) + labels.stream().map(l -> {
                    Matcher m = LABEL.matcher(l);
                    return m.matches() ? m.group(2) : l;
                }).collect(Collectors.joining(", ")) + ")";
            }
            return String.join(", ", labels);
        }

        private static String number(BigDecimal value, int scale) {
            return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
        }
    }
}
