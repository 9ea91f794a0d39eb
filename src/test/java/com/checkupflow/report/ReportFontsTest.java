package com.checkupflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

class ReportFontsTest {

    private static final String KOREAN = "건강검진 결과 통보서: 혈압이 높습니다. 가까운 의원에서 확진검사를 받으세요.";

    @Test
    void shouldWriteTheStreamPdfBoxWritesWhenASubsetDeflatedBeforeIsWritten() throws IOException {
        // a font file's first bytes: binary, partly compressible, larger than one deflate buffer
        byte[] plain = java.util.Arrays.copyOf(Files.readAllBytes(ReportExamples.FALLBACK_FONT), 50_000);
        try (PDDocument document = new PDDocument()) {
            COSStream pdfBox = new PDStream(document, new ByteArrayInputStream(plain), COSName.FLATE_DECODE).getCOSObject();
            COSStream reused = ReportFonts.stream(document, ReportFonts.deflate(plain)).getCOSObject();

            assertThat(entries(reused)).isEqualTo(entries(pdfBox));
            assertThat(raw(reused)).isEqualTo(raw(pdfBox));
            try (InputStream decoded = reused.createInputStream()) {
                assertThat(decoded.readAllBytes()).isEqualTo(plain);
            }
        }
    }

    @Test
    void shouldReuseTheCutWhenTheSameCharactersAreEmbeddedAgain() throws IOException {
        ReportFonts.Face face = new ReportFonts.Face(Files.readAllBytes(ReportExamples.FONT));
        BitSet used = characters(KOREAN);

        ReportFonts.Cut first = face.cut(used);
        BitSet same = characters(KOREAN);
        ReportFonts.Cut again = face.cut(same);
        used.set('김');
        ReportFonts.Cut other = face.cut(used);

        assertThat(again).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        ReportFonts.Cut fresh = face.cutAnew(characters(KOREAN));
        assertThat(first.file()).isEqualTo(fresh.file());
        assertThat(first.toUnicode()).isEqualTo(fresh.toUnicode());
        assertThat(first.original()).isEqualTo(fresh.original());
        assertThat(first.fileLength()).isEqualTo(fresh.fileLength());
    }

    @Test
    void shouldKeepOnlyTheLastSubsetsWhenManyCharacterSetsAreEmbedded() throws IOException {
        ReportFonts.Face face = new ReportFonts.Face(Files.readAllBytes(ReportExamples.FALLBACK_FONT));
        ReportFonts.Cut oldest = face.cut(characters("a"));
        for (int i = 0; i < ReportFonts.KEPT_SUBSETS; i++) {
            face.cut(characters("b" + (char) ('c' + i)));
        }

        assertThat(face.cut(characters("a"))).isNotSameAs(oldest);
    }

    @Test
    void shouldRenderTheSamePdfWhenItsSubsetsComeFromEarlierDocuments() {
        ReportExamples examples = new ReportExamples();
        String report = examples.renderer.render(ReportExamples.issued("ko", null, List.of()), ReportExamples.mixed(),
                ReportExamples.SUMMARY, "박도윤 (면허번호 20103)", ReportExamples.ISSUED, null);
        String other = examples.renderer.render(ReportExamples.issued("en", null, List.of()), ReportExamples.mixed(),
                "Your blood pressure is high.", "Park Doyun (licence 20103)", ReportExamples.ISSUED, null);

        byte[] alone = new ReportPdf(new ReportProperties(ReportExamples.FONT, ReportExamples.FALLBACK_FONT)).render(report);
        ReportPdf warm = new ReportPdf(new ReportProperties(ReportExamples.FONT, ReportExamples.FALLBACK_FONT));
        warm.render(report);
        warm.render(other);
        byte[] fromCache = warm.render(report);

        assertThat(withoutId(fromCache)).isEqualTo(withoutId(alone));
    }

    private static BitSet characters(String text) {
        BitSet used = new BitSet();
        text.chars().forEach(used::set);
        return used;
    }

    private static List<String> entries(COSStream stream) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
            entries.add(entry.getKey().getName() + "=" + entry.getValue());
        }
        return entries;
    }

    private static byte[] raw(COSStream stream) throws IOException {
        try (InputStream in = stream.createRawInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The trailer's /ID is derived from the time of each save: two saves of the same document differ there only. */
    static String withoutId(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1).replaceAll("/ID \\[<[0-9A-Fa-f]+> ?<[0-9A-Fa-f]+>\\]", "/ID");
    }
}
