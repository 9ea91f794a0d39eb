package com.checkupflow.judgement;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
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
 */
final class CamundaCachingFeelEngineFactory implements FeelEngineFactory {

    /** More distinct texts than several versions of the DRD hold; past it the cache starts afresh (no growth). */
    static final int MAX_EXPRESSIONS = 20_000;

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
