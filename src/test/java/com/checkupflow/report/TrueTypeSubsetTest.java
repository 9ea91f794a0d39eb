package com.checkupflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class TrueTypeSubsetTest {

    @Test
    void shouldWriteTheFileFontboxWritesWhenBothCutTheSameGlyphs() throws IOException {
        for (Path path : List.of(ReportExamples.FONT, ReportExamples.FALLBACK_FONT)) {
            byte[] bytes = Files.readAllBytes(path);
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
                TrueTypeSubset subsets = new TrueTypeSubset(bytes, font, ReportFonts.SUBSET_TABLES);
                List<BitSet> cases = new ArrayList<>();
                cases.add(glyphs(font, ReportSamples.all(new ReportExamples()).values().toString()));
                cases.add(glyphs(font, "éèêëàâäçñüöÅØŁ ½ ² ™ →"));
                cases.add(new BitSet());
                // the last glyphs lie beyond the font's horizontal metrics in some fonts
                BitSet last = new BitSet();
                last.set(font.getNumberOfGlyphs() - 1);
                last.set(font.getNumberOfGlyphs() / 2);
                cases.add(last);
                Random random = new Random(15);
                for (int i = 0; i < 10; i++) {
                    BitSet any = new BitSet();
                    random.ints(1 + random.nextInt(300), 0, font.getNumberOfGlyphs()).forEach(any::set);
                    cases.add(any);
                }
                int composites = 0;
                for (BitSet glyphs : cases) {
                    TTFSubsetter reference = new TTFSubsetter(font, ReportFonts.SUBSET_TABLES);
                    TreeSet<Integer> ids = new TreeSet<>();
                    glyphs.stream().forEach(ids::add);
                    reference.addGlyphIds(ids);
                    ByteArrayOutputStream expected = new ByteArrayOutputStream();
                    reference.writeToStream(expected);
                    Map<Integer, Integer> expectedGlyphs = reference.getGIDMap();

                    TrueTypeSubset.Subset subset = subsets.subset(glyphs);

                    Assertions.assertThat(subset.file()).as("%s, glyphs %s", path.getFileName(), glyphs)
                            .isEqualTo(expected.toByteArray());
                    Assertions.assertThat(subset.originalGlyph()).hasSize(expectedGlyphs.size());
                    for (int g = 0; g < subset.originalGlyph().length; g++) {
                        Assertions.assertThat(subset.originalGlyph()[g]).isEqualTo(expectedGlyphs.get(g));
                    }
                    composites += subset.originalGlyph().length - glyphs.cardinality() - (glyphs.get(0) ? 0 : 1);
                }
                Assertions.assertThat(composites).as("components added by composite glyphs in %s", path.getFileName())
                        .isPositive();
            }
        }
    }

    private static BitSet glyphs(TrueTypeFont font, String text) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        BitSet glyphs = new BitSet();
        text.chars().map(cmap::getGlyphId).filter(g -> g > 0).forEach(glyphs::set);
        return glyphs;
    }
}
