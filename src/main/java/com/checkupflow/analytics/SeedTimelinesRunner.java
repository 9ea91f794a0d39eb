package com.checkupflow.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Benchmark seeding command: {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments="--checkupflow.analytics.seed.screenings=100000"}
 * writes that many synthetic historic screenings into the analytics tables at start (optionally
 * {@code --checkupflow.analytics.seed.per-day=300 --checkupflow.analytics.seed.random-seed=1}).
 */
@Component
@ConditionalOnProperty(prefix = "checkupflow.analytics.seed", name = "screenings")
class SeedTimelinesRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedTimelinesRunner.class);

    private final TimelineSeeder seeder;
    private final Environment env;

    SeedTimelinesRunner(TimelineSeeder seeder, Environment env) {
        this.seeder = seeder;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        int screenings = env.getRequiredProperty("checkupflow.analytics.seed.screenings", Integer.class);
        int perDay = env.getProperty("checkupflow.analytics.seed.per-day", Integer.class, 300);
        long randomSeed = env.getProperty("checkupflow.analytics.seed.random-seed", Long.class, 1L);
        long started = System.nanoTime();
        long intervals = seeder.seed(screenings, perDay, randomSeed);
        log.info("Seeded {} synthetic screenings ({} stage intervals) in {} ms", screenings, intervals,
                (System.nanoTime() - started) / 1_000_000);
    }
}
