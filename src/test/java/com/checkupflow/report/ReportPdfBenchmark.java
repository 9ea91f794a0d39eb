package com.checkupflow.report;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Function;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.checkupflow.LoadStats;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Not a unit test: skipped unless {@code -Dgroups=benchmark}
 * ({@code ./mvnw test -Dtest=ReportPdfBenchmark -Dgroups=benchmark}). Renders the same Korean report with
 * {@link ReportPdf} and, interleaved in the same run, the way it rendered before (font files handed to openhtmltopdf
 * per document, read, parsed and subset every time); prints CPU and wall time per PDF of both and their ratio.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
class ReportPdfBenchmark {

    static final int PER_ROUND = Integer.getInteger("benchmark.pdfs", 30);
    static final int ROUNDS = 3;

    @Test
    void shouldReportCpuPerPdfBesideFontsLoadedPerDocument() {
        ReportExamples examples = new ReportExamples();
        String html = examples.html("ko");
        Function<String, byte[]> perDocument = ReportPdfBenchmark::renderWithFontFilesPerDocument;
        Function<String, byte[]> current = examples.pdf::render;
        measure("warm-up", html, current, 5);
        measure("warm-up", html, perDocument, 5);
        LoadStats.log("pdf.txt", "==== ReportPdfBenchmark " + java.time.Instant.now() + " · " + LoadStats.uptime());
        double[] sums = new double[2];
        for (int round = 1; round <= ROUNDS; round++) {
            sums[0] += measure("font files per document, round " + round, html, perDocument, PER_ROUND);
            sums[1] += measure("ReportPdf (fonts parsed once), round " + round, html, current, PER_ROUND);
        }
        LoadStats.log("pdf.txt", String.format("CPU per PDF: ReportPdf / per-document fonts = %.2f; %s",
                sums[1] / sums[0], LoadStats.uptime()));
        byte[] pdf = current.apply(html);
        Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // for a before/after look (pdftoppm -png -r 60) when ReportPdf changes
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target/benchmark/report-ko.pdf"), pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
            LoadStats.log("pdf.txt", String.format("%-42s %3d PDFs  cpu %7.1f ms/PDF  wall %7.1f ms/PDF  %,d bytes",
                    name, count, cpuMs, wallMs, bytes));
        }
        return cpuMs;
    }

    private static byte[] renderWithFontFilesPerDocument(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(ReportExamples.FONT.toFile(), ReportPdf.FONT_FAMILY);
            builder.useFont(ReportExamples.FALLBACK_FONT.toFile(), ReportPdf.FALLBACK_FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
