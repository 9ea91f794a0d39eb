package com.checkupflow.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.checkupflow.LoadStats;

/**
 * Not a unit test: skipped unless {@code -Dgroups=benchmark}
 * ({@code ./mvnw test -Dtest=ReportPdfBenchmark -Dgroups=benchmark}). Renders the same documents with {@link ReportPdf}
 * and, interleaved in the same run, the way main rendered them before ({@link OpenHtmlToPdfBaseline}: openhtmltopdf,
 * fonts parsed once); prints CPU and wall time per PDF of both, their ratio and the machine's load, and writes both
 * PDFs of every sample to {@code target/benchmark/} for a look ({@code pdftoppm -r 80 -png}).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
class ReportPdfBenchmark {

    static final int PER_ROUND = Integer.getInteger("benchmark.pdfs", 30);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

    @Test
    void shouldReportCpuPerPdfBesideTheOpenHtmlToPdfBaseline() throws IOException {
        ReportExamples examples = new ReportExamples();
        Function<String, byte[]> baseline = new OpenHtmlToPdfBaseline(
                new ReportProperties(ReportExamples.FONT, ReportExamples.FALLBACK_FONT))::render;
        Function<String, byte[]> current = examples.pdf::render;
        Map<String, String> samples = ReportSamples.all(examples);
        Path dir = Files.createDirectories(Path.of("target", "benchmark"));
        for (Map.Entry<String, String> sample : samples.entrySet()) {
            byte[] after = current.apply(sample.getValue());
            Assertions.assertThat(new String(after, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            Files.write(dir.resolve(sample.getKey() + "-after.pdf"), after);
            Files.write(dir.resolve(sample.getKey() + "-before.pdf"), baseline.apply(sample.getValue()));
        }
        LoadStats.log("pdf.txt", "==== ReportPdfBenchmark " + java.time.Instant.now() + " · " + LoadStats.uptime());
        for (String name : new String[] {"report-ko", "referral-ko"}) {
            String html = samples.get(name);
            measure("warm-up", html, baseline, 10);
            measure("warm-up", html, current, 10);
            double[] sums = new double[2];
            for (int round = 1; round <= ROUNDS; round++) {
                sums[0] += measure(name + " openhtmltopdf (main), round " + round, html, baseline, PER_ROUND);
                sums[1] += measure(name + " ReportPdf, round " + round, html, current, PER_ROUND);
            }
            LoadStats.log("pdf.txt", String.format("%s CPU per PDF: ReportPdf / openhtmltopdf = %.3f (%.1f / %.1f ms, %.1fx cheaper); %s",
                    name, sums[1] / sums[0], sums[1] / ROUNDS, sums[0] / ROUNDS, sums[0] / sums[1], LoadStats.uptime()));
        }
    }

    /** @return CPU ms per PDF of the calling thread */
    private static double measure(String name, String html, Function<String, byte[]> render, int count) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes = render.apply(html).length;
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / count;
        double wallMs = (System.nanoTime() - wall) / 1e6 / count;
        if (!name.equals("warm-up")) {
            LoadStats.log("pdf.txt", String.format("%-46s %3d PDFs  cpu %7.2f ms/PDF  wall %7.2f ms/PDF  %,d bytes",
                    name, count, cpuMs, wallMs, bytes));
        }
        return cpuMs;
    }
}
