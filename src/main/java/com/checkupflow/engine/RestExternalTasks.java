package com.checkupflow.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link ExternalTasks} over an engine node's REST API ({@code /engine-rest/external-task/...}), as the user of the
 * {@code worker} group: fetch-and-lock, extend the lock, complete with variables, BPMN error, failure, unlock. The
 * worker profile's engine; the engine checks every call against that user's grants and tenants.
 */
public final class RestExternalTasks implements ExternalTasks {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;
    private final ObjectMapper json;

    public RestExternalTasks(WorkerProperties properties, ObjectMapper json) {
        if (properties.engineRestUrl() == null || properties.user() == null || properties.password() == null) {
            throw new IllegalStateException("A remote worker needs checkupflow.workers.engine-rest-url, user and "
                    + "password (CHECKUPFLOW_WORKERS_ENGINE_REST_URL, _USER, _PASSWORD)");
        }
        String url = properties.engineRestUrl().toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.user() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
        this.json = json;
    }

    @Override
    public boolean concurrentChange(RuntimeException e) {
        // The engine REST API names the engine's exception in its error document's "type".
        return e instanceof EngineRestException rest && rest.getMessage().contains("\"OptimisticLockingException\"");
    }

    @Override
    public List<LockedExternalTask> fetchAndLock(String workerId, List<String> topics, int maxTasks, long lockMillis,
                                                 List<String> variables, boolean extensionProperties,
                                                 long waitMillis) {
        ObjectNode body = json.createObjectNode().put("workerId", workerId).put("maxTasks", maxTasks);
        if (waitMillis > 0) {
            // long polling: the node answers when a task is created (or the time is up), no empty fetch in between
            body.put("asyncResponseTimeout", waitMillis);
        }
        var topicNodes = body.putArray("topics");
        for (String topic : topics) {
            ObjectNode topicNode = topicNodes.addObject().put("topicName", topic).put("lockDuration", lockMillis);
            variables.forEach(topicNode.putArray("variables")::add);
            if (extensionProperties) {
                topicNode.put("includeExtensionProperties", true);
            }
        }
        JsonNode answer = post("external-task/fetchAndLock", body, REQUEST_TIMEOUT.plusMillis(waitMillis));
        List<LockedExternalTask> tasks = new ArrayList<>();
        answer.forEach(task -> tasks.add(new Task(task, variables(task.path("variables")))));
        return tasks;
    }

    @Override
    public void extendLock(String taskId, String workerId, long lockMillis) {
        post("external-task/" + taskId + "/extendLock",
                json.createObjectNode().put("workerId", workerId).put("newDuration", lockMillis));
    }

    @Override
    public void complete(String taskId, String workerId, Map<String, Object> variables) {
        ObjectNode body = json.createObjectNode().put("workerId", workerId);
        body.set("variables", typed(variables));
        post("external-task/" + taskId + "/complete", body);
    }

    @Override
    public void handleBpmnError(String taskId, String workerId, String errorCode, String message,
                                Map<String, Object> variables) {
        ObjectNode body = json.createObjectNode().put("workerId", workerId).put("errorCode", errorCode)
                .put("errorMessage", message);
        body.set("variables", typed(variables));
        post("external-task/" + taskId + "/bpmnError", body);
    }

    @Override
    public void handleFailure(String taskId, String workerId, String message, String details, int retries,
                              long retryTimeoutMillis) {
        post("external-task/" + taskId + "/failure", json.createObjectNode().put("workerId", workerId)
                .put("errorMessage", message).put("errorDetails", details).put("retries", retries)
                .put("retryTimeout", retryTimeoutMillis));
    }

    @Override
    public void unlock(String taskId) {
        post("external-task/" + taskId + "/unlock", json.createObjectNode());
    }

    private JsonNode post(String path, ObjectNode body) {
        return post(path, body, REQUEST_TIMEOUT);
    }

