package com.checkupflow.drafting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock stand-in for an OpenAI-compatible {@code /v1/chat/completions} and Ollama's {@code /api/chat}. It
 * answers from the request's own (de-identified) input like a model would: {@link Behaviour#FAITHFUL} explains
 * every abnormal item with its exact value; {@link Behaviour#INVENT_VALUE} changes one value. Scripted steps
 * (an HTTP status, a delay) apply to the next calls in order. Nothing leaves the machine.
 */
public final class StandInModel implements AutoCloseable {

    /**
     * FAITHFUL explains every abnormal item with its exact value; each other behaviour plants one defect in that answer:
     * a changed value, the value with a wrong unit, a test the screening lacks, an "all normal" summary, a citation of
     * another item's observation, a made-up observation id, conclusive diagnosis wording; NOT_JSON answers prose.
     */
    public enum Behaviour { FAITHFUL, INVENT_VALUE, WRONG_UNIT, UNSUPPORTED_TEST, OVERALL_NORMAL, OTHER_ITEMS_CITATION, UNKNOWN_ID,
        DIAGNOSIS, NOT_JSON }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConcurrentLinkedDeque<Object> script = new ConcurrentLinkedDeque<>();
    private final WireMockServer server;
    volatile Behaviour behaviour = Behaviour.FAITHFUL;
    volatile int latencyMs;

    public StandInModel() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(64)
                .jettyAcceptors(2).extensions(new Answerer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    public String openAiBaseUrl() {
        return server.baseUrl() + "/v1";
    }

    String anthropicBaseUrl() {
        return server.baseUrl() + "/v1/";
    }

    String ollamaBaseUrl() {
        return server.baseUrl();
    }

    /** The next calls answer with these HTTP statuses, one each. */
    StandInModel failNext(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    /** Every call from now on (until {@link #reset}) answers like this. */
    public StandInModel answerAllWith(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /** The next call answers like this. */
    public StandInModel answerNext(Behaviour behaviour) {
        script.add(behaviour);
        return this;
    }

    /** The next call answers after this delay (longer than the client's timeout: a timeout). */
    StandInModel delayNext(long millis) {
        script.add(millis);
        return this;
    }

    /** The exact bytes of every request received, oldest first. */
    public List<String> requestBodies() {
        return server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> e.getRequest().getBodyAsString()).toList();
    }

    List<String> requestPaths() {
        return server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> e.getRequest().getUrl()).toList();
    }

    public int calls() {
        return server.getAllServeEvents().size();
    }

    public void reset() {
        server.resetRequests();
        script.clear();
        behaviour = Behaviour.FAITHFUL;
        latencyMs = 0;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Answerer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            boolean ollama = event.getRequest().getUrl().startsWith("/api/chat");
            boolean anthropic = event.getRequest().getUrl().endsWith("/messages");
            Object step = script.poll();
            if (step instanceof Integer status) {
                return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"stand-in status " + status + "\",\"type\":\"stand_in\"}}").build();
            }
            int delay = step instanceof Long millis ? millis.intValue() : latencyMs;
            try {
                String content = answer(event.getRequest().getBodyAsString(), step instanceof Behaviour b ? b : behaviour);
                String body = ollama ? ollamaResponse(content) : anthropic ? anthropicResponse(content) : openAiResponse(content);
                return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body).withFixedDelay(delay).build();
            } catch (Exception e) {
                return new ResponseDefinitionBuilder().withStatus(500).withBody(e.toString()).build();
            }
        }

        @Override
        public String getName() {
            return "stand-in-model";
        }
    }

    /** The user message's input JSON: the first JSON object in the message. */
    static JsonNode input(String requestBody) throws Exception {
        JsonNode request = JSON.readTree(requestBody);
        String user = null;
        for (JsonNode m : request.get("messages")) {
            if (user == null && "user".equals(m.get("role").asText())) {
                // the first user message holds the input; a later one is a re-ask about the previous answer
                user = m.get("content").isTextual() ? m.get("content").asText() : m.get("content").get(0).get("text").asText();
            }
        }
        return JSON.readTree(user.substring(user.indexOf('{')));
    }

    static String answer(String requestBody, Behaviour behaviour) throws Exception {
        if (behaviour == Behaviour.NOT_JSON) {
            return "Here is your summary: all good!";
        }
        JsonNode input = input(requestBody);
        if (input.has("referredUnits")) {
            return referralAnswer(input, behaviour);
        }
        if (input.has("judgement")) {
            return consultationAnswer(input, behaviour);
        }
        boolean ko = "ko".equals(input.get("language").asText());
        Set<String> abnormal = new LinkedHashSet<>();
        input.get("abnormalCategories").forEach(c -> abnormal.add(c.asText()));
        List<Map<String, Object>> findings = new ArrayList<>();
        List<String> otherIds = new ArrayList<>();
        boolean invented = false;
        for (JsonNode item : input.get("items")) {
            if (!abnormal.contains(item.path("category").asText())) {
                if (item.hasNonNull("observationId")) {
                    otherIds.add(item.get("observationId").asText());
                }
                continue;
            }
            String name = item.get("name").asText();
            String value = item.path("value").asText();
            String unit = item.path("unit").isNull() ? "" : item.path("unit").asText();
            boolean numeric = value.matches("-?\\d+(\\.\\d+)?");
            if (numeric && behaviour == Behaviour.INVENT_VALUE && !invented) {
                value = new BigDecimal(value).add(new BigDecimal("17")).toPlainString();
                invented = true;
            }
            if (numeric && behaviour == Behaviour.WRONG_UNIT && !invented) {
                unit = "mg/dL".equals(unit) ? "IU/L" : "mg/dL";
                invented = true;
            }
            String explanation = numeric
                    ? (ko ? name + " " + value + " " + unit + " 결과는 관리와 확인이 필요합니다."
                          : name + " was " + value + " " + unit + "; this needs attention.")
                    : (ko ? name + " 결과는 추가 확인이 필요합니다." : name + " needs a follow-up check.");
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("item", item.get("item").asText());
            finding.put("observationIds", item.path("observationId").isNull() ? List.of() : List.of(item.get("observationId").asText()));
            finding.put("explanation", explanation);
            findings.add(finding);
        }
        Map<String, Map<String, Object>> lifestyle = new LinkedHashMap<>();
        for (JsonNode unit : input.get("judgements")) {
            if (abnormal.contains(unit.path("category").asText())) {
                String disease = unit.get("targetDiseaseName").asText();
                lifestyle.computeIfAbsent(disease, d -> Map.of("disease", d,
                        "advice", ko ? "식사와 운동 습관을 점검해 주세요." : "review your diet and exercise habits."));
            }
        }
        if (!findings.isEmpty() && (behaviour == Behaviour.OTHER_ITEMS_CITATION || behaviour == Behaviour.UNKNOWN_ID)) {
            findings.get(0).put("observationIds", List.of(behaviour == Behaviour.UNKNOWN_ID || otherIds.isEmpty()
                    ? "obs-made-up" : otherIds.get(0)));
        }
        List<String> summary = new ArrayList<>(List.of(ko ? "이번 검진에서 몇 가지 항목은 관리가 필요합니다." : "Some results of this screening need attention."));
        switch (behaviour) {
            case UNSUPPORTED_TEST -> summary.add(ko ? "요산 수치도 7.9 mg/dL로 높게 나왔습니다." : "Your uric acid was also high at 7.9 mg/dL.");
            case OVERALL_NORMAL -> summary.set(0, ko ? "전체적으로 이상이 없는 결과입니다." : "All your results are normal.");
            case DIAGNOSIS -> summary.add(ko ? "이는 고혈압을 뜻합니다." : "This confirms kidney disease.");
            default -> { }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("summary", summary);
        answer.put("findings", findings);
        answer.put("lifestyle", List.copyOf(lifestyle.values()));
        answer.put("followUp", List.of(ko ? "결과에 대해 담당 의사와 상담해 주세요." : "Please talk to your physician about these results."));
        return JSON.writeValueAsString(answer);
    }

    /** A referral letter (schema referral_letter) from the referred items of the input. */
    /**
     * A consultation summary (documents/consultation-summary): one change per item whose category differs from the
     * previous screening; DIAGNOSIS states a diagnosis, so the check flags it.
     */
    private static String consultationAnswer(JsonNode input, Behaviour behaviour) throws Exception {
        boolean ko = "ko".equals(input.get("judgement").get("language").asText());
        Map<String, String> before = new HashMap<>();
        if (input.hasNonNull("previousJudgement")) {
            input.get("previousJudgement").get("items").forEach(i -> before.put(i.get("item").asText(), i.path("category").asText()));
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (JsonNode item : input.get("judgement").get("items")) {
            String was = before.get(item.get("item").asText());
            if (was != null && !was.equals(item.path("category").asText())) {
                changes.add(Map.of("item", item.get("item").asText(),
                        "comment", ko ? "지난 검진과 판정이 달라져 생활습관 변화를 확인해야 합니다." : "The category changed since the last screening; ask what changed."));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("overview", behaviour == Behaviour.DIAGNOSIS ? (ko ? "당뇨병입니다." : "You have diabetes.")
                : ko ? "모델 상담 요약: 확인이 필요한 항목을 중심으로 상담합니다." : "Model consultation summary: discuss the results that need attention.");
        answer.put("changes", changes);
        answer.put("questions", List.of(ko ? "최근 식사와 운동 습관은 어떠신가요?" : "How are your diet and exercise lately?"));
        answer.put("goals", List.of(ko ? "매일 걷기를 실천합니다." : "Walk every day."));
        return JSON.writeValueAsString(answer);
    }

    private static String referralAnswer(JsonNode input, Behaviour behaviour) throws Exception {
        boolean ko = "ko".equals(input.get("language").asText());
        Set<String> abnormal = new LinkedHashSet<>();
        input.get("abnormalCategories").forEach(c -> abnormal.add(c.asText()));
        List<Map<String, Object>> findings = new ArrayList<>();
        boolean invented = false;
        for (JsonNode item : input.get("items")) {
            if (!abnormal.contains(item.path("category").asText())) {
                continue;
            }
            String value = item.path("value").asText();
            String unit = item.path("unit").isNull() ? "" : item.path("unit").asText();
            if (value.matches("-?\\d+(\\.\\d+)?") && behaviour == Behaviour.INVENT_VALUE && !invented) {
                value = new BigDecimal(value).add(new BigDecimal("17")).toPlainString();
                invented = true;
            }
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("item", item.get("item").asText());
            finding.put("observationIds", item.path("observationId").isNull() ? List.of() : List.of(item.get("observationId").asText()));
            finding.put("statement", item.get("name").asText() + " " + value + " " + unit
                    + (ko ? " (질환의심)" : " (disease suspected)"));
            findings.add(finding);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reason", ko ? "검진에서 신장 기능 저하가 의심되어 의뢰드립니다." : "Reduced kidney function is suspected at the screening.");
        answer.put("findings", findings);
        answer.put("question", ko ? "정밀 평가와 필요한 치료를 부탁드립니다." : "Please evaluate and treat as appropriate.");
        return JSON.writeValueAsString(answer);
    }

    private static String openAiResponse(String content) throws Exception {
        Map<String, Object> message = Map.of("role", "assistant", "content", content);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-stand-in");
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000);
        body.put("model", "stand-in");
        body.put("choices", List.of(Map.of("index", 0, "message", message, "finish_reason", "stop")));
        body.put("usage", Map.of("prompt_tokens", 1200, "completion_tokens", 300, "total_tokens", 1500));
        return JSON.writeValueAsString(body);
    }

    private static String anthropicResponse(String content) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "msg_stand_in");
        body.put("type", "message");
        body.put("role", "assistant");
        body.put("model", "stand-in");
        body.put("content", List.of(Map.of("type", "text", "text", "```json\n" + content + "\n```")));
        body.put("stop_reason", "end_turn");
        body.put("usage", Map.of("input_tokens", 1300, "output_tokens", 320));
        return JSON.writeValueAsString(body);
    }

    private static String ollamaResponse(String content) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "stand-in");
        body.put("created_at", "2026-01-01T00:00:00Z");
        body.put("message", Map.of("role", "assistant", "content", content));
        body.put("done", true);
        body.put("done_reason", "stop");
        body.put("prompt_eval_count", 1100);
        body.put("eval_count", 250);
        return JSON.writeValueAsString(body);
    }
}
