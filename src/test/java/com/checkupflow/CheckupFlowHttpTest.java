package com.checkupflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on a random port with demo users (password {@code demo}) but no demo screenings, an in-memory
 * database and a quick job executor. One annotation so that every HTTP test shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:mem:http-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "checkupflow.delivery.outbox-dir=target/http-test-outbox",
        "checkupflow.crypto.master-key-file=target/http-test-master-key.json"})
public @interface CheckupFlowHttpTest {
}