    private JsonNode post(String path, ObjectNode body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Engine REST " + path + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the engine", e);
        }
        if (response.statusCode() / 100 != 2) {
            // Camunda's error JSON carries a type and a message (no variable values); the body is not logged as such.
            throw new EngineRestException(response.statusCode(), response.body());
        }
        try {
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Engine REST answered no JSON", e);
        }
    }

    /** Values as Camunda's REST API types them; our workers hand over strings, numbers, booleans and nulls. */
    private ObjectNode typed(Map<String, Object> variables) {
        ObjectNode node = json.createObjectNode();
        if (variables == null) {
            return node;
        }
        variables.forEach((name, value) -> {
            ObjectNode v = node.putObject(name);
            if (value == null) {
                v.put("type", "Null").putNull("value");
            } else if (value instanceof String s) {
                v.put("type", "String").put("value", s);
            } else if (value instanceof Integer i) {
                v.put("type", "Integer").put("value", i);
            } else if (value instanceof Long l) {
                v.put("type", "Long").put("value", l);
            } else if (value instanceof Boolean b) {
                v.put("type", "Boolean").put("value", b);
            } else if (value instanceof Double d) {
                v.put("type", "Double").put("value", d);
            } else {
                throw new IllegalArgumentException("Variable " + name + " of type " + value.getClass().getSimpleName()
                        + " cannot be sent to the engine");
            }
        });
        return node;
    }

    private static VariableMap variables(JsonNode node) {
        VariableMap variables = Variables.createVariables();
        node.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue().path("value");
            String type = e.getValue().path("type").asText();
            variables.put(e.getKey(), switch (type) {
                case "Integer" -> value.isNull() ? null : value.intValue();
                case "Long" -> value.isNull() ? null : value.longValue();
                case "Short" -> value.isNull() ? null : value.shortValue();
                case "Double" -> value.isNull() ? null : value.doubleValue();
                case "Boolean" -> value.isNull() ? null : value.booleanValue();
                default -> value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
            });
        });
        return variables;
    }

    /** An engine REST call answered other than 2xx: its status and Camunda's error type and message. */
    public static final class EngineRestException extends RuntimeException {

        private final int status;

        EngineRestException(int status, String body) {
            super("Engine REST answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A task fetched over REST, as the engine's own fetch-and-lock returns it. */
    private static final class Task implements LockedExternalTask {

        private final JsonNode t;
        private final VariableMap variables;

        Task(JsonNode task, VariableMap variables) {
            this.t = task;
            this.variables = variables;
        }

        private String text(String field) {
            JsonNode v = t.path(field);
            return v.isNull() || v.isMissingNode() ? null : v.asText();
        }

        @Override
        public String getId() {
            return text("id");
        }

        @Override
        public String getTopicName() {
            return text("topicName");
        }

        @Override
        public String getWorkerId() {
            return text("workerId");
        }

        @Override
        public Date getLockExpirationTime() {
            return null; // REST gives it as text in the engine's date format; no worker reads it
        }

        @Override
        public Date getCreateTime() {
            return null;
        }

        @Override
        public String getProcessInstanceId() {
            return text("processInstanceId");
        }

        @Override
        public String getExecutionId() {
            return text("executionId");
        }

        @Override
        public String getActivityId() {
            return text("activityId");
        }

        @Override
        public String getActivityInstanceId() {
            return text("activityInstanceId");
        }

        @Override
        public String getProcessDefinitionId() {
            return text("processDefinitionId");
        }

        @Override
        public String getProcessDefinitionKey() {
            return text("processDefinitionKey");
        }

        @Override
        public String getProcessDefinitionVersionTag() {
            return text("processDefinitionVersionTag");
        }

        @Override
        public Integer getRetries() {
            return t.path("retries").isInt() ? t.path("retries").intValue() : null;
        }

        @Override
        public String getErrorMessage() {
            return text("errorMessage");
        }

        @Override
        public String getErrorDetails() {
            return text("errorDetails");
        }

        @Override
        public VariableMap getVariables() {
            return variables;
        }

        @Override
        public String getTenantId() {
            return text("tenantId");
        }

        @Override
        public long getPriority() {
            return t.path("priority").asLong();
        }

        @Override
        public String getBusinessKey() {
            return text("businessKey");
        }

        @Override
        public Map<String, String> getExtensionProperties() {
            Map<String, String> properties = new LinkedHashMap<>();
            t.path("extensionProperties").fields().forEachRemaining(e -> properties.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().asText()));
            return properties;
        }
    }
}
