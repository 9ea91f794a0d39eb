package com.checkupflow.document;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;
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

    static {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordComponents());
    }

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

    /**
     * Reads {@code ${row.item}} of a record through the component's accessor, found once per record class. OGNL's own
     * object accessor looks for a JavaBean getter, which a record does not have, by searching the class's methods
     * on every read: a third of the report's rendering went there. Anything other than a component (a method, a
     * property of a non-record) is OGNL's as before.
     */
    static final class RecordComponents extends ObjectPropertyAccessor {

        private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
            @Override
            protected Map<String, Method> computeValue(Class<?> type) {
                Map<String, Method> accessors = new HashMap<>();
                RecordComponent[] components = type.getRecordComponents();
                for (RecordComponent component : components == null ? new RecordComponent[0] : components) {
                    Method accessor = component.getAccessor();
                    // our records are package-private: their public accessors are reached through the class
                    accessor.setAccessible(true);
                    accessors.put(component.getName(), accessor);
                }
                return accessors;
            }
        };

        @Override
        public Object getProperty(@SuppressWarnings("rawtypes") Map context, Object target, Object name)
                throws OgnlException {
            Method accessor = name instanceof String component ? ACCESSORS.get(target.getClass()).get(component) : null;
            if (accessor == null) {
                return super.getProperty(context, target, name);
            }
            try {
                return accessor.invoke(target);
            } catch (ReflectiveOperationException e) {
                throw new OgnlException(String.valueOf(name), e);
            }
        }
    }
}
