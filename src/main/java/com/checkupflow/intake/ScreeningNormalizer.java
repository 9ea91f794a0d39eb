package com.checkupflow.intake;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;

import com.checkupflow.kernel.BloodPressurePair;
import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemCatalog;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.RrnValidator;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.Terminology;
import com.checkupflow.kernel.TreatedDisease;

/**
 * Reduces an accepted screening Bundle (see {@link BundleParser}) to a {@link NormalizedScreening}, following
 * screening-criteria.md §2, §5, §6 and fhir-input-and-judgement-api.md.
 *
 * <ul>
 *   <li>Observations are matched by LOINC code ({@code http://loinc.org}); unknown codes are ignored; the BP panel
 *       85354-9 contributes its 8480-6 / 8462-4 components. Observations with status entered-in-error or cancelled
 *       are treated as absent.</li>
 *   <li>Several Observations for one item: identical readings (same value and unit as reported, or both valid with
 *       the same canonical value) count once, a VALID one preferred; two different readings make the item INVALID
 *       {@code conflicting_values} with every distinct reading as its reported value (keeping either would silently
 *       drop the other); absent ones (dataAbsentReason) do not count.</li>
 *   <li>Validity, first failing rule wins: non_numeric → missing_unit → unit_not_allowed → negative_value →
 *       implausible_value (window in the canonical unit, after conversion and rounding) → bp_diastolic_ge_systolic
 *       (both BP items). Coded items: unrecognized_code. dataAbsentReason, or no value at all, means MISSING.</li>
 *   <li>Units are matched on the UCUM {@code code}; only if it is absent on the {@code unit} text (ignoring case).
 *       A converted value is rounded HALF_UP to {@link ItemKey#scale()}; a canonical one is kept as reported.</li>
 *   <li>BMI: the reported 39156-5 when present (even invalid); computed from valid height and weight only when it is
 *       missing.</li>
 *   <li>Lipids not due ({@link LipidSchedule}) become NOT_SCHEDULED, keeping what was reported and, when the reading
 *       was valid, its canonical value: the lab measured it and the report shows it, only the judgement skips it.</li>
 *   <li>Treated diseases: Conditions referenced by an {@code active} MedicationStatement's reasonReference.</li>
 * </ul>
 * Every Observation is attributed to the Bundle's single Patient ({@link BundleParser} enforces exactly one and
 * refuses an Observation whose subject is someone else). Nothing here is logged: the Bundle carries personal data.
 */
@Component
public class ScreeningNormalizer {

    static final String RRN_SYSTEM = "https://mois.go.kr/rrn";

