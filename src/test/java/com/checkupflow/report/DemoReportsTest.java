package com.checkupflow.report;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.drafting.DraftingFixtures;
import com.checkupflow.ai.PatientContext;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementFixtures;
import com.checkupflow.judgement.JudgementService;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.TargetDisease;
import com.checkupflow.physician.PhysicianProfile;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.Stage;

import ca.uhn.fhir.context.FhirContext;

/**
 * Every demo screening (as the demo posts them) through the real judgement DMN, the offline template draft and the
 * report document, in Korean and English: what the report and the draft say is true of the judgement.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/screening-judgement.dmn")
class DemoReportsTest {

    /** The demo's default number of screenings (checkupflow.demo.screenings) and a few more seeds. */
    private static final int DEMO_SCREENINGS = 40;
    private static final Instant SIGNED = Instant.parse("2026-11-20T01:30:00Z");
    private static final PhysicianProfile SIGNER = new PhysicianProfile("physicianGangnam", "박도윤", "20103", SIGNED, "demo");
    private static final Pattern NOT_DONE = Pattern.compile("시행하지 않았|not done|not performed|대상 아님\\(검사 주기 외\\)");

    ProcessEngine processEngine;

    private final FhirContext fhir = FhirContext.forR4();
    private final ItemLabels labels = new ItemLabels();
    private final ReportRenderer renderer;

    DemoReportsTest() {
        Centers centers = mock(Centers.class);
        when(centers.get("gangnam")).thenReturn(new Center("gangnam", "강남센터", "Gangnam", "ko"));
        renderer = new ReportRenderer(new com.checkupflow.document.DocumentTemplates(), labels, new ReferenceBands(com.checkupflow.judgement.DmnFileRules.shipped(),
                mock(com.checkupflow.screening.ScreeningRepository.class), labels), centers);
    }

    @Test
    void shouldTellTheTruthAboutEveryItemWhenEveryDemoScreeningIsReported() {
        JudgementService judgements = JudgementFixtures.judgementService(processEngine);
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        SoftAssertions softly = new SoftAssertions();
        int measuredNotDue = 0;
        for (int i = 0; i < DEMO_SCREENINGS; i++) {
            SyntheticScreenings.Demo demo = SyntheticScreenings.demo(i);
            NormalizedScreening normalized = JudgementFixtures.normalize(
                    synthetic.bundle(demo.identifier(), demo.profile(), demo.seed()));
            Judgement judgement = judgements.judge(normalized).judgement();
            measuredNotDue += (int) judgement.items().values().stream().filter(Judgement.Item::measuredNotDue).count();
            for (String language : List.of("ko", "en")) {
                String what = demo.identifier() + " (" + demo.profile() + ", " + language + ")";
                Screening screening = screening(demo.identifier(), normalized, language);
                String draft = DraftingFixtures.templateDraft(judgement, new PatientContext(
                        normalized.patient().sex().code(), screening.age(), "강남센터", normalized.examDate()), language);
                String html = renderer.render(screening, judgement, draft,
                        PhysicianProfile.signature(SIGNER.userId(), Optional.of(SIGNER), language), SIGNED, null);

                checkMeasuredItems(softly, what, judgement, draft, html, language);
                checkNamedDiseases(softly, what, judgement, normalized, draft, html, language);
                softly.assertThat(html).as(what + ": signature").contains("en".equals(language)
                        ? "Physician: 박도윤 (licence no. 20103)" : "판정의사: 박도윤 (면허번호 20103)");
                softly.assertThat(DraftingFixtures.check(draft, judgement, language).findings()).as(what + ": draft check")
                        .isEmpty();
            }
        }
        // The demo has lipids measured outside their schedule, the case this test is about.
        Assertions.assertThat(measuredNotDue).isPositive();
        softly.assertAll();
    }

    /** A measured item shows its value and is never called not done; one outside the schedule says so. */
    private void checkMeasuredItems(SoftAssertions softly, String what, Judgement judgement, String draft, String html,
                                    String language) {
        for (var entry : judgement.items().entrySet()) {
            Judgement.Item item = entry.getValue();
            if (!item.measuredNotDue()) {
                continue;
            }
            ItemKey key = ItemKey.fromJson(entry.getKey()).orElseThrow();
            String value = ((BigDecimal) item.value()).toPlainString();
            String row = row(html, labels.item(key, language));
            softly.assertThat(row).as(what + ": report row of " + key).contains(">" + value + "<", labels.notDue(language));
            softly.assertThat(draft).as(what + ": draft names " + key + " with its value").contains(value);
        }
        for (String line : draft.split("\n")) {
            boolean namesMeasured = judgement.items().entrySet().stream()
                    .filter(e -> e.getValue().measuredNotDue() || e.getValue().status() == com.checkupflow.kernel.ItemStatus.VALID)
                    .anyMatch(e -> line.contains(unitWord(e.getKey(), language)));
            if (namesMeasured) {
                softly.assertThat(NOT_DONE.matcher(line).find()).as(what + ": a measured item said not done: " + line).isFalse();
            }
        }
        softly.assertThat(html).as(what + ": report").doesNotContain("대상 아님(검사 주기 외)" , "시행하지 않았");
    }

    /** The follow-up and advice name a disease as suspected only when its unit is 질환의심 (and it is not treated). */
    private void checkNamedDiseases(SoftAssertions softly, String what, Judgement judgement, NormalizedScreening s,
                                    String draft, String html, String language) {
        EnumSet<TargetDisease> suspected = EnumSet.noneOf(TargetDisease.class);
        for (JudgementUnit unit : JudgementUnit.values()) {
            Judgement.UnitJudgement uj = judgement.judgements().get(unit.json());
            if (uj != null && uj.category() == Category.DISEASE_SUSPECT) {
                suspected.add(unit.targetDisease());
            }
        }
        String advice = html.substring(html.indexOf("<ul class=\"advice\">"), html.indexOf("</ul>", html.indexOf("<ul class=\"advice\">")));
        List<String> suspicionLines = new ArrayList<>(List.of(advice.split("<li>")));
        for (String line : draft.split("\n")) {
            if (line.contains("의심") || line.toLowerCase().contains("suspect")) {
                suspicionLines.add(line);
            }
        }
        for (String line : suspicionLines) {
            // The official box label lists the box's diseases; it is a label, not a sentence about this person.
            String rest = line.replace(labels.flag("CARDIOMETABOLIC_SUSPECT", "ko"), "")
                    .replace(labels.flag("CARDIOMETABOLIC_SUSPECT", "en"), "");
            for (TargetDisease d : suspected) {
                rest = rest.replace(name(d, language), "").replace(capitalized(name(d, language)), "");
            }
            for (TargetDisease d : EnumSet.complementOf(EnumSet.copyOf(suspected))) {
                if (d == TargetDisease.OBESITY && rest.contains("저체중")) {
                    continue;
                }
                softly.assertThat(rest.toLowerCase()).as(what + ": names " + d + " as suspected although it is not: " + line)
                        .doesNotContain(name(d, language).toLowerCase());
            }
        }
    }

    private static String name(TargetDisease disease, String language) {
        return "en".equals(language) ? disease.labelEn() : disease.labelKo();
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A word the draft uses for an item (its template name), to find the lines about it. */
    private static String unitWord(String item, String language) {
        return switch (item) {
            case "total_cholesterol" -> "en".equals(language) ? "cholesterol" : "콜레스테롤";
            case "hdl" -> "HDL";
            case "ldl" -> "LDL";
            case "triglycerides" -> "en".equals(language) ? "triglycerides" : "중성지방";
            default -> "\u0000";
        };
    }

    private static String row(String html, String itemLabel) {
        int at = html.indexOf("<td>" + itemLabel + "</td>");
        Assertions.assertThat(at).as("row of " + itemLabel).isNotNegative();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static Screening screening(String id, NormalizedScreening s, String language) {
        return new Screening(id, "gangnam", "urn:test", id, "pi-" + id, language, Stage.ISSUED, SIGNED.minusSeconds(86400),
                s.examDate(), s.patient(), s.lipidsScheduled(), s.treatedDiseases(), "{}", List.of(), null, null, SIGNED,
                SIGNER.userId());
    }
}
