package com.checkupflow.judgement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine.Configuration;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's Scala FEEL engine, but each expression text is parsed once. Camunda 7.24's {@code ScalaFeelEngine} hands
 * the text to {@code FeelEngine.evalUnaryTests(String, Context)}, which parses it on every evaluation: the judgement
 * DRD has ~680 input entries, so parsing was most of a judgement's CPU. Parsed expressions are immutable syntax
 * trees; evaluation (the values, the context) is unchanged, so every judgement stays the same. Custom FEEL function
 * providers of the engine configuration are not passed on: the project registers none.
 * <p>
 * An input entry "-" (FEEL's "any input", 526 of the DRD's 680 entries; the Modeler writes it for a cleared cell too)
 * is true without FEEL: Camunda skips only empty entries and builds a FEEL context (Scala maps of the input and the
 * variables) for every other one. Likewise an expression that is only a variable's name (the DRD's input expressions
 * {@code systolicBp}, {@code sex}, ...) is that variable's value as FEEL would return it (a string, a boolean, null, a
 * whole number as a long, any other number as a double); every other text and value goes through FEEL.
 */
final class CamundaCachingFeelEngineFactory implements FeelEngineFactory {

    /** More distinct texts than several versions of the DRD hold; past it the cache starts afresh (no growth). */
    static final int MAX_EXPRESSIONS = 20_000;
    static final String ANY_INPUT = "-";
    /** A plain FEEL name (no spaces, operators or calls); keywords such as null or true are no variables. */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final FeelEngine engine = new CachingScalaFeelEngine();

    /** One engine for every DMN engine that asks: the process engine's and the dry run's share the parsed texts. */
    @Override
    public FeelEngine createInstance() {
        return engine;
    }

    private static final class CachingScalaFeelEngine extends ScalaFeelEngine {

        CachingScalaFeelEngine() {
            super(List.of());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            String name = expression.trim();
            if (NAME.matcher(name).matches() && variableContext.containsVariable(name)) {
                TypedValue typed = variableContext.resolve(name);
                Object value = typed == null ? null : typed.getValue();
                if (value == null || value instanceof String || value instanceof Boolean) {
                    return (T) value;
                }
                Object number = asFeelNumber(value);
                if (number != null) {
                    return (T) number;
                }
            }
            return super.evaluateSimpleExpression(expression, variableContext);
        }

        /** A number as FEEL hands it back (whole: long, else double); null for other values and non-finite doubles. */
        private static Object asFeelNumber(Object value) {
            BigDecimal number;
            if (value instanceof BigDecimal decimal) {
                number = decimal;
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            } else if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (!Double.isFinite(d)) {
                    return null;
                }
                number = new BigDecimal(value.toString());
            } else {
                return null;
            }
            return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValue() : (Object) number.doubleValue();
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
            return ANY_INPUT.equals(expression.trim())
                    || super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
        }

        @Override
        protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                                              ValueMapper.CompositeValueMapper values) {
            // The same settings as ScalaFeelEngine's builder: these functions and value mappers, no external functions.
            return new ParsingOnce(functions, values);
        }
    }

    private static final class ParsingOnce extends org.camunda.feel.FeelEngine {

        private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
        private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

        ParsingOnce(CustomFunctionTransformer functions, ValueMapper values) {
            super(functions, values, new Configuration(false), FeelEngineClock.SystemClock$.MODULE$);
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            ParsedExpression hit = unaryTests.get(expression);
            return hit != null ? new Right<>(hit) : remember(unaryTests, expression, super.parseUnaryTests(expression));
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            ParsedExpression hit = expressions.get(expression);
            return hit != null ? new Right<>(hit) : remember(expressions, expression, super.parseExpression(expression));
        }

        private static Either<Failure, ParsedExpression> remember(Map<String, ParsedExpression> cache, String expression,
                                                                  Either<Failure, ParsedExpression> parsed) {
            if (parsed.isRight()) {
                if (cache.size() >= MAX_EXPRESSIONS) {
                    cache.clear();
                }
                cache.put(expression, parsed.toOption().get());
            }
            return parsed;
        }
    }
}
