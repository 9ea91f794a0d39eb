package com.checkupflow.physician;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Public test fixtures of the physician feature: the real profile store on a test database. */
public final class PhysicianFixtures {

    private PhysicianFixtures() {
    }

    public static PhysicianProfiles profiles(JdbcClient jdbc, Clock clock) {
        return new PhysicianProfiles(jdbc, clock);
    }
}
