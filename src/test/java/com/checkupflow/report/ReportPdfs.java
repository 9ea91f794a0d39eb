package com.checkupflow.report;

import java.nio.file.Path;

/** Public test helper: renders XHTML with the report's PDF renderer and the default Debian fonts. */
public final class ReportPdfs {

    private ReportPdfs() {
    }

    public static byte[] render(String xhtml) {
        return new ReportPdf(new ReportProperties(Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
                Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))).render(xhtml);
    }
}
