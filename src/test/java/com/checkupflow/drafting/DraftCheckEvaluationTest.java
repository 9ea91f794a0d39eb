package com.checkupflow.drafting;

import com.checkupflow.ai.InvalidAnswerException;
import com.checkupflow.ai.TemplateTexts;
import com.checkupflow.ai.InvalidAnswerException;

import com.checkupflow.drafting.DraftCorpus.Sample;
import com.checkupflow.kernel.Category;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation harness of the draft check (issue 10, point 7): every answer of {@link DraftCorpus} goes the
 * production path (DraftAnswer.read → DraftRenderer.render → DraftChecker.checkAnswer). A defective answer counts as
 * caught when the check reports its defect's type; a faithful one passes when the check reports nothing. The table
 * goes to stdout and to {@code target/draft-check-evaluation.md}; the test fails below 99 % catch rate for any
 * defect class or 97 % pass rate for faithful answers.
 */
class DraftCheckEvaluationTest {

    static final long SEED = 20261201L;
    static final int FAITHFUL_PER_LANGUAGE = 200;
    static final int DEFECTIVE_PER_CLASS_AND_LANGUAGE = 60;
    static final double MIN_CATCH_RATE = 0.99;
    static final double MIN_PASS_RATE = 0.97;
    private static final int EXAMPLES_PER_ROW = 2;

    private static List<Sample> corpus;
    private static List<Outcome> outcomes;

    /** What the production path made of one answer; {@code types} is empty when the answer could not be read. */
    record Outcome(Sample sample, String rendered, List<DraftCheck.Finding> findings, String readError) {
        Set<String> types() {
            return findings.stream().map(DraftCheck.Finding::type).collect(Collectors.toSet());
        }

        boolean ok() {
            return readError == null && (sample.faithful() ? findings.isEmpty() : types().contains(sample.defect()));
        }
    }

    @BeforeAll
    static void runTheCorpus() throws IOException {
        TemplateTexts texts = new TemplateTexts();
        DraftRenderer renderer = new DraftRenderer(texts);
        DraftChecker checker = new DraftChecker(texts);
        corpus = DraftCorpus.build(SEED, FAITHFUL_PER_LANGUAGE, DEFECTIVE_PER_CLASS_AND_LANGUAGE);
        outcomes = new ArrayList<>();
        for (Sample s : corpus) {
            try {
                DraftAnswer answer = DraftAnswer.read(s.answerJson());
                String rendered = renderer.render(answer, s.judgement(), s.language());
                outcomes.add(new Outcome(s, rendered, checker.checkAnswer(answer, rendered, s.judgement(), s.language(), s.criticalFindings()).findings(), null));
            } catch (InvalidAnswerException e) {
                outcomes.add(new Outcome(s, "", List.of(), e.getMessage()));
            }
        }
        String report = report();
        System.out.println(report);
        Path out = Path.of("target", "draft-check-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n" + misses());
    }

    @Test
    void shouldHoldEnoughAnswersOfEveryKindWhenTheCorpusIsBuilt() {
        assertThat(corpus.stream().filter(Sample::faithful)).hasSizeGreaterThanOrEqualTo(300);
        for (String defect : DraftCorpus.DEFECTS) {
            List<Sample> samples = corpus.stream().filter(s -> defect.equals(s.defect())).toList();
            assertThat(samples).as(defect).hasSizeGreaterThanOrEqualTo(100);
            assertThat(samples.stream().map(Sample::form).distinct()).as(defect + " surface forms").hasSizeGreaterThanOrEqualTo(3);
            assertThat(samples.stream().map(Sample::language).distinct()).as(defect + " languages").containsExactlyInAnyOrder("ko", "en");
        }
        assertThat(DraftCorpus.build(SEED, 5, 2)).as("seeded: the same corpus every run")
                .extracting(Sample::answerJson).isEqualTo(DraftCorpus.build(SEED, 5, 2).stream().map(Sample::answerJson).toList());
    }

    @Test
    void shouldWriteFaithfulAnswersWithOneFindingPerAbnormalItemCitingItsOwnObservationWhenTheCorpusIsBuilt() {
        for (Sample s : corpus.stream().filter(Sample::faithful).toList()) {
            DraftAnswer answer = DraftAnswer.read(s.answerJson());
            Map<String, String> abnormal = new TreeMap<>();
            s.judgement().items().forEach((key, item) -> {
                if (item.category() == Category.NORMAL_B || item.category() == Category.DISEASE_SUSPECT
                        || item.category() == Category.UNCLASSIFIED) {
                    abnormal.put(key, item.observationId());
                }
            });
            Map<String, String> cited = new TreeMap<>();
            answer.findings().forEach(f -> cited.put(f.item(), String.join(",", f.observationIds())));
            assertThat(cited).as(s.id()).isEqualTo(abnormal);
        }
    }

