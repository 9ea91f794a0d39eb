package com.checkupflow.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads a screening Bundle (FHIR R4 JSON) and checks it as a whole (fhir-input-and-judgement-api.md): not JSON,
 * not a Bundle, no or several Patients, no Observation, no Bundle.identifier. Every problem is listed at once.
 *
 * <p>Measurement-level faults must not bounce the screening. HAPI, even with a {@link LenientErrorHandler}, is no
 * help for a {@code valueQuantity.value} sent as a JSON string: with the default lenient handler it throws
 * ({@code errorOnInvalidValue} is true by default), and with {@code setErrorOnInvalidValue(false)} it silently
 * accepts {@code "7.27"} as the number 7.27 and drops {@code "abc"} altogether. So the raw JSON is pre-scanned with
 * Jackson: a non-number {@code value} of an Observation's (or component's) {@code valueQuantity} is removed before
 * HAPI sees it, and the raw text is attached to the parsed {@link Quantity} as user data
 * ({@link #NON_NUMERIC_VALUE}); {@link ScreeningNormalizer} turns it into {@code non_numeric}. That marker lives only
 * on the in-memory object: re-parse stored JSON with this parser, not with a plain HAPI parser.
 */
@Component
public class BundleParser {

    /** User-data key on a {@link Quantity} whose JSON {@code value} was not a number; the value is the raw text. */
    static final String NON_NUMERIC_VALUE = "checkupflow.nonNumericValue";

    static final int MAX_SIGNIFICANT_DIGITS = 18;
    static final int MAX_EXPONENT = 12;
    private static final int MAX_LISTED_PROBLEMS = 20;

    private final FhirContext fhirContext;
    private final ObjectMapper json;

    public BundleParser(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
        this.json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    /** Parses and checks the Bundle; never throws for bad input. */
    public ParsedBundle parse(String bundleJson) {
        if (bundleJson == null || bundleJson.isBlank()) {
            return ParsedBundle.rejected(List.of(new BundleProblem(BundleProblem.NOT_JSON, "The request body is empty")));
        }
        JsonNode root;
        try {
            root = json.readTree(bundleJson);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return ParsedBundle.rejected(List.of(new BundleProblem(BundleProblem.NOT_JSON,
                    "The request body is not valid JSON" + where, e.getLocation() == null ? Map.of()
                    : Map.of("line", String.valueOf(e.getLocation().getLineNr()),
                            "column", String.valueOf(e.getLocation().getColumnNr())))));
        }
        if (root == null || !root.isObject() || !"Bundle".equals(root.path("resourceType").asText(null))) {
            String found = root != null && root.isObject() && root.path("resourceType").isTextual()
                    ? "resourceType " + root.path("resourceType").asText() : "no resourceType";
            return ParsedBundle.rejected(List.of(new BundleProblem(BundleProblem.NOT_A_BUNDLE,
                    "The JSON is not a FHIR Bundle (" + found + ")", Map.of("found", found))));
        }

        List<BundleProblem> outOfRange = new ArrayList<>();
        findUnboundedNumbers(root, "Bundle", outOfRange);
        if (!outOfRange.isEmpty()) {
            return ParsedBundle.rejected(outOfRange);
        }
        Map<Integer, Map<Integer, String>> nonNumeric = extractNonNumericValues((ObjectNode) root);
        Bundle bundle;
        try {
            IParser parser = fhirContext.newJsonParser();
            // false: do not log, the messages can quote values (personal data)
            parser.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
            bundle = parser.parseResource(Bundle.class, nonNumeric.isEmpty() ? bundleJson : root.toString());
        } catch (RuntimeException e) {
            // Not only DataFormatException: HAPI answers some shapes (a null resource, an empty resourceType) with a
            // NullPointerException or IllegalArgumentException; all of them mean the client's Bundle is unreadable.
            return ParsedBundle.rejected(List.of(new BundleProblem(BundleProblem.UNPARSEABLE_BUNDLE,
                    "The Bundle cannot be read as FHIR R4: " + redact(e.getMessage()),
                    Map.of("reason", redact(e.getMessage())))));
        }
        markNonNumeric(bundle, nonNumeric);

        List<BundleProblem> problems = new ArrayList<>();
        Identifier id = bundle.getIdentifier();
        if (id == null || !id.hasSystem() || !id.hasValue() || id.getValue().isBlank()) {
            problems.add(new BundleProblem(BundleProblem.MISSING_IDENTIFIER,
                    "Bundle.identifier (system and value) is required: it identifies the screening for idempotent intake"));
        }
        long patients = resources(bundle).stream().filter(Patient.class::isInstance).count();
        if (patients == 0) {
            problems.add(new BundleProblem(BundleProblem.NO_PATIENT, "The Bundle contains no Patient resource"));
        } else if (patients > 1) {
            problems.add(new BundleProblem(BundleProblem.MULTIPLE_PATIENTS,
                    "The Bundle contains " + patients + " Patient resources; exactly one is required",
                    Map.of("count", String.valueOf(patients))));
        }
        if (resources(bundle).stream().noneMatch(Observation.class::isInstance)) {
            problems.add(new BundleProblem(BundleProblem.NO_OBSERVATION, "The Bundle contains no Observation resource"));
        }
        return problems.isEmpty() ? ParsedBundle.accepted(bundle) : ParsedBundle.rejected(problems);
    }

    /**
     * The Bundle as HAPI writes it (fixed property order, no whitespace): two posts of the same screening compare
     * equal however the sender formatted the JSON.
     */
    String canonical(Bundle bundle) {
        return fhirContext.newJsonParser().encodeResourceToString(bundle);
    }

    /**
     * HAPI turns every JSON number into a {@code BigDecimal} and some of its code expands it: {@code 1e999999999}
     * exhausts the heap, {@code 1e999999} costs a minute of CPU. No screening value needs more than
     * {@link #MAX_SIGNIFICANT_DIGITS} digits or a magnitude outside 10^±{@link #MAX_EXPONENT}, so such numbers
     * reject the Bundle before HAPI sees it (Jackson itself keeps the exponent unexpanded).
     */
    private static void findUnboundedNumbers(JsonNode node, String path, List<BundleProblem> problems) {
        if (problems.size() >= MAX_LISTED_PROBLEMS) {
            return;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            int exponent = value.signum() == 0 ? 0 : value.precision() - value.scale() - 1;
            if (value.precision() > MAX_SIGNIFICANT_DIGITS || Math.abs(exponent) > MAX_EXPONENT
                    || value.scale() > MAX_SIGNIFICANT_DIGITS || value.scale() < -MAX_EXPONENT) {
                problems.add(new BundleProblem(BundleProblem.NUMBER_OUT_OF_RANGE, "The number at " + path
                        + " is out of range: at most " + MAX_SIGNIFICANT_DIGITS
                        + " significant digits and a magnitude between 1e-" + MAX_EXPONENT + " and 1e" + MAX_EXPONENT,
                        Map.of("path", path, "digits", String.valueOf(MAX_SIGNIFICANT_DIGITS),
                                "exponent", String.valueOf(MAX_EXPONENT))));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findUnboundedNumbers(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> findUnboundedNumbers(e.getValue(), path + "." + e.getKey(), problems));
        }
    }

    private static List<Resource> resources(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r != null).toList();
    }

    /**
     * Removes every non-number {@code valueQuantity.value} of an Observation (key -1) or of its components (key =
     * component index) from the tree and returns the raw texts by entry index.
     */
    private static Map<Integer, Map<Integer, String>> extractNonNumericValues(ObjectNode root) {
        Map<Integer, Map<Integer, String>> found = new HashMap<>();
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            return found;
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i).path("resource");
            if (!resource.isObject() || !"Observation".equals(resource.path("resourceType").asText(null))) {
                continue;
            }
            int entryIndex = i;
            takeNonNumeric(resource).ifPresent(raw -> found.computeIfAbsent(entryIndex, k -> new HashMap<>()).put(-1, raw));
            JsonNode components = resource.get("component");
            if (components instanceof ArrayNode array) {
                for (int c = 0; c < array.size(); c++) {
                    int componentIndex = c;
                    takeNonNumeric(array.get(c)).ifPresent(raw ->
                            found.computeIfAbsent(entryIndex, k -> new HashMap<>()).put(componentIndex, raw));
                }
            }
        }
        return found;
    }

    private static java.util.Optional<String> takeNonNumeric(JsonNode holder) {
        JsonNode quantity = holder.get("valueQuantity");
        if (!(quantity instanceof ObjectNode q) || !q.has("value") || q.get("value").isNumber()) {
            return java.util.Optional.empty();
        }
        JsonNode value = q.remove("value");
        return java.util.Optional.of(value.isTextual() ? value.textValue() : value.toString());
    }

    private static void markNonNumeric(Bundle bundle, Map<Integer, Map<Integer, String>> nonNumeric) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        nonNumeric.forEach((entryIndex, byComponent) -> {
            if (entryIndex >= entries.size() || !(entries.get(entryIndex).getResource() instanceof Observation obs)) {
                return;
            }
            byComponent.forEach((componentIndex, raw) -> {
                if (componentIndex < 0) {
                    if (obs.getValue() == null) {
                        obs.setValue(new Quantity()); // {"value":"x"} alone leaves HAPI nothing to keep
                    }
                    mark(obs.hasValueQuantity() ? obs.getValueQuantity() : null, raw);
                } else if (componentIndex < obs.getComponent().size()) {
                    Observation.ObservationComponentComponent component = obs.getComponent().get(componentIndex);
                    if (component.getValue() == null) {
                        component.setValue(new Quantity());
                    }
                    mark(component.hasValueQuantity() ? component.getValueQuantity() : null, raw);
                }
            });
        });
    }

    private static void mark(Quantity quantity, String raw) {
        if (quantity != null) {
            quantity.setUserData(NON_NUMERIC_VALUE, raw);
        }
    }

    /** HAPI messages may quote input values; keep only the structure of the message. */
    static String redact(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'");
    }
}
