package com.checkupflow.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.checkupflow.LoadStats;

/**
 * Not a unit test: skipped unless {@code -Dgroups=benchmark}
 * ({@code ./mvnw test -Dtest=ReportStepsBenchmark -Dgroups=benchmark}). The CPU of what "Issue report" and "Deliver
 * report" do per screening outside the database, in one JVM: the issued XHTML rendered from the judgement (Thymeleaf,
 * the rows, the bands) and that XHTML turned into the delivered PDF; rounds alternate, so both meet the same load.
 * Prints CPU per document and the machine's load (the database's share is the end-to-end harness's).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
class ReportStepsBenchmark {

    static final int PER_ROUND = Integer.getInteger("benchmark.documents", 200);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);

    @Test
    void shouldReportCpuPerIssuedXhtmlAndPerDeliveredPdf() {
        ReportExamples examples = new ReportExamples();
        Supplier<String> issue = () -> examples.renderer.render(ReportExamples.issued("ko", null, List.of()),
                ReportExamples.mixed(), ReportExamples.SUMMARY, "박도윤 (면허번호 20103)", ReportExamples.ISSUED,
                new AiDisclosure.AiUse("ollama", "m", "v1"));
        String html = issue.get();
        Supplier<byte[]> deliver = () -> examples.pdf.render(html);
        Assertions.assertThat(deliver.get()).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        measure(issue, PER_ROUND);
        measure(deliver, PER_ROUND);
        LoadStats.log("report-steps.txt", "==== ReportStepsBenchmark " + java.time.Instant.now() + " · " + LoadStats.uptime());
        double[] sums = new double[2];
        for (int round = 1; round <= ROUNDS; round++) {
            double issued = measure(issue, PER_ROUND);
            double delivered = measure(deliver, PER_ROUND);
            sums[0] += issued;
            sums[1] += delivered;
            LoadStats.log("report-steps.txt", String.format("round %d: issue XHTML %.3f ms CPU, delivery PDF %.3f ms CPU (%d each)",
                    round, issued, delivered, PER_ROUND));
        }
        LoadStats.log("report-steps.txt", String.format("mean: issue XHTML %.3f ms CPU, delivery PDF %.3f ms CPU; %s",
                sums[0] / ROUNDS, sums[1] / ROUNDS, LoadStats.uptime()));
    }

    /** @return CPU ms per call of the calling thread */
    private static double measure(Supplier<?> step, int count) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            step.get();
        }
        return (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / count;
    }
}
