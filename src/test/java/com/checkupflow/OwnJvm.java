package com.checkupflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A Spring test with a configuration of its own runs in a JVM of its own (the surefire execution
 * {@code own-jvm-tests}); all other test classes share one JVM, where the HTTP tests share one cached context. Its
 * engine would take the name "default" in Camunda's static engine registry, and its webapps set (and on closing clear)
 * the JVM-wide runtime delegates of Cockpit, Tasklist and Admin, under the shared context's feet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("own-jvm")
public @interface OwnJvm {
}