    private static final Pattern DIAGNOSIS = Pattern.compile("([A-Z])(\\d{2}).*");
    private static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}");

    private final LipidSchedule lipidSchedule;

    public ScreeningNormalizer(JudgementProperties properties) {
        this.lipidSchedule = new LipidSchedule(properties.lipids());
    }

    /**
     * @param bundle a Bundle accepted by {@link BundleParser#parse(String)} (exactly one Patient)
     * @throws IllegalArgumentException if the Bundle has no Patient
     */
    public NormalizedScreening normalize(Bundle bundle) {
        Index index = new Index(bundle);
        Bundle.BundleEntryComponent patientEntry = bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof Patient)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The Bundle contains no Patient"));
        PatientInfo patient = patientInfo((Patient) patientEntry.getResource(), patientEntry);

        Map<ItemKey, List<CanonicalItem>> candidates = new EnumMap<>(ItemKey.class);
        LocalDate examDate = null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (!(entry.getResource() instanceof Observation obs) || excluded(obs)) {
                continue;
            }
            if (examDate == null) {
                examDate = effectiveDate(obs);
            }
            String observationId = logicalId(obs, entry);
            Optional<String> loinc = loincCodes(obs.getCode()).stream()
                    .filter(c -> c.equals(Terminology.BP_PANEL_LOINC) || Terminology.byLoinc(c).isPresent())
                    .findFirst();
            if (loinc.isEmpty()) {
                continue;
            }
            if (loinc.get().equals(Terminology.BP_PANEL_LOINC)) {
                for (Observation.ObservationComponentComponent component : obs.getComponent()) {
                    loincCodes(component.getCode()).stream()
                            .map(Terminology::byLoinc).flatMap(Optional::stream)
                            .filter(k -> k == ItemKey.SYSTOLIC_BP || k == ItemKey.DIASTOLIC_BP)
                            .findFirst()
                            .ifPresent(key -> add(candidates, evaluate(key,
                                    component.hasDataAbsentReason() ? null : component.getValue(), observationId)));
                }
            } else {
                ItemKey key = Terminology.byLoinc(loinc.get()).orElseThrow();
                add(candidates, evaluate(key, obs.hasDataAbsentReason() ? null : obs.getValue(), observationId));
            }
        }

        Map<ItemKey, CanonicalItem> items = new EnumMap<>(ItemKey.class);
        for (ItemKey key : ItemKey.values()) {
            items.put(key, choose(key, candidates.getOrDefault(key, List.of())));
        }
        BloodPressurePair.rejectDiastolicAtOrAboveSystolic(items);
        computeBmiIfMissing(items);
        boolean lipidsDue = lipidSchedule.isDue(patient.sex(), patient.birthDate(), examDate);
        if (!lipidsDue) {
            for (ItemKey key : ItemKey.values()) {
                if (key.lipid()) {
                    CanonicalItem i = items.get(key);
                    items.put(key, new CanonicalItem(key, ItemStatus.NOT_SCHEDULED, i.valid() ? i.value() : null, null,
                            i.reportedValue(), i.reportedUnit(), null, i.observationId()));
                }
            }
        }
        return new NormalizedScreening(patient, examDate, Collections.unmodifiableMap(items), lipidsDue,
                Collections.unmodifiableSet(treatedDiseases(bundle, index)));
    }

    // ---------------------------------------------------------------- patient

    private static PatientInfo patientInfo(Patient p, Bundle.BundleEntryComponent entry) {
        Sex sex = p.getGender() == AdministrativeGender.MALE ? Sex.MALE
                : p.getGender() == AdministrativeGender.FEMALE ? Sex.FEMALE : null;
        LocalDate birthDate = dayPrecisionDate(p.hasBirthDateElement() ? p.getBirthDateElement() : null);
        String rrn = p.getIdentifier().stream()
                .filter(i -> RRN_SYSTEM.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue)
                .findFirst().orElse(null);
        List<String> problems = new ArrayList<>(RrnValidator.problems(rrn, birthDate, sex));
        if (sex == null) {
            // other, unknown or absent: the sex-specific bands cannot be applied; the physician is told (criteria §4.5)
            problems.add(PatientInfo.SEX_MISSING);
        }
        return new PatientInfo(logicalId(p, entry), displayName(p), sex, birthDate, rrn, List.copyOf(problems));
    }

    /** name.text, else family+given: Korean names without a space (김민수), others "given family". */
    static String displayName(Patient p) {
        if (!p.hasName()) {
            return null;
        }
        HumanName name = p.getName().stream()
                .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst().orElse(p.getNameFirstRep());
        if (name.hasText() && !name.getText().isBlank()) {
            return name.getText().trim();
        }
        String family = name.hasFamily() ? name.getFamily().trim() : "";
        String given = name.getGiven().stream().map(StringType::getValue)
                .filter(g -> g != null && !g.isBlank()).map(String::trim)
                .collect(Collectors.joining(" "));
        if (family.isEmpty() && given.isEmpty()) {
            return null;
        }
        boolean korean = HANGUL.matcher(family + given).find();
        if (korean) {
            return family + given.replace(" ", "");
        }
        return (given + " " + family).trim();
    }

    // ---------------------------------------------------------------- observations

    private static boolean excluded(Observation obs) {
        return obs.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || obs.getStatus() == Observation.ObservationStatus.CANCELLED;
    }

    private static List<String> loincCodes(CodeableConcept code) {
        return code.getCoding().stream()
                .filter(c -> Terminology.LOINC.equals(c.getSystem()) && c.hasCode())
                .map(Coding::getCode)
                .toList();
    }

    private static void add(Map<ItemKey, List<CanonicalItem>> candidates, CanonicalItem item) {
        candidates.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(item);
    }

    private static CanonicalItem choose(ItemKey key, List<CanonicalItem> found) {
        List<CanonicalItem> distinct = new ArrayList<>();
        for (CanonicalItem item : found) {
            if (item.status() == ItemStatus.MISSING) {
                continue;
            }
            int same = indexOfSameReading(distinct, item);
            if (same < 0) {
                distinct.add(item);
            } else if (item.valid() && !distinct.get(same).valid()) {
                distinct.set(same, item);
            }
        }
        if (distinct.isEmpty()) {
            return CanonicalItem.missing(key);
        }
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        return invalid(key, InvalidReason.CONFLICTING_VALUES, readings(distinct), null, distinct.get(0).observationId());
    }

    private static int indexOfSameReading(List<CanonicalItem> distinct, CanonicalItem item) {
        for (int i = 0; i < distinct.size(); i++) {
            CanonicalItem other = distinct.get(i);
            boolean sameCanonical = item.valid() && other.valid() && (item.key().coded()
                    ? item.code().equals(other.code()) : item.value().compareTo(other.value()) == 0);
            if (sameCanonical || reading(item, false).equals(reading(other, false))) {
                return i;
            }
        }
        return -1;
    }

    /** The longest text of all readings: the stored reported value has 64 characters (V1__screenings.sql). */
    static final int MAX_READINGS_LENGTH = 64;

    /** "105 mg/dL; 300 mg/dL": every distinct reading as reported, as many as fit, then how many more ("; +2"). */
    private static String readings(List<CanonicalItem> distinct) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < distinct.size(); i++) {
            String next = (i == 0 ? "" : "; ") + reading(distinct.get(i), true);
            String more = "; +" + (distinct.size() - i);
            boolean last = i == distinct.size() - 1;
            if (text.length() + next.length() + (last ? 0 : more.length()) > MAX_READINGS_LENGTH) {
                return text.append(i == 0 ? "+" + distinct.size() : more).toString();
            }
            text.append(next);
        }
        return text.toString();
    }

    /**
     * One reading as reported: a number plainly, then the unit as sent; a text that came instead of a number quoted
     * when {@code quoted} (for the nurse; "105" as text and 105 as a number are the same reading).
     */
    private static String reading(CanonicalItem item, boolean quoted) {
        Object value = item.reportedValue();
        boolean text = item.invalidReason() == InvalidReason.NON_NUMERIC && value != null;
        String shown = value instanceof BigDecimal d ? (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString())
                : value == null ? "" : quoted && text ? "\"" + value + "\"" : value.toString().strip();
        return item.reportedUnit() == null ? shown : shown + " " + item.reportedUnit();
    }

    /** One value of one item; a null value (absent, or dataAbsentReason) is MISSING. */
    static CanonicalItem evaluate(ItemKey key, Type value, String observationId) {
        if (value == null || (value.isEmpty() && !(value instanceof Quantity))) {
            return CanonicalItem.missing(key);
        }
        return key.coded() ? coded(key, value, observationId) : quantity(key, value, observationId);
    }

    private static CanonicalItem quantity(ItemKey key, Type value, String observationId) {
        if (value instanceof StringType s) {
            return invalid(key, InvalidReason.NON_NUMERIC, s.getValue(), null, observationId);
        }
        if (value instanceof IntegerType i) {
            return invalid(key, InvalidReason.MISSING_UNIT, new BigDecimal(i.getValue()), null, observationId);
        }
        if (!(value instanceof Quantity q)) {
            return invalid(key, InvalidReason.NON_NUMERIC, display(value), null, observationId);
        }
        String code = q.hasCode() && !q.getCode().isBlank() ? q.getCode().trim() : null;
        String text = q.hasUnit() && !q.getUnit().isBlank() ? q.getUnit().trim() : null;
        String reportedUnit = code != null ? code : text;
        Object raw = q.getUserData(BundleParser.NON_NUMERIC_VALUE);
        String unbounded = (String) q.getUserData(BundleParser.UNBOUNDED_VALUE);
        if (raw != null || (!q.hasValue() && unbounded == null)) {
            return invalid(key, InvalidReason.NON_NUMERIC, raw, reportedUnit, observationId);
        }
        // a number out of range stays text: converting, rounding or printing it plainly could expand a huge exponent
        Object reportedValue = unbounded != null ? unbounded : q.getValue();
        if (reportedUnit == null) {
            return invalid(key, InvalidReason.MISSING_UNIT, reportedValue, null, observationId);
        }
        Optional<ItemCatalog.UnitMatch> unit = ItemCatalog.resolveUnit(key, reportedUnit, code != null);
        if (unit.isEmpty()) {
            return invalid(key, InvalidReason.UNIT_NOT_ALLOWED, reportedValue, reportedUnit, observationId);
        }
        if (unbounded != null ? unbounded.startsWith("-") : q.getValue().signum() < 0) {
            return invalid(key, InvalidReason.NEGATIVE_VALUE, reportedValue, reportedUnit, observationId);
        }
        if (unbounded != null) {
            // beyond 10^±12 (BundleParser.MAX_EXPONENT): outside every plausibility window
            return invalid(key, InvalidReason.IMPLAUSIBLE_VALUE, reportedValue, reportedUnit, observationId);
        }
        BigDecimal reported = q.getValue();
        ItemCatalog.Conversion conversion = unit.get().conversion();
        BigDecimal canonical = conversion == null ? reported : conversion.apply(reported, key.scale());
        if (!ItemCatalog.quantitySpec(key).plausible(canonical)) {
            return invalid(key, InvalidReason.IMPLAUSIBLE_VALUE, reported, reportedUnit, observationId);
        }
        return new CanonicalItem(key, ItemStatus.VALID, canonical, null, reported, reportedUnit, null, observationId);
    }

    private static CanonicalItem coded(ItemKey key, Type value, String observationId) {
        if (!(value instanceof CodeableConcept cc)) {
            return invalid(key, InvalidReason.UNRECOGNIZED_CODE, display(value), null, observationId);
        }
        String expectedSystem = key == ItemKey.URINE_PROTEIN ? Terminology.SNOMED : Terminology.CHEST_XRAY_SYSTEM;
        for (Coding coding : cc.getCoding()) {
            if (coding.hasSystem() && !expectedSystem.equals(coding.getSystem())) {
                continue;
            }
            String canonical = key == ItemKey.URINE_PROTEIN
                    ? Terminology.urineProtein(coding.getCode()) : ItemCatalog.chestXray(coding.getCode());
            if (canonical != null) {
                return new CanonicalItem(key, ItemStatus.VALID, null, canonical, coding.getCode(), null, null,
                        observationId);
            }
        }
        return invalid(key, InvalidReason.UNRECOGNIZED_CODE, display(cc), null, observationId);
    }

    private static CanonicalItem invalid(ItemKey key, InvalidReason reason, Object reportedValue, String reportedUnit,
                                         String observationId) {
        return new CanonicalItem(key, ItemStatus.INVALID, null, null, reportedValue, reportedUnit, reason, observationId);
    }

    private static String display(Type value) {
        if (value instanceof PrimitiveType<?> p) {
            return p.getValueAsString();
        }
        if (value instanceof CodeableConcept cc) {
            return cc.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst()
                    .orElse(cc.hasText() ? cc.getText() : null);
        }
        return value.fhirType();
    }

    /** BMI = weight / height(m)², 1 decimal HALF_UP, only when no BMI was reported and both inputs are valid. */
    private static void computeBmiIfMissing(Map<ItemKey, CanonicalItem> items) {
        CanonicalItem height = items.get(ItemKey.HEIGHT);
        CanonicalItem weight = items.get(ItemKey.WEIGHT);
        if (items.get(ItemKey.BMI).status() != ItemStatus.MISSING || !height.valid() || !weight.valid()) {
            return;
        }
        BigDecimal meters = height.value().movePointLeft(2);
        BigDecimal bmi = weight.value().divide(meters.multiply(meters), ItemKey.BMI.scale(), RoundingMode.HALF_UP);
        items.put(ItemKey.BMI, ItemCatalog.quantitySpec(ItemKey.BMI).plausible(bmi)
                ? new CanonicalItem(ItemKey.BMI, ItemStatus.VALID, bmi, null, null, null, null, null)
                : invalid(ItemKey.BMI, InvalidReason.IMPLAUSIBLE_VALUE, null, null, null));
    }

    private static LocalDate effectiveDate(Observation obs) {
        if (obs.hasEffectiveDateTimeType()) {
            return dayPrecisionDate(obs.getEffectiveDateTimeType());
        }
        if (obs.hasEffectivePeriod() && obs.getEffectivePeriod().hasStart()) {
            return dayPrecisionDate(obs.getEffectivePeriod().getStartElement());
        }
        return null;
    }

    /** The calendar date as written (no time-zone shift); null below day precision or when unreadable. */
    private static LocalDate dayPrecisionDate(BaseDateTimeType date) {
        if (date == null || date.getValueAsString() == null || date.getPrecision() == null
                || date.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return null;
        }
        try {
            return LocalDate.parse(date.getValueAsString().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- known diseases

    private static Set<TreatedDisease> treatedDiseases(Bundle bundle, Index index) {
        Set<TreatedDisease> diseases = EnumSet.noneOf(TreatedDisease.class);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof MedicationStatement ms
                    && ms.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE) {
                for (Reference reason : ms.getReasonReference()) {
                    if (index.resolve(reason) instanceof Condition condition) {
                        diseases.addAll(classify(condition));
                    }
                }
            }
        }
        return diseases;
    }

    /** ICD-10 / KCD-8: I10–I15, E10–E14, E78, A15–A16; any other (or uncoded) Condition is OTHER. */
    static Set<TreatedDisease> classify(Condition condition) {
        Set<TreatedDisease> found = EnumSet.noneOf(TreatedDisease.class);
        for (Coding coding : condition.getCode().getCoding()) {
            if (!(Terminology.ICD10.equals(coding.getSystem()) || Terminology.KCD8.equals(coding.getSystem())) || !coding.hasCode()) {
                continue;
            }
            Matcher m = DIAGNOSIS.matcher(coding.getCode().trim().toUpperCase());
            if (!m.matches()) {
                continue;
            }
            char chapter = m.group(1).charAt(0);
            int number = Integer.parseInt(m.group(2));
            if (chapter == 'I' && number >= 10 && number <= 15) {
                found.add(TreatedDisease.HYPERTENSION);
            } else if (chapter == 'E' && number >= 10 && number <= 14) {
                found.add(TreatedDisease.DIABETES);
            } else if (chapter == 'E' && number == 78) {
                found.add(TreatedDisease.DYSLIPIDEMIA);
            } else if (chapter == 'A' && (number == 15 || number == 16)) {
                found.add(TreatedDisease.TUBERCULOSIS);
            }
        }
        return found.isEmpty() ? EnumSet.of(TreatedDisease.OTHER) : found;
    }

    // ---------------------------------------------------------------- references

    /** The logical id without resource type: the resource id, or the uuid of a {@code urn:uuid:} full URL. */
    static String logicalId(Resource resource, Bundle.BundleEntryComponent entry) {
        String id = resource.getIdElement().getValue();
        if (id == null || id.isBlank()) {
            id = entry.getFullUrl();
        }
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.startsWith("urn:uuid:") || id.startsWith("urn:oid:")) {
            return id.substring(id.indexOf(':', 4) + 1);
        }
        return new IdType(id).getIdPart();
    }

    /** Resolves references inside the Bundle: full URLs ({@code urn:uuid:…}, absolute) and {@code Type/id}. */
    static final class Index {
        private final Map<String, Resource> byFullUrl = new HashMap<>();
        private final Map<String, Resource> byTypeAndId = new HashMap<>();

        Index(Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource r = entry.getResource();
                if (r == null) {
                    continue;
                }
                if (entry.hasFullUrl()) {
                    byFullUrl.putIfAbsent(entry.getFullUrl(), r);
                }
                String id = logicalId(r, entry);
                if (id != null) {
                    byTypeAndId.putIfAbsent(r.fhirType() + "/" + id, r);
                }
            }
        }

        Resource resolve(Reference reference) {
            if (reference.getResource() instanceof Resource r) {
                return r;
            }
            String ref = reference.getReference();
            if (ref == null || ref.isBlank()) {
                return null;
            }
            Resource r = byFullUrl.get(ref);
            if (r != null) {
                return r;
            }
            IdType id = new IdType(ref);
            return id.hasResourceType() && id.hasIdPart()
                    ? byTypeAndId.get(id.getResourceType() + "/" + id.getIdPart()) : null;
        }
    }
}
