package com.checkupflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Static checks of every deployed BPMN model against the code and the other deployed resources: each expression
 * names a Spring bean of the right type, each decisionRef / formRef points to a deployed DMN decision / form, ids
 * and names follow the project's conventions, history time to live is set and the diagram is complete.
 */
@SpringBootTest(properties = {
        "checkupflow.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:model-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=model-test",
        "camunda.bpm.job-execution.enabled=false"})
@OwnJvm
class ProcessModelTest {

    /** A whole-expression bean reference, {@code ${beanName}}, or a method / property of a bean {@code ${bean.x}}. */
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(\\..*)?}$");
    private static final Pattern ELEMENT_ID = Pattern.compile("^(Activity|Gateway|Event|Flow)_[A-Z][A-Za-z]+$");
    private static final String FORMS_DEPLOYMENT_PREFIX = "camunda-forms:deployment:";

    /** External task topics and the bean of the in-application worker that handles each. */
    private static final Map<String, String> EXTERNAL_TASK_WORKERS = Map.of("draftDocument", "draftDocumentWorker");

    private static final Map<String, BpmnModelInstance> MODELS = new LinkedHashMap<>();
    private static final Set<String> DECISION_IDS = new TreeSet<>();
    private static final Set<String> FORM_IDS = new TreeSet<>();
    private static final Set<String> FORM_FILES = new TreeSet<>();

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void readModels() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource bpmn : resolver.getResources("classpath*:processes/**/*.bpmn")) {
            try (InputStream in = bpmn.getInputStream()) {
                MODELS.put(bpmn.getFilename(), Bpmn.readModelFromStream(in));
            }
        }
        for (Resource dmn : resolver.getResources("classpath*:processes/**/*.dmn")) {
            try (InputStream in = dmn.getInputStream()) {
                Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)
                        .forEach(d -> DECISION_IDS.add(d.getId()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Resource form : resolver.getResources("classpath*:forms/**/*.form")) {
            try (InputStream in = form.getInputStream()) {
                FORM_IDS.add(json.readTree(in).path("id").asText());
                FORM_FILES.add(form.getFilename());
            }
        }
        Assertions.assertThat(MODELS).as("deployed BPMN models").containsKey("screening-report.bpmn");
        Assertions.assertThat(DECISION_IDS).contains("screening_judgement");
        Assertions.assertThat(FORM_IDS).doesNotContain("");
    }

    @Test
    void shouldResolveEveryDelegateExpressionToAJavaDelegateBean() {
        List<String> references = new ArrayList<>();
        forEach(ServiceTask.class, (file, t) -> {
            add(references, file, t, t.getCamundaDelegateExpression());
            Assertions.assertThat(t.getCamundaClass()).as("%s: use a Spring bean, not camunda:class", where(file, t)).isNull();
        });
        forEach(SendTask.class, (file, t) -> add(references, file, t, t.getCamundaDelegateExpression()));
        forEach(BusinessRuleTask.class, (file, t) -> add(references, file, t, t.getCamundaDelegateExpression()));
        forEach(MessageEventDefinition.class, (file, d) -> add(references, file, d, d.getCamundaDelegateExpression()));

        Assertions.assertThat(references).as("delegate expressions").isNotEmpty();
        assertBeans(references, JavaDelegate.class);
    }

    @Test
    void shouldResolveEveryServiceTaskExpressionToABean() {
        List<String> references = new ArrayList<>();
        forEach(ServiceTask.class, (file, t) -> add(references, file, t, t.getCamundaExpression()));
        forEach(SendTask.class, (file, t) -> add(references, file, t, t.getCamundaExpression()));
        assertBeans(references, Object.class);
    }

    @Test
    void shouldResolveEveryExecutionListenerToAnExecutionListenerBean() {
        List<String> delegates = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        forEach(CamundaExecutionListener.class, (file, l) -> {
            add(delegates, file, l, l.getCamundaDelegateExpression());
            add(expressions, file, l, l.getCamundaExpression());
            Assertions.assertThat(l.getCamundaClass()).as("%s: use a Spring bean, not class", where(file, l)).isNull();
        });
        Assertions.assertThat(delegates).as("execution listeners").isNotEmpty();
        assertBeans(delegates, ExecutionListener.class);
        assertBeans(expressions, Object.class);
    }

    @Test
    void shouldResolveEveryTaskListenerToATaskListenerBean() {
        List<String> delegates = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        forEach(CamundaTaskListener.class, (file, l) -> {
            add(delegates, file, l, l.getCamundaDelegateExpression());
            add(expressions, file, l, l.getCamundaExpression());
            Assertions.assertThat(l.getCamundaClass()).as("%s: use a Spring bean, not class", where(file, l)).isNull();
        });
        Assertions.assertThat(delegates).as("task listeners").isNotEmpty();
        assertBeans(delegates, TaskListener.class);
        assertBeans(expressions, Object.class);
    }

    @Test
    void shouldHaveAWorkerForEveryExternalTaskTopic() {
        Set<String> topics = new TreeSet<>();
        forEach(ServiceTask.class, (file, t) -> {
            if ("external".equals(t.getCamundaType())) {
                Assertions.assertThat(t.getCamundaTopic()).as("%s: topic", where(file, t)).isNotBlank();
                topics.add(t.getCamundaTopic());
            }
        });
        forEach(SendTask.class, (file, t) -> {
            if ("external".equals(t.getCamundaType())) {
                topics.add(t.getCamundaTopic());
            }
        });
        Assertions.assertThat(EXTERNAL_TASK_WORKERS.keySet()).as("external task topics with a declared worker")
                .containsAll(topics);
        topics.forEach(topic -> Assertions.assertThat(context.containsBean(EXTERNAL_TASK_WORKERS.get(topic)))
                .as("worker bean for topic %s", topic).isTrue());
    }

    @Test
    void shouldReferenceOnlyDeployedDecisions() {
        List<String> refs = new ArrayList<>();
        forEach(BusinessRuleTask.class, (file, t) -> {
            if (t.getCamundaDelegateExpression() == null && t.getCamundaClass() == null
                    && t.getCamundaExpression() == null && !"external".equals(t.getCamundaType())) {
                Assertions.assertThat(t.getCamundaDecisionRef()).as("%s: decisionRef", where(file, t)).isNotBlank();
                refs.add(t.getCamundaDecisionRef());
            }
        });
        // "Judge results" evaluates screening_judgement in its delegate (over our tables), so no process may refer to none
        Assertions.assertThat(DECISION_IDS).contains("screening_judgement");
        Assertions.assertThat(DECISION_IDS).as("decisions in processes/*.dmn").containsAll(refs);
    }

    @Test
    void shouldReferenceOnlyDeployedForms() {
        List<String> formRefs = new ArrayList<>();
        List<String> formFiles = new ArrayList<>();
        forEach(UserTask.class, (file, t) -> collectForm(file, t, t.getCamundaFormRef(), t.getCamundaFormRefBinding(),
                t.getCamundaFormKey(), formRefs, formFiles));
        forEach(StartEvent.class, (file, e) -> collectForm(file, e, e.getCamundaFormRef(), e.getCamundaFormRefBinding(),
                e.getCamundaFormKey(), formRefs, formFiles));

        Assertions.assertThat(formRefs).as("formRefs").isNotEmpty();
        Assertions.assertThat(FORM_IDS).as("form ids in forms/*.form").containsAll(formRefs);
        Assertions.assertThat(FORM_FILES).as("files in forms/").containsAll(formFiles);
    }

    @Test
    void shouldNameEveryFlowNodeAndUseReadableIds() {
        List<String> problems = new ArrayList<>();
        forEach(FlowNode.class, (file, node) -> {
            if (node.getName() == null || node.getName().isBlank()) {
                problems.add(where(file, node) + " has no name");
            }
            String prefix = node instanceof Activity ? "Activity_" : node instanceof Gateway ? "Gateway_"
                    : node instanceof Event ? "Event_" : "?";
            if (!ELEMENT_ID.matcher(node.getId()).matches() || !node.getId().startsWith(prefix)) {
                problems.add(where(file, node) + " should be " + prefix + "<Name> (letters only)");
            }
        });
        forEach(SequenceFlow.class, (file, flow) -> {
            if (!ELEMENT_ID.matcher(flow.getId()).matches() || !flow.getId().startsWith("Flow_")) {
                problems.add(where(file, flow) + " should be Flow_<Name> (letters only)");
            }
        });
        Assertions.assertThat(problems).isEmpty();
    }

    @Test
    void shouldSetHistoryTimeToLiveOnEveryProcess() {
        forEach(Process.class, (file, process) -> {
            Assertions.assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s: historyTimeToLive",
                    where(file, process)).isNotBlank();
            Assertions.assertThat(process.isExecutable()).as("%s: isExecutable", where(file, process)).isTrue();
        });
    }

    @Test
    void shouldDrawEveryFlowNodeAndSequenceFlow() {
        MODELS.forEach((file, model) -> {
            Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                    .filter(s -> s.getBpmnElement() != null).map(s -> s.getBpmnElement().getId())
                    .collect(Collectors.toSet());
            Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                    .filter(e -> e.getBpmnElement() != null).map(e -> e.getBpmnElement().getId())
                    .collect(Collectors.toSet());
            Assertions.assertThat(shapes).as("%s: BPMNShapes", file).containsAll(ids(model, FlowNode.class));
            Assertions.assertThat(edges).as("%s: BPMNEdges", file).containsAll(ids(model, SequenceFlow.class));
            Assertions.assertThat(model.getModelElementsByType(BpmnShape.class)).as("%s: shapes without element", file)
                    .allSatisfy(s -> Assertions.assertThat(s.getBpmnElement()).isNotNull());
            Assertions.assertThat(model.getModelElementsByType(BpmnEdge.class)).as("%s: edges without element", file)
                    .allSatisfy(e -> Assertions.assertThat(e.getBpmnElement()).isNotNull());
        });
    }

    // ---------------------------------------------------------------- helpers

    private interface Visitor<T> {
        void visit(String file, T element);
    }

    private static <T extends ModelElementInstance> void forEach(Class<T> type, Visitor<T> visitor) {
        MODELS.forEach((file, model) -> model.getModelElementsByType(type).forEach(e -> visitor.visit(file, e)));
    }

    private static Set<String> ids(BpmnModelInstance model, Class<? extends BaseElement> type) {
        return model.getModelElementsByType(type).stream().map(BaseElement::getId).collect(Collectors.toSet());
    }

    private static String where(String file, ModelElementInstance element) {
        ModelElementInstance e = element;
        while (e != null && !(e instanceof BaseElement b && b.getId() != null)) {
            e = e.getParentElement();
        }
        return file + "#" + (e == null ? element.getElementType().getTypeName() : ((BaseElement) e).getId());
    }

    private static void add(List<String> references, String file, ModelElementInstance element, String expression) {
        if (expression != null) {
            references.add(where(file, element) + " " + expression);
        }
    }

    private static void collectForm(String file, BaseElement element, String formRef, String binding, String formKey,
                                    List<String> formRefs, List<String> formFiles) {
        if (formRef != null) {
            Assertions.assertThat(binding).as("%s: formRefBinding", where(file, element)).isEqualTo("deployment");
            formRefs.add(formRef);
        }
        if (formKey != null && formKey.startsWith(FORMS_DEPLOYMENT_PREFIX)) {
            formFiles.add(formKey.substring(FORMS_DEPLOYMENT_PREFIX.length()));
        }
    }

    /** Each reference is "file#elementId ${expression}"; the expression must name a bean assignable to type. */
    private void assertBeans(Collection<String> references, Class<?> type) {
        List<String> problems = new ArrayList<>();
        for (String reference : references) {
            String expression = reference.substring(reference.indexOf(' ') + 1);
            Matcher m = BEAN_EXPRESSION.matcher(expression);
            if (!m.matches()) {
                problems.add(reference + ": not a ${bean} reference");
            } else if (!context.containsBean(m.group(1))) {
                problems.add(reference + ": no bean '" + m.group(1) + "'");
            } else if (!type.isInstance(context.getBean(m.group(1)))) {
                problems.add(reference + ": bean '" + m.group(1) + "' is a "
                        + context.getBean(m.group(1)).getClass().getName() + ", not a " + type.getSimpleName());
            }
        }
        Assertions.assertThat(problems).as("expressions in %s", Arrays.toString(MODELS.keySet().toArray())).isEmpty();
    }
}
