package com.checkupflow.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementService;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.judgement.JudgingRules;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;

/**
 * What-if over stored screenings: the deployed rules and a designer's edited ones judge the same normalized inputs,
 * and the answer counts what would change. De-identified: a screening is named only by its ordinal in the answer
 * (1 = the newest), never by id, name or RRN; nothing is stored.
 */
@Service
class RuleComparison {

    /** Examples in one answer: enough to see the pattern, few enough to stay an overview. */
    static final int MAX_EXAMPLES = 10;

    private final ScreeningRepository screenings;
    private final JudgementService judgements;
    private final JudgingRules rules;

    RuleComparison(ScreeningRepository screenings, JudgementService judgements, JudgingRules rules) {
        this.screenings = screenings;
        this.judgements = judgements;
        this.rules = rules;
    }

    private record Change(String unit, Category from, Category to) {
    }

    /** One unit whose category changes; {@code value} is the unit's first item's canonical value. */
    record Example(int screening, String unit, String item, Object value, Category from, Category to) {
    }

    record Transition(String unit, Category from, Category to, String label, int count) {
    }

    /**
     * @param screenings          how many stored screenings both rule sets judged
     * @param changedScreenings   how many of them would get at least one other unit category
     * @param changedOverall      how many would get another overall result (the ticked box)
     * @param byUnit              changed judgements per unit
     */
    record Result(String center, String deployedDecisionDefinitionId, int screenings, int changedScreenings,
                  int changedOverall, Map<String, Integer> byUnit, List<Transition> transitions,
                  List<Example> examples) {
    }

    @Transactional(readOnly = true)
    Result compare(String center, int limit, JudgingRules.Candidate edited) {
        String deployed = rules.latestDefinitionId();
        List<String> ids = screenings.lastJudged(center, limit);
        Map<String, Integer> byUnit = new TreeMap<>();
        Map<Change, Integer> transitions = new LinkedHashMap<>();
        List<Example> examples = new ArrayList<>();
        int changed = 0;
        int changedOverall = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Screening screening = screenings.find(id).orElseThrow();
            NormalizedScreening normalized = screening.toNormalized(screenings.items(id));
            Judgement before = judgements.judge(normalized).judgement();
            Judgement after = judgements.judge(normalized, edited).judgement();
            boolean any = false;
            for (JudgementUnit unit : JudgementUnit.values()) {
                Category from = category(before, unit);
                Category to = category(after, unit);
                if (Objects.equals(from, to)) {
                    continue;
                }
                any = true;
                byUnit.merge(unit.json(), 1, Integer::sum);
                transitions.merge(new Change(unit.json(), from, to), 1, Integer::sum);
                if (examples.size() < MAX_EXAMPLES) {
                    ItemKey item = unit.items().get(0);
                    Judgement.Item measured = after.items().get(item.json());
                    examples.add(new Example(i + 1, unit.json(), item.json(),
                            measured == null ? null : measured.value(), from, to));
                }
            }
            changed += any ? 1 : 0;
            changedOverall += Objects.equals(before.overall().primary(), after.overall().primary()) ? 0 : 1;
        }
        List<Transition> list = new ArrayList<>();
        transitions.forEach((c, count) -> list.add(
                new Transition(c.unit(), c.from(), c.to(), label(c.from()) + "→" + label(c.to()), count)));
        return new Result(center, deployed, ids.size(), changed, changedOverall, byUnit, list, examples);
    }

    /** The result notice's label (정상B(경계)→질환의심); "-" for a unit not judged. */
    private static String label(Category category) {
        return category == null ? "-" : category.labelKo();
    }

    private static Category category(Judgement judgement, JudgementUnit unit) {
        Judgement.UnitJudgement uj = judgement.judgements() == null ? null : judgement.judgements().get(unit.json());
        return uj == null ? null : uj.category();
    }
}
