package com.checkupflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Each process contract names exactly what its BPMN (and the forms its user tasks use) names: flow node ids,
 * topics, error codes, message names and variables; and each step's id, bean and class say the same name
 * ({@code Activity_FooBar} ↔ {@code ${fooBarDelegate}} ↔ {@code FooBarDelegate}, topic {@code fooBar} ↔
 * {@code FooBarWorker}).
 */
class ProcessContractTest {

    /** An expression's identifiers that are EL or FEEL words, or engine objects, not variables. */
    private static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "workflowSettings", "processBusinessKey", "true", "false",
            "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "if",
            "then", "else", "in", "some", "every", "satisfies", "for", "return", "contains", "string", "number",
            "length", "count", "is", "defined", "get", "value", "upper", "case", "lower", "substring", "starts", "with",
            "ends", "matches", "list", "date", "time", "now", "today", "abs", "split", "join", "item");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    /** An identifier, but a FEEL context key ({@code {label: …}}) or a property after a dot. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*+(?!\\s*:)");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern DOCUMENTATION = Pattern.compile("<bpmn:documentation>.*?</bpmn:documentation>",
            Pattern.DOTALL);
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("delegateExpression=\"[^\"]*\"");
    private static final Pattern MAPPED_VARIABLE = Pattern.compile("(?:source|target|resultVariable)=\"(\\w+)\"");
    private static final Pattern BEAN = Pattern.compile("^\\$\\{([a-z]\\w*)}$");

    private static final Map<String, JavaClass> MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.checkupflow").stream()
            .filter(c -> c.getEnclosingClass().isEmpty())
            .collect(Collectors.toMap(JavaClass::getSimpleName, c -> c, (a, b) -> a));

    static Stream<Arguments> contracts() {
        return Stream.of(Arguments.of("screening-report.bpmn", ScreeningReportProcess.class),
                Arguments.of("referral-letter.bpmn", ReferralLetterProcess.class));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldNameEveryFlowNodeWhenTheModelHasIt(String file, Class<?> contract) throws IOException {
        BpmnModelInstance model = model(file);

        assertThat(constant(contract, "PROCESS_ID")).isEqualTo(file.replace(".bpmn", ""));
        assertThat(constants(contract, "Activities")).as("%s: activities", file)
                .isEqualTo(ids(model, Activity.class));
        assertThat(constants(contract, "Events")).as("%s: events", file).isEqualTo(ids(model, Event.class));
        assertThat(constants(contract, "Gateways")).as("%s: gateways", file).isEqualTo(ids(model, Gateway.class));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldNameEveryTopicErrorAndMessageWhenTheModelHasIt(String file, Class<?> contract) throws IOException {
        BpmnModelInstance model = model(file);

        assertThat(constants(contract, "Topics")).as("%s: topics", file).isEqualTo(
                model.getModelElementsByType(ServiceTask.class).stream().map(ServiceTask::getCamundaTopic)
                        .filter(t -> t != null).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(constants(contract, "Errors")).as("%s: error codes", file).isEqualTo(
                model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(constants(contract, "Messages")).as("%s: messages", file).isEqualTo(
                model.getModelElementsByType(Message.class).stream().map(Message::getName)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldNameEveryVariableWhenTheModelOrAFormReadsIt(String file, Class<?> contract) throws IOException {
        BpmnModelInstance model = model(file);
        Set<String> contracted = constants(contract, "Vars");
        List<String> prefixes = contracted.stream().filter(v -> v.endsWith("_")).toList();

        Set<String> used = variablesOf(resource("processes/" + file));
        for (JsonNode form : forms(model)) {
            used.addAll(variablesOf(form));
        }
        used.removeIf(v -> prefixes.stream().anyMatch(v::startsWith));

        assertThat(contracted).as("%s: variables in expressions, mappings and forms", file).containsAll(used);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldMentionEveryContractVariableWhenTheContractNamesIt(String file, Class<?> contract) throws IOException {
        StringBuilder text = new StringBuilder(resource("processes/" + file));
        for (String formId : formIds(model(file))) {
            text.append(resource("forms/" + formId + ".form"));
        }

        List<String> unknown = constants(contract, "Vars").stream()
                .filter(v -> !Pattern.compile("(?<![\\w])" + Pattern.quote(v)).matcher(text).find()).toList();

        assertThat(unknown).as("%s: contract variables neither the model nor its forms mention", file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldNameStepBeanAndClassAlikeWhenAServiceTaskRunsCode(String file, Class<?> contract) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ServiceTask task : model(file).getModelElementsByType(ServiceTask.class)) {
            String step;
            String className;
            if (task.getCamundaTopic() != null) {
                step = task.getCamundaTopic();
                className = capitalize(step) + "Worker";
            } else {
                Matcher bean = BEAN.matcher(String.valueOf(task.getCamundaDelegateExpression()));
                if (!bean.matches() || !bean.group(1).endsWith("Delegate")) {
                    problems.add(task.getId() + ": delegate expression should be ${<step>Delegate}");
                    continue;
                }
                className = capitalize(bean.group(1));
                step = bean.group(1).substring(0, bean.group(1).length() - "Delegate".length());
            }
            // A step from an element template (the generic AI document step) is named after what it drafts, not its topic.
            boolean templated = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate") != null;
            if (templated && !task.getId().startsWith("Activity_Draft")) {
                problems.add(task.getId() + ": a templated document step should be Activity_Draft<Document>");
            } else if (!templated && !task.getId().equals("Activity_" + capitalize(step))) {
                problems.add(task.getId() + ": should be Activity_" + capitalize(step));
            }
            if (!MAIN_CLASSES.containsKey(className)) {
                problems.add(task.getId() + ": no class " + className);
            }
        }
        assertThat(problems).as(file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldHaveAClassOfTheBeansNameWhenAListenerIsReferenced(String file, Class<?> contract) throws IOException {
        BpmnModelInstance model = model(file);
        Set<String> beans = new TreeSet<>();
        model.getModelElementsByType(CamundaExecutionListener.class)
                .forEach(l -> beans.add(l.getCamundaDelegateExpression()));
        model.getModelElementsByType(CamundaTaskListener.class)
                .forEach(l -> beans.add(l.getCamundaDelegateExpression()));

        List<String> problems = new ArrayList<>();
        for (String expression : beans) {
            Matcher bean = BEAN.matcher(String.valueOf(expression));
            if (!bean.matches() || !bean.group(1).endsWith("Listener")) {
                problems.add(expression + ": should be ${<name>Listener}");
            } else if (!MAIN_CLASSES.containsKey(capitalize(bean.group(1)))) {
                problems.add(expression + ": no class " + capitalize(bean.group(1)));
            }
        }
        assertThat(problems).as(file).isEmpty();
    }

    // ---------------------------------------------------------------- reading the model

    private static BpmnModelInstance model(String file) throws IOException {
        try (InputStream in = resourceStream("processes/" + file)) {
            return Bpmn.readModelFromStream(in);
        }
    }

    private static Set<String> ids(BpmnModelInstance model, Class<? extends FlowNode> type) {
        return model.getModelElementsByType(type).stream().map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Identifiers in every expression of the model but bean references of delegates and listeners and text in
     * documentation, and the variables of call activity mappings and result variables.
     */
    private static Set<String> variablesOf(String xml) {
        String expressions = DOCUMENTATION.matcher(xml).replaceAll("");
        expressions = DELEGATE_EXPRESSION.matcher(expressions).replaceAll("")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        Set<String> variables = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(expressions);
        while (expression.find()) {
            addIdentifiers(expression.group(1), variables);
        }
        Matcher mapped = MAPPED_VARIABLE.matcher(expressions);
        while (mapped.find()) {
            variables.add(mapped.group(1));
        }
        return variables;
    }

    private static void addIdentifiers(String expression, Set<String> variables) {
        Matcher identifier = IDENTIFIER.matcher(QUOTED.matcher(expression).replaceAll(""));
        while (identifier.find()) {
            if (!NOT_VARIABLES.contains(identifier.group())) {
                variables.add(identifier.group());
            }
        }
    }

    private static Set<String> formIds(BpmnModelInstance model) {
        return model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
                .filter(f -> f != null).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<JsonNode> forms(BpmnModelInstance model) throws IOException {
        List<JsonNode> forms = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String formId : formIds(model)) {
            forms.add(json.readTree(resource("forms/" + formId + ".form")));
        }
        return forms;
    }

    /** Field keys, and identifiers in the FEEL expressions ({@code =…}) a form evaluates. */
    private static Set<String> variablesOf(JsonNode form) {
        Set<String> variables = new TreeSet<>();
        List<JsonNode> nodes = new ArrayList<>(List.of(form));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.remove(nodes.size() - 1);
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("key") && field.getValue().isTextual()
                        && node.has("type") && !node.path("type").asText().equals("default")) {
                    variables.add(field.getValue().asText());
                } else if (field.getValue().isTextual() && field.getValue().asText().startsWith("=")) {
                    addIdentifiers(field.getValue().asText().substring(1), variables);
                }
            });
            node.forEach(nodes::add);
        }
        return variables;
    }

    // ---------------------------------------------------------------- reading the contract

    private static Object constant(Class<?> contract, String name) {
        try {
            return contract.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(contract.getSimpleName() + "." + name, e);
        }
    }

    /** The values of the public String constants of the contract's nested class (empty when it has none). */
    private static Set<String> constants(Class<?> contract, String nested) {
        Set<String> values = new TreeSet<>();
        Map<String, String> byValue = new HashMap<>();
        for (Class<?> inner : contract.getDeclaredClasses()) {
            if (!inner.getSimpleName().equals(nested)) {
                continue;
            }
            for (Field field : inner.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    String value = (String) constant(inner, field.getName());
                    assertThat(byValue.put(value, field.getName())).as("%s.%s: %s named twice",
                            contract.getSimpleName(), nested, value).isNull();
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static InputStream resourceStream(String path) {
        InputStream in = ProcessContractTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = resourceStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
