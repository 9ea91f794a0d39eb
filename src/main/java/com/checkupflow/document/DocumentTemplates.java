package com.checkupflow.document;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one template engine of the application's documents (Thymeleaf): document kinds in TEXT mode, the referral
 * letter and the report in XML mode, so the XHTML stays well-formed for openhtmltopdf. Templates are class-path resources named
 * by path; values are escaped by the mode ({@code th:text} in XML, none in TEXT, which is plain text).
 */
@Component
public class DocumentTemplates {

    private final TemplateEngine text = engine(TemplateMode.TEXT);
    private final TemplateEngine xml = engine(TemplateMode.XML);

    private static TemplateEngine engine(TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** A plain-text template ({@code documents/consultation-summary/document.ko.txt}) with these variables. */
    public String text(String path, Map<String, Object> variables) {
        return text.process(path, new Context(Locale.ROOT, variables));
    }

    /** An XHTML template ({@code documents/referral-letter/letter.html}) with these variables, escaped as XML. */
    public String xhtml(String path, Map<String, Object> variables) {
        return xml.process(path, new Context(Locale.ROOT, variables));
    }
}
