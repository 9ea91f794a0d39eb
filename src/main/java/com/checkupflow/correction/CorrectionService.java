package com.checkupflow.correction;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.checkupflow.judgement.JudgementService;
import com.checkupflow.kernel.BloodPressurePair;
import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;

/** Applies a nurse's corrections to the stored items and records who changed what. */
@Service
class CorrectionService {

    private final ScreeningRepository screenings;
    private final JudgementService judgements;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ItemLabels labels;

    CorrectionService(ScreeningRepository screenings, JudgementService judgements, JdbcClient jdbc, Clock clock,
                      ItemLabels labels) {
        this.labels = labels;
        this.screenings = screenings;
        this.judgements = judgements;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Correction> read(List<ItemKey> invalid, Map<String, Object> variables) {
        return CorrectionForm.read(invalid, variables, this::problem, key -> labels.item(key, "ko"));
    }

    private Optional<String> problem(ItemKey key, BigDecimal value) {
        return judgements.canonicalValueProblem(key, value)
                .map(reason -> labels.item(key, "ko") + ": " + value.toPlainString() + " " + labels.unit(key.canonicalUnit())
                        + "은(는) 받을 수 없는 값입니다 (" + labels.reason(reason) + ")");
    }

    /** @return the decision input variables after the corrections */
    Map<String, Object> apply(String screeningId, List<Correction> corrections, String note, String correctedBy) {
        Screening screening = screenings.find(screeningId).orElseThrow();
        Map<ItemKey, CanonicalItem> items = screenings.items(screeningId);
        for (Correction c : corrections) {
            CanonicalItem before = items.get(c.key());
            CanonicalItem after = c.notMeasured()
                    ? new CanonicalItem(c.key(), ItemStatus.MISSING, null, null, before.reportedValue(),
                            before.reportedUnit(), null, before.observationId())
                    : new CanonicalItem(c.key(), ItemStatus.VALID, c.value(), c.code(),
                            c.key().coded() ? c.code() : c.value(), c.key().canonicalUnit(), null, before.observationId());
            screenings.replaceItem(screeningId, after);
            items.put(c.key(), after);
            jdbc.sql("""
                    INSERT INTO cf_correction (screening_id, item_key, action, item_value, item_code, note, corrected_by,
                        corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(screeningId, c.key().json(), c.notMeasured() ? "NOT_MEASURED" : "CORRECTED", c.value(),
                            c.code(), note, correctedBy, Timestamp.from(clock.instant()))
                    .update();
        }
        // the pair rule applies to corrected values too: both components go back to the nurse
        BloodPressurePair.rejectDiastolicAtOrAboveSystolic(items).forEach(bp -> screenings.replaceItem(screeningId, bp));
        return judgements.variables(screening.toNormalized(items));
    }
}
