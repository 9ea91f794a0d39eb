package com.checkupflow.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class DocumentTemplatesTest {

    private static final String FOLDER = "documents/consultation-summary/";
    private final DocumentTemplates templates = new DocumentTemplates();

    private static Map<String, Object> data(boolean previous) {
        Map<String, Object> data = new HashMap<>();
        data.put("kindName", "결과 상담 요약");
        data.put("center", "강남센터");
        data.put("examDate", "2026-11-03");
        data.put("sex", "남성");
        data.put("age", 52);
        Map<String, Object> glucose = Map.of("key", "fasting_glucose", "name", "공복혈당", "text", "공복혈당 131 mg/dL",
                "category", "DISEASE_SUSPECT", "categoryLabel", "질환의심", "abnormal", true);
        data.put("results", List.of(glucose));
        data.put("abnormal", List.of(glucose));
        data.put("names", Map.of("fasting_glucose", "공복혈당"));
        if (previous) {
            Map<String, Object> change = Map.of("name", "공복혈당", "before", "104", "after", "131", "unit", "mg/dL",
                    "categoryBefore", "정상B(경계)", "categoryAfter", "질환의심", "categoryChanged", true, "trend", "up");
            data.put("previous", Map.of("examDate", "2024-10-01", "changes", List.of(change),
                    "categoryChanges", List.of(change)));
        } else {
            data.put("previous", null);
        }
        return data;
    }

    @Test
    void shouldRenderTheFallbackWithQuestionsPerFindingAndTheComparisonWhenThereIsAPreviousScreening() {
        Map<String, Object> data = data(true);
        String written = templates.text(FOLDER + "fallback.ko.txt", data);
        data.put("written", written);
        String text = templates.text(FOLDER + "document.ko.txt", data);
        Assertions.assertThat(written).contains("- 공복혈당: 지난 검진과 판정이 달라졌습니다.")
                .contains("- 공복혈당 결과가 질환의심입니다.");
        Assertions.assertThat(text).startsWith("결과 상담 요약 · 강남센터 · 검진일 2026-11-03 · 남성 52세\n")
                .contains("- 공복혈당 131 mg/dL: 질환의심\n")
                .contains("이전 검진일 2024-10-01\n- 공복혈당: 104 → 131 mg/dL (판정 정상B(경계) → 질환의심)\n")
                .contains("■ 생활습관 목표").doesNotContain("[#").doesNotContain("th:");
    }

    @Test
    void shouldRenderTheModelsAnswerWithItemNamesWhenAnAnswerIsGiven() {
        Map<String, Object> data = data(false);
        data.put("answer", Map.of("overview", "Glucose needs attention.",
                "changes", List.of(Map.of("item", "fasting_glucose", "comment", "rising")),
                "questions", List.of("How often do you exercise?"), "goals", List.of("Walk daily")));
        String text = templates.text(FOLDER + "document.en.txt", data);
        Assertions.assertThat(text).contains("- No previous screening on record.\n")
                .contains("■ Overview\nGlucose needs attention.\n")
                .contains("- 공복혈당: rising\n")
                .contains("■ Questions to ask\n- How often do you exercise?\n")
                .contains("■ Lifestyle goals\n- Walk daily\n");
    }

    /** Package-private, as the records the documents' code hands to its templates. */
    record Row(String item, boolean abnormal) {
        public String getLabel() {
            return item.toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void shouldReadRecordComponentsThroughTheirAccessorsWhenATemplateNamesThem() throws Exception {
        String text = templates.text("document/records.txt", Map.of("rows", List.of(new Row("glucose", true),
                new Row("hdl", false))));
        Assertions.assertThat(text).isEqualTo("glucose true GLUCOSE\nhdl false HDL\n");
        // not OGNL's getter search on every read: the component's accessor, found once per record class
        Assertions.assertThat(ognl.OgnlRuntime.getPropertyAccessor(Row.class))
                .isInstanceOf(DocumentTemplates.RecordComponents.class);
    }
}
