package com.checkupflow.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import com.checkupflow.engine.ExternalTasks;
import com.checkupflow.engine.ExternalTaskWorker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The element templates of element-templates/ as Camunda Modeler reads them: valid against the element templates
 * JSON schema (vendored: src/test/resources/element-templates/, @camunda/element-templates-json-schema 0.22.1, MIT),
 * and, applied to a new BPMN the way the Modeler writes each binding, a process that runs: the AI document step is
 * worked by the real {@link DraftDocumentWorker}, the review ends in the real {@link ReviewDocumentListener}.
 */
@ExtendWith(ProcessEngineExtension.class)
class ElementTemplatesTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Path TEMPLATES = Path.of("element-templates");
    private static final ObjectMapper JSON = new ObjectMapper();

    ProcessEngine processEngine;

    private final DocumentService documents = Mockito.mock(DocumentService.class);

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        Mocks.register("reviewDocumentListener", new ReviewDocumentListener(documents));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** The versions of a template file, oldest first: one template, or an array of the versions of one id. */
    private static List<JsonNode> versions(JsonNode file) {
        List<JsonNode> versions = new java.util.ArrayList<>();
        if (file.isArray()) {
            file.forEach(versions::add);
        } else {
            versions.add(file);
        }
        return versions;
    }

    private static List<JsonNode> versions(String file) throws IOException {
        return versions(JSON.readTree(TEMPLATES.resolve(file).toFile()));
    }

    /** The version Modeler applies to a new element. */
    private static JsonNode template(String file) throws IOException {
        List<JsonNode> versions = versions(file);
        return versions.get(versions.size() - 1);
    }

    @Test
    void shouldMatchTheElementTemplatesSchemaWhenModelerLoadsThem() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                getClass().getResourceAsStream("/element-templates/element-templates-json-schema-0.22.1.json"));
        List<Path> files;
        try (Stream<Path> list = Files.list(TEMPLATES)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Assertions.assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("ai-document-step.json", "document-review.json");
        for (Path file : files) {
            JsonNode t = JSON.readTree(file.toFile());
            Set<ValidationMessage> errors = schema.validate(t);
            Assertions.assertThat(errors).as(file.toString()).isEmpty();
            List<JsonNode> versions = versions(t);
            Assertions.assertThat(versions).extracting(v -> v.get("id").asText()).as(file + ": one id").containsOnly(
                    versions.get(0).get("id").asText());
            Assertions.assertThat(versions).extracting(v -> v.get("version").asInt()).as(file + ": versioned, oldest first")
                    .allMatch(v -> v > 0).isSorted().doesNotHaveDuplicates();
        }
        Assertions.assertThat(versions("ai-document-step.json")).extracting(v -> v.get("version").asInt())
                .as("version 2 kept for diagrams made with it").containsExactly(2, 3);
        Assertions.assertThat(Files.isSameFile(Path.of(".camunda/element-templates"), TEMPLATES))
                .as("Modeler finds the templates in .camunda/element-templates").isTrue();
        Set<ValidationMessage> broken = schema.validate(JSON.readTree("""
                {"name": "x", "id": "x", "appliesTo": ["bpmn:ServiceTask"], "properties": [{"type": "Dropdown",
                 "binding": {"type": "camunda:inputParameter", "name": "documentKind"}}]}"""));
        Assertions.assertThat(broken).as("a dropdown without choices is refused").isNotEmpty();
    }

    @Test
    void shouldOfferEveryDocumentKindInTheDropdownWhenADesignerPicksAKind() throws IOException {
        JsonNode kind = property(template("ai-document-step.json"), "documentKind");
        List<String> choices = kind.get("choices").findValuesAsText("value");
        List<String> folders;
        try (Stream<Path> list = Files.list(Path.of("src/main/resources/documents"))) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        Assertions.assertThat(folders).as("documents/*/ on disk").contains("consultation-summary", "report-summary",
                "referral-letter");
        Assertions.assertThat(choices).as("the kind dropdown of ai-document-step.json").containsExactlyInAnyOrderElementsOf(folders)
                .containsExactlyInAnyOrderElementsOf(new DocumentKinds().all().stream().map(DocumentKind::id).toList());
    }

    /**
     * Every element of the deployed processes that names a template is what the template writes, at its current
     * version: the hidden bindings, a value of each dropdown, and no parameter or extension property the template does
     * not know.
     */
    @Test
    void shouldMatchTheCurrentTemplateWhenAProcessElementNamesIt() throws IOException {
        Map<String, JsonNode> templates = Map.of("com.checkupflow.ai-document-step", template("ai-document-step.json"),
                "com.checkupflow.document-review", template("document-review.json"));
        List<String> checked = new java.util.ArrayList<>();
        for (String file : List.of("screening-report.bpmn", "referral-letter.bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", file).toFile());
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                String id = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
                if (id == null) {
                    continue;
                }
                JsonNode t = templates.get(id);
                String where = file + " " + element.getId();
                Assertions.assertThat(t).as(where).isNotNull();
                Assertions.assertThat(element.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion")).as(where)
                        .isEqualTo(t.get("version").asText());
                Map<String, String> inputs = new java.util.HashMap<>();
                element.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
                        .forEach(io -> io.getCamundaInputParameters()
                                .forEach(in -> inputs.put(in.getCamundaName(), in.getTextContent())));
                Map<String, String> properties = new java.util.HashMap<>();
                element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                        .forEach(ps -> ps.getCamundaProperties()
                                .forEach(pr -> properties.put(pr.getCamundaName(),
                                        pr.getCamundaValue() == null ? "" : pr.getCamundaValue())));
                List<String> bound = new java.util.ArrayList<>();
                List<String> boundProperties = new java.util.ArrayList<>();
                for (JsonNode p : t.get("properties")) {
                    JsonNode b = p.get("binding");
                    String name = b.path("name").asText();
                    if (b.get("type").asText().equals("property") && p.get("type").asText().equals("Hidden")) {
                        Assertions.assertThat(element.getAttributeValueNs(CAMUNDA, name.replace("camunda:", "")))
                                .as(where + " " + name).isEqualTo(p.get("value").asText());
                    }
                    if (b.get("type").asText().equals("camunda:inputParameter")) {
                        bound.add(name);
                        if (p.get("type").asText().equals("Dropdown")) {
                            Assertions.assertThat(p.get("choices").findValuesAsText("value")).as(where + " " + name)
                                    .contains(inputs.get(name));
                        }
                    }
                    if (b.get("type").asText().equals("camunda:property")) {
                        boundProperties.add(name);
                        Assertions.assertThat(properties).as(where + " " + name).containsKey(name);
                        if (p.get("type").asText().equals("Dropdown")) {
                            Assertions.assertThat(p.get("choices").findValuesAsText("value")).as(where + " " + name)
                                    .contains(properties.get(name));
                        }
                        if (p.has("constraints") && p.get("constraints").has("pattern")) {
                            Assertions.assertThat(properties.get(name)).as(where + " " + name)
                                    .matches(p.get("constraints").get("pattern").get("value").asText());
                        }
                    }
                }
                Assertions.assertThat(bound).as(where + ": input parameters").containsAll(inputs.keySet());
                Assertions.assertThat(boundProperties).as(where + ": extension properties")
                        .containsAll(properties.keySet());
                checked.add(element.getId());
            }
        }
        Assertions.assertThat(checked).contains("Activity_DraftSummary", "Activity_DraftConsultationSummary",
                "Activity_ReviewConsultationSummary", "Activity_DraftReferralLetter");
    }

    private static JsonNode property(JsonNode template, String bindingName) {
        for (JsonNode p : template.get("properties")) {
            if (bindingName.equals(p.get("binding").path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("no property bound to " + bindingName);
    }

    @Test
    void shouldRunAProcessBuiltFromBothTemplatesWhenADesignerAppliesThem() throws IOException {
        LockedExternalTask task = runDesignerCopy(template("ai-document-step.json"));

        Assertions.assertThat(task.getExtensionProperties()).containsEntry("documentLanguage", "")
                .containsEntry("documentKind", "consultation-summary");
        Assertions.assertThat(task.getVariables()).as("no variable per setting")
                .doesNotContainKeys(DocumentStep.PARAMETERS.toArray(String[]::new));
        Mockito.verify(documents).draft(ArgumentMatchers.eq("s-9"), ArgumentMatchers.argThat(parameters ->
                "consultation-summary".equals(parameters.get("documentKind")) && "".equals(parameters.get("documentLanguage"))
                        && "consultationSummary".equals(parameters.get("outputVariable"))));
    }

    /** Instances of diagrams made with version 2 carry the settings as input parameters, expressions evaluated. */
    @Test
    void shouldRunAProcessOfTemplateVersion2WhenItsInstancesCarryTheSettingsAsVariables() throws IOException {
        JsonNode version2 = versions("ai-document-step.json").get(0);
        Assertions.assertThat(version2.get("version").asInt()).isEqualTo(2);
        LockedExternalTask task = runDesignerCopy(version2);

        Assertions.assertThat(task.getExtensionProperties()).isEmpty();
        Assertions.assertThat(task.getVariables()).containsEntry("documentLanguage", "en")
                .containsEntry("documentKind", "consultation-summary");
        Mockito.verify(documents).draft(ArgumentMatchers.eq("s-9"), ArgumentMatchers.argThat(parameters ->
                "consultation-summary".equals(parameters.get("documentKind")) && "en".equals(parameters.get("documentLanguage"))
                        && "consultationSummary".equals(parameters.get("outputVariable"))));
    }

    /**
     * Builds a process from the AI document step template (this version) and the review template, runs it to its end
     * with the real worker and listener; the draft task as the worker fetched it.
     */
    private LockedExternalTask runDesignerCopy(JsonNode aiDocumentStep) throws IOException {
        BpmnModelInstance model = Bpmn.createExecutableProcess("designer-copy").name("Designer's copy")
                .startEvent("Event_Start").name("Start")
                .serviceTask("Activity_DraftDocument").name("Draft consultation summary")
                .userTask("Activity_ReviewDocument").name("Review consultation summary")
                .endEvent("Event_End").name("End").done();
        apply(aiDocumentStep, model.getModelElementById("Activity_DraftDocument"), model);
        apply(template("document-review.json"), model.getModelElementById("Activity_ReviewDocument"), model);
        Bpmn.validateModel(model);
        processEngine.getRepositoryService().createDeployment().addModelInstance("designer-copy.bpmn", model)
                .addClasspathResource("forms/review-document.form").deploy();
        Mockito.when(documents.draft(ArgumentMatchers.eq("s-9"), ArgumentMatchers.anyMap()))
                .thenReturn(new DocumentService.Drafted("draft text", false, "- PII_LEAK: phone", "openai", false));

        ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("designer-copy", "s-9",
                Map.of("language", "en", "taskPriority", 50, "consultationReviewDueDate", new java.util.Date(0)));
        processEngine.getManagementService().createJobQuery().list()
                .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
        DraftDocumentWorker worker = new DraftDocumentWorker(ExternalTasks.of(processEngine.getExternalTaskService()), documents,
                new DocumentKinds(), ExternalTaskWorker.Settings.of(1, Duration.ofMinutes(1), Duration.ofSeconds(1), false));
        Assertions.assertThat(worker.poll()).isZero(); // not started: the test hands the task over itself
        List<LockedExternalTask> tasks = DocumentFixtures.fetch(processEngine.getExternalTaskService(), worker);
        Assertions.assertThat(tasks).hasSize(1);
        worker.handle(tasks.get(0));

        Task review = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .initializeFormKeys().singleResult();
        Assertions.assertThat(review.getCamundaFormRef().getKey()).isEqualTo("review-document");
        Assertions.assertThat(review.getPriority()).isEqualTo(50);
        Assertions.assertThat(review.getDueDate()).isEqualTo(new java.util.Date(0));
        Assertions.assertThat(processEngine.getTaskService().getVariables(review.getId()))
                .containsEntry("documentText", "draft text").containsEntry("documentCheckNote", "- PII_LEAK: phone");
        processEngine.getTaskService().claim(review.getId(), "physicianBusan");
        processEngine.getTaskService().complete(review.getId(), Map.of("documentText", "reviewed text"));

        Mockito.verify(documents).review("s-9", "consultationSummary", "reviewed text", "physicianBusan");
        BpmnAwareTests.assertThat(pi).isEnded().variables().containsEntry("consultationSummaryReviewed", "reviewed text");
        return tasks.get(0);
    }

    /** Writes each property's value the way Camunda Modeler writes its binding. */
    private static void apply(JsonNode template, BaseElement element, BpmnModelInstance model) {
        element.setAttributeValueNs(CAMUNDA, "modelerTemplate", template.get("id").asText());
        element.setAttributeValueNs(CAMUNDA, "modelerTemplateVersion", template.get("version").asText());
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        element.setExtensionElements(extensions);
        CamundaInputOutput io = null;
        CamundaProperties properties = null;
        for (JsonNode p : template.get("properties")) {
            JsonNode b = p.get("binding");
            String value = p.path("value").asText();
            switch (b.get("type").asText()) {
                case "property" -> element.setAttributeValueNs(CAMUNDA, b.get("name").asText().replace("camunda:", ""), value);
                case "camunda:property" -> {
                    if (properties == null) {
                        properties = extensions.addExtensionElement(CamundaProperties.class);
                    }
                    CamundaProperty property = model.newInstance(CamundaProperty.class);
                    property.setCamundaName(b.get("name").asText());
                    property.setCamundaValue(value);
                    properties.addChildElement(property);
                }
                case "camunda:inputParameter", "camunda:outputParameter" -> {
                    if (io == null) {
                        io = extensions.addExtensionElement(CamundaInputOutput.class);
                    }
                    if (b.get("type").asText().equals("camunda:inputParameter")) {
                        CamundaInputParameter in = model.newInstance(CamundaInputParameter.class);
                        in.setCamundaName(b.get("name").asText());
                        in.setTextContent(value);
                        io.addChildElement(in);
                    } else {
                        CamundaOutputParameter out = model.newInstance(CamundaOutputParameter.class);
                        out.setCamundaName(value);
                        out.setTextContent(b.get("source").asText());
                        io.addChildElement(out);
                    }
                }
                case "camunda:executionListener" -> {
                    CamundaExecutionListener listener = extensions.addExtensionElement(CamundaExecutionListener.class);
                    listener.setCamundaEvent(b.get("event").asText());
                    listener.setCamundaDelegateExpression(value);
                }
                default -> throw new AssertionError("binding not applied by this test: " + b);
            }
        }
    }
}
