package com.checkupflow.intake;

import static com.checkupflow.intake.TestBundle.bundle;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.NormalizedScreening;

class BundleParserTest {

    private final BundleParser parser = new BundleParser(TestBundle.FHIR);

    @Test
    void shouldAcceptBundleWhenItHasIdentifierOnePatientAndObservations() {
        ParsedBundle parsed = parser.parse(bundle().quantity("1920-8", "20", "U/L").json());

        assertThat(parsed.isAccepted()).isTrue();
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.bundle().getIdentifier().getValue()).isEqualTo("S-2026-0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"resourceType\":", "<Bundle/>",
            "{\"resourceType\":\"Bundle\"} trailing"})
    void shouldRejectAsNotJsonWhenBodyIsNotJson(String body) {
        ParsedBundle parsed = parser.parse(body);

        assertThat(parsed.isAccepted()).isFalse();
        assertThat(parsed.bundle()).isNull();
        assertThat(parsed.problemCodes()).containsExactly(BundleProblem.NOT_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"resourceType\":\"Patient\",\"id\":\"x\"}", "[1,2]", "{}", "42",
            "{\"resourceType\":\"Bundl\"}"})
    void shouldRejectAsNotABundleWhenJsonIsSomethingElse(String body) {
        assertThat(parser.parse(body).problemCodes()).containsExactly(BundleProblem.NOT_A_BUNDLE);
    }

    @Test
    void shouldListAllProblemsAtOnceWhenSeveralThingsAreWrong() {
        ParsedBundle parsed = parser.parse(bundle().identifier(null).noPatient().json());

        assertThat(parsed.problemCodes()).containsExactly(BundleProblem.MISSING_IDENTIFIER, BundleProblem.NO_PATIENT,
                BundleProblem.NO_OBSERVATION);
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.detail()).isNotBlank());
        assertThat(parsed.problems()).filteredOn(p -> p.code().equals(BundleProblem.NO_PATIENT))
                .extracting(BundleProblem::detail).containsExactly("The Bundle contains no Patient resource");
    }

    @Test
    void shouldRejectWhenBundleHasTwoPatients() {
        String json = bundle().quantity("1920-8", "20", "U/L")
                .rawEntry("urn:uuid:7f0e4a52-0000-4000-8000-000000000077",
                        "{\"resourceType\":\"Patient\",\"id\":\"pat-2\",\"gender\":\"female\"}")
                .json();

        assertThat(parser.parse(json).problemCodes()).containsExactly(BundleProblem.MULTIPLE_PATIENTS);
    }

    @Test
    void shouldRejectWhenIdentifierHasNoValue() {
        String json = bundle().identifier("{\"system\":\"https://center.example.org/screening-id\"}")
                .quantity("1920-8", "20", "U/L").json();

        assertThat(parser.parse(json).problemCodes()).containsExactly(BundleProblem.MISSING_IDENTIFIER);
    }

    @Test
    void shouldNotBounceScreeningWhenQuantityValueIsAJsonStringOrOtherNonNumber() {
        String json = bundle()
                .quantity("1558-6", "\"7.27\"", "mmol/L")
                .quantity("718-7", "\"abc\"", "g/dL")
                .quantity("1920-8", "true", "U/L")
                .quantity("1742-6", "null", "U/L")
                .quantity("2324-2", "{\"x\":1}", "U/L")
                .bpPanel("\"120\"", "[80]")
                .json();

        ParsedBundle parsed = parser.parse(json);

        assertThat(parsed.problems()).isEmpty();
        Observation glucose = (Observation) parsed.bundle().getEntry().get(1).getResource();
        assertThat(glucose.getValueQuantity().hasValue()).isFalse();
        assertThat(glucose.getValueQuantity().getUserData(BundleParser.NON_NUMERIC_VALUE)).isEqualTo("7.27");
        assertThat(glucose.getValueQuantity().getCode()).isEqualTo("mmol/L");

        NormalizedScreening s = new ScreeningNormalizer(JudgementProperties.defaults()).normalize(parsed.bundle());
        assertThat(s.items().values()).filteredOn(i -> i.observationId() != null)
                .allSatisfy(i -> assertThat(i.invalidReason()).isEqualTo(InvalidReason.NON_NUMERIC));
        assertThat(s.item(ItemKey.GGT).reportedValue()).isEqualTo("{\"x\":1}");
        assertThat(s.item(ItemKey.DIASTOLIC_BP).reportedValue()).isEqualTo("[80]");
    }

    @Test
    void shouldKeepNumberPrecisionWhenJsonHadToBeRewritten() {
        String json = bundle().quantity("1558-6", "\"x\"", "mg/dL").quantity("1920-8", "40.50", "U/L")
                .quantity("2160-0", "1.10", "mg/dL").json();

        NormalizedScreening s = new ScreeningNormalizer(JudgementProperties.defaults())
                .normalize(parser.parse(json).bundle());

        assertThat(s.item(ItemKey.AST).value()).isEqualByComparingTo("40.5");
        assertThat(s.item(ItemKey.AST).value().toPlainString()).isEqualTo("40.50");
        assertThat(s.item(ItemKey.CREATININE).value().toPlainString()).isEqualTo("1.10");
    }

    @Test
    void shouldIgnoreUnknownElementsWhenParsingLeniently() {
        String json = bundle().quantity("1920-8", "20", "U/L").json()
                .replace("\"type\":\"collection\"", "\"type\":\"collection\",\"vendorField\":{\"a\":1}");

        assertThat(parser.parse(json).isAccepted()).isTrue();
    }

    @Test
    void shouldRedactQuotedValuesWhenReportingHapiMessages() {
        assertThat(BundleParser.redact("Invalid attribute value \"820315-1234567\": bad"))
                .isEqualTo("Invalid attribute value \"…\": bad");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e999999", "-1E+999999", "1e-999999", "0e999999", "1e100",
            "1234567890123456789012345", "0.0000000000000000000000001"})
    void shouldRejectQuicklyWhenANumberOutsideAnyMeasurementValueIsOutOfRange(String number) {
        String json = bundle().observation("1920-8", "\"valueQuantity\":{\"value\":20,\"code\":\"U/L\"},"
                + "\"referenceRange\":[{\"high\":{\"value\":" + number + "}}]").json();

        long started = System.nanoTime();
        ParsedBundle parsed = parser.parse(json);

        assertThat(parsed.problemCodes()).containsExactly(BundleProblem.NUMBER_OUT_OF_RANGE);
        assertThat(parsed.problems().get(0).detail()).contains("Bundle.entry[1].resource.referenceRange[0].high.value");
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e999999", "-1E+999999", "1e-999999", "0e999999", "1e100", "1e308",
            "99999999999999999999999", "0.0000000000000000000000001"})
    void shouldAcceptQuicklyAndMarkTheItemWhenAMeasurementValueIsOutOfRange(String number) {
        String json = bundle().quantity("1920-8", number, "U/L").bpPanel(number, "80").json();

        long started = System.nanoTime();
        ParsedBundle parsed = parser.parse(json);
        NormalizedScreening s = new ScreeningNormalizer(JudgementProperties.defaults()).normalize(parsed.bundle());

        assertThat(parsed.problems()).isEmpty();
        assertThat(s.item(ItemKey.AST).invalidReason()).isIn(InvalidReason.IMPLAUSIBLE_VALUE, InvalidReason.NEGATIVE_VALUE);
        assertThat(s.item(ItemKey.SYSTOLIC_BP).invalidReason()).isEqualTo(s.item(ItemKey.AST).invalidReason());
        assertThat(s.item(ItemKey.DIASTOLIC_BP).valid()).isTrue();
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"type\":\"searchset\"", "\"type\":\"document\"", "\"type\":\"no-such-type\"",
            "\"id\":\"no-type\""})
    void shouldRejectWhenBundleTypeIsNeitherCollectionNorTransaction(String type) {
        String json = bundle().quantity("1920-8", "20", "U/L").json().replace("\"type\":\"collection\"", type);

        ParsedBundle parsed = parser.parse(json);

        assertThat(parsed.problemCodes()).containsExactly(BundleProblem.BUNDLE_TYPE_NOT_ALLOWED);
        assertThat(parsed.problems().get(0).detail()).contains("collection or transaction");
    }

    @Test
    void shouldAcceptWhenBundleTypeIsTransaction() {
        String json = bundle().quantity("1920-8", "20", "U/L").json()
                .replace("\"type\":\"collection\"", "\"type\":\"transaction\"");

        assertThat(parser.parse(json).isAccepted()).isTrue();
    }

    @Test
    void shouldRejectNamingTheEntriesWhenObservationsAreAboutSomeoneElse() {
        String json = bundle().quantity("1920-8", "20", "U/L").subject("Patient/someone-else")
                .quantity("1742-6", "20", "U/L").subject("urn:uuid:7f0e4a52-0000-4000-8000-000000000099")
                .quantity("2324-2", "30", "U/L").json();

        ParsedBundle parsed = parser.parse(json);

        assertThat(parsed.problemCodes()).containsExactly(BundleProblem.OBSERVATION_SUBJECT_MISMATCH);
        assertThat(parsed.problems().get(0).detail()).contains("2 Observation(s)", "entry[2], entry[3]")
                .doesNotContain("someone-else");
        assertThat(parsed.problems().get(0).facts()).containsEntry("count", "2").containsEntry("entries", "entry[2], entry[3]");
    }

    @Test
    void shouldAcceptWhenSubjectIsThePatientRelativelyOrAbsent() {
        String json = bundle().subject("Patient/pat-1").quantity("1920-8", "20", "U/L").subject(null)
                .quantity("1742-6", "20", "U/L").json();

        assertThat(parser.parse(json).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.27", "120", "0.001", "999999", "-3", "0"})
    void shouldAcceptNumberWhenItIsInRange(String number) {
        assertThat(parser.parse(bundle().quantity("1920-8", number, "U/L").json()).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"fullUrl\":\"urn:uuid:x\",\"resource\":null}",
            "{\"fullUrl\":\"urn:uuid:x\",\"resource\":{\"resourceType\":\"\"}}",
            "{\"fullUrl\":\"urn:uuid:x\",\"resource\":{\"resourceType\":null}}",
            "{\"fullUrl\":\"urn:uuid:x\",\"resource\":{\"resourceType\":\"NoSuchType\"}}"})
    void shouldRejectAsUnparseableWhenHapiFailsOnAnEntry(String entry) {
        String json = bundle().quantity("1920-8", "20", "U/L").json().replace("\"entry\":[", "\"entry\":[" + entry + ",");

        ParsedBundle parsed = parser.parse(json);

        assertThat(parsed.isAccepted()).as(entry).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"fullUrl\":\"urn:uuid:x\",\"resource\":[]}", "null", "7", "{}"})
    void shouldIgnoreEntryWhenHapiLenientlyDropsItsShape(String entry) {
        String json = bundle().quantity("1920-8", "20", "U/L").json().replace("\"entry\":[", "\"entry\":[" + entry + ",");

        ParsedBundle parsed = parser.parse(json);

        assertThat(parsed.isAccepted()).as(entry).isTrue();
        assertThat(new ScreeningNormalizer(JudgementProperties.defaults()).normalize(parsed.bundle()).item(ItemKey.AST)
                .value()).isEqualByComparingTo("20");
    }
}
