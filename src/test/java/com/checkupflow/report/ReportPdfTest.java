package com.checkupflow.report;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportPdfTest {

    private static final List<String> NAMES = List.of("body", "title", "style");

    @Test
    void shouldFindTheElementsThatTheTreesOwnLookupFindsWhenOneWalkLooksForAllNames() {
        Map<String, String> documents = new java.util.LinkedHashMap<>(ReportSamples.all(new ReportExamples()));
        documents.put("nested", """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/></head>
                <body><div><p>a</p><title>inner <b>one</b></title></div><style>p { color: red; }</style>
                <title>second</title><style>p { color: blue; }</style></body><!-- after --></html>""");
        documents.put("no style", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>");

        documents.forEach((name, xhtml) -> {
            Document tree = ReportPdf.parse(xhtml);
            Map<String, Element> found = ReportPdf.first(tree, NAMES.toArray(String[]::new));
            for (String element : NAMES) {
                NodeList all = tree.getElementsByTagNameNS("*", element);
                Assertions.assertThat(found.get(element)).as("%s in %s", element, name)
                        .isSameAs(all.getLength() == 0 ? null : all.item(0));
            }
        });
    }
}