    @Test
    void shouldCatchEveryDefectClassWhenTheDraftsAreChecked() {
        for (String defect : DraftCorpus.DEFECTS) {
            assertThat(rate(of(defect))).as(defect + " catch rate (see target/draft-check-evaluation.md)").isGreaterThanOrEqualTo(MIN_CATCH_RATE);
        }
    }

    @Test
    void shouldPassFaithfulDraftsWhenTheDraftsAreChecked() {
        assertThat(rate(of(null))).as("faithful pass rate (see target/draft-check-evaluation.md)").isGreaterThanOrEqualTo(MIN_PASS_RATE);
    }

    private static List<Outcome> of(String defect) {
        return outcomes.stream().filter(o -> java.util.Objects.equals(o.sample().defect(), defect)).toList();
    }

    private static double rate(List<Outcome> list) {
        return list.isEmpty() ? 0 : (double) list.stream().filter(Outcome::ok).count() / list.size();
    }

    private static String percent(List<Outcome> list) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * rate(list));
    }

    static String report() {
        StringBuilder t = new StringBuilder();
        t.append("| defect class | n (ko/en) | caught with the right type | catch rate |\n|---|---|---|---|\n");
        for (String defect : DraftCorpus.DEFECTS) {
            List<Outcome> list = of(defect);
            t.append("| `").append(defect).append("` | ").append(counts(list)).append(" | ")
                    .append(list.stream().filter(Outcome::ok).count()).append(" | ").append(percent(list)).append(" |\n");
        }
        List<Outcome> faithful = of(null);
        t.append("\n| faithful answers | n (ko/en) | passed (no finding) | pass rate |\n|---|---|---|---|\n")
                .append("| all | ").append(counts(faithful)).append(" | ").append(faithful.stream().filter(Outcome::ok).count())
                .append(" | ").append(percent(faithful)).append(" |\n");
        Map<String, Long> falseAlarms = faithful.stream().flatMap(o -> o.types().stream())
                .collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting()));
        t.append("\nFalse alarms on faithful answers by finding type: ").append(falseAlarms.isEmpty() ? "none" : falseAlarms).append('\n');
        t.append("\nPer surface form (defects) and phrasing family (faithful; an answer uses several):\n\n")
                .append("| class | form / family | n | ok | rate |\n|---|---|---|---|---|\n");
        for (String defect : DraftCorpus.DEFECTS) {
            Map<String, List<Outcome>> byForm = of(defect).stream()
                    .collect(Collectors.groupingBy(o -> o.sample().form(), TreeMap::new, Collectors.toList()));
            byForm.forEach((form, list) -> t.append("| ").append(defect).append(" | ").append(form).append(" | ")
                    .append(list.size()).append(" | ").append(list.stream().filter(Outcome::ok).count()).append(" | ")
                    .append(percent(list)).append(" |\n"));
        }
        Map<String, List<Outcome>> byFamily = new TreeMap<>();
        faithful.forEach(o -> o.sample().families().stream().distinct()
                .forEach(f -> byFamily.computeIfAbsent(f, x -> new ArrayList<>()).add(o)));
        byFamily.forEach((family, list) -> t.append("| faithful | ").append(family).append(" | ").append(list.size())
                .append(" | ").append(list.stream().filter(Outcome::ok).count()).append(" | ").append(percent(list)).append(" |\n"));
        return t.toString();
    }

    private static String counts(List<Outcome> list) {
        long ko = list.stream().filter(o -> o.sample().language().equals("ko")).count();
        return list.size() + " (" + ko + "/" + (list.size() - ko) + ")";
    }

    /** A few missed answers per class and form, with what the check said, for whoever tunes the checker. */
    private static String misses() {
        StringBuilder out = new StringBuilder("\n## Examples of misses and false alarms\n");
        Map<String, List<Outcome>> byRow = new LinkedHashMap<>();
        outcomes.stream().filter(o -> !o.ok()).forEach(o -> byRow.computeIfAbsent(
                (o.sample().faithful() ? "FAITHFUL " + o.types() : o.sample().defect() + " / " + o.sample().form()) + " / " + o.sample().language(),
                x -> new ArrayList<>()).add(o));
        byRow.forEach((row, list) -> {
            out.append("\n### ").append(row).append(" (").append(list.size()).append(")\n");
            list.stream().limit(EXAMPLES_PER_ROW).forEach(o -> {
                out.append("\n").append(o.sample().id()).append(" — findings: ");
                if (o.readError() != null) {
                    out.append("not read: ").append(o.readError());
                } else {
                    o.findings().forEach(f -> out.append("\n  - ").append(f.type()).append(": ").append(f.detail()));
                }
                out.append("\n```\n").append(o.rendered()).append("```\n");
            });
        });
        return out.toString();
    }
}
