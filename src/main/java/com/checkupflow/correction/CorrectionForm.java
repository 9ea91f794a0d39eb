package com.checkupflow.correction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.checkupflow.kernel.InputRefused;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * Reads the "Resolve invalid results" form: for each invalid item {@code correction_<key>} (number, or code for
 * urine protein / chest X-ray) or {@code notMeasured_<key>}. Every invalid item needs exactly one of them.
 */
final class CorrectionForm {

    static final Set<String> URINE_CODES = Set.of("negative", "trace", "1+", "2+", "3+", "4+");
    static final Set<String> CHEST_XRAY_CODES = Set.of("normal", "inactive_tb", "abnormal", "poor_image", "not_taken");

    private CorrectionForm() {
    }

    /** ",fasting_glucose,ldl," (written by {@code JudgementTexts#invalidKeysVariable}) → [FASTING_GLUCOSE, LDL]. */
    static List<ItemKey> invalidKeys(Object variable) {
        if (variable == null) {
            return List.of();
        }
        return Arrays.stream(variable.toString().split(",")).filter(s -> !s.isBlank())
                .map(ItemKey::fromJson).flatMap(Optional::stream).toList();
    }

    /** @throws InputRefused listing every problem, in Korean for the nurse */
    static List<Correction> read(List<ItemKey> invalid, Map<String, Object> variables, ValueCheck check,
                                 Function<ItemKey, String> name) {
        List<Correction> corrections = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ItemKey key : invalid) {
            boolean notMeasured = Boolean.TRUE.equals(variables.get(Vars.NOT_MEASURED_PREFIX + key.json()));
            Object raw = variables.get(Vars.CORRECTION_PREFIX + key.json());
            boolean hasValue = raw != null && !raw.toString().isBlank();
            if (notMeasured && hasValue) {
                problems.add(name.apply(key) + ": 값 입력과 '측정하지 않음'을 동시에 선택할 수 없습니다");
            } else if (notMeasured) {
                corrections.add(new Correction(key, true, null, null));
            } else if (!hasValue) {
                problems.add(name.apply(key) + ": 수정 값을 입력하거나 '측정하지 않음'을 선택하세요");
            } else if (key.coded()) {
                String code = raw.toString();
                Set<String> allowed = key == ItemKey.URINE_PROTEIN ? URINE_CODES : CHEST_XRAY_CODES;
                if (allowed.contains(code)) {
                    corrections.add(new Correction(key, false, null, code));
                } else {
                    problems.add(name.apply(key) + ": 알 수 없는 코드 '" + code + "'");
                }
            } else {
                BigDecimal value;
                try {
                    value = new BigDecimal(raw.toString());
                } catch (NumberFormatException e) {
                    problems.add(name.apply(key) + ": 숫자가 아닙니다");
                    continue;
                }
                check.problem(key, value).ifPresentOrElse(problems::add,
                        () -> corrections.add(new Correction(key, false, value, null)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRefused("수정 내용을 확인하세요: " + String.join("; ", problems));
        }
        return corrections;
    }

    /** Checks a corrected canonical value against the validity rules; returns a problem text or empty. */
    interface ValueCheck {
        Optional<String> problem(ItemKey key, BigDecimal canonicalValue);
    }
}
