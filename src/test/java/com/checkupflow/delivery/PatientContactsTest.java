package com.checkupflow.delivery;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.checkupflow.intake.BundleParser;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;

/** The contacts are read from the stored Bundle as intake read it, whatever an unrelated measurement holds. */
class PatientContactsTest {

    private static final String ID = "scr-nan";
    private final ScreeningRepository screenings = mock(ScreeningRepository.class);
    private final PatientContacts contacts = new PatientContacts(screenings, new BundleParser(FhirContext.forR4()));

    @Test
    void shouldReadThePhoneAndTheEmailWhenTheGlucoseIsNotANumber() throws Exception {
        when(screenings.bundleJson(ID)).thenReturn(Optional.of(bundle("abc")));

        Assertions.assertThat(contacts.phone(ID)).contains("010-5555-6666");
        Assertions.assertThat(contacts.email(ID)).contains("nan.patient@example.com");
    }

    @Test
    void shouldReadNoContactsWhenTheStoredBundleIsNotFhir() {
        when(screenings.bundleJson(ID)).thenReturn(Optional.of("{\"resourceType\":\"Patient\"}"));

        Assertions.assertThat(contacts.phone(ID)).isEmpty();
        Assertions.assertThat(contacts.email(ID)).isEmpty();
    }

    /** The sample Bundle with SBP 195, glucose {@code glucose} (a JSON string) and the patient's phone and e-mail. */
    static String bundle(String glucose) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode bundle = (ObjectNode) json.readTree(PatientContactsTest.class.getResource("/bundles/normal-male.json"));
        for (JsonNode entry : bundle.get("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            String code = resource.path("code").toString();
            if ("Patient".equals(resource.path("resourceType").asText())) {
                resource.putArray("telecom")
                        .add(json.createObjectNode().put("system", "phone").put("value", "010-5555-6666"))
                        .add(json.createObjectNode().put("system", "email").put("value", "nan.patient@example.com"));
            } else if (code.contains("\"1558-6\"")) {
                ((ObjectNode) resource.get("valueQuantity")).put("value", glucose);
            } else if (code.contains("\"85354-9\"")) {
                for (JsonNode component : resource.get("component")) {
                    if (component.path("code").toString().contains("\"8480-6\"")) {
                        ((ObjectNode) component.get("valueQuantity")).put("value", 195);
                    }
                }
            }
        }
        return json.writeValueAsString(bundle);
    }
}
