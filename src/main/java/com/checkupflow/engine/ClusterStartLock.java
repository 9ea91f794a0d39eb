package com.checkupflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * One node at a time through the start on a shared PostgreSQL: a session advisory lock, taken before the engine is
 * built and released when the application is ready. Inside it the engine creates or checks its schema
 * ({@code databaseSchemaUpdate}), auto-deploys (duplicate filtering: an unchanged resource set deploys nothing), creates
 * the admin user and the tenants, {@code AuthorizationSetup} applies its version and the demo seeder seeds; a node
 * that starts second waits, then finds everything there. Without the lock two nodes on an empty database raced in the
 * engine's schema creation ({@code ENGINE-03017 … duplicate key … pg_type_typname_nsp_index}) and both applied the
 * authorization setup. Flyway (our tables) takes its own PostgreSQL lock. H2 is single-node: no lock.
 * PostgreSQL releases the lock by itself when a node dies during its start (the session ends).
 */
class ClusterStartLock extends AbstractProcessEnginePlugin {

    /** Advisory lock key: "CFST" (CheckupFlow start). */
    static final long KEY = 0x43465354L;

    private static final Logger log = LoggerFactory.getLogger(ClusterStartLock.class);

    private final DataSource dataSource;
    private final Duration timeout;
    private Connection held;

    ClusterStartLock(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    synchronized void acquire() {
        if (held != null) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean logged = false;
            while (!tryLock(connection)) {
                if (System.nanoTime() > deadline) {
                    connection.close();
                    throw new IllegalStateException("Another node held the start lock for more than " + timeout
                            + " (checkupflow.cluster.start-lock-timeout)");
                }
                if (!logged) {
                    log.info("Another node is starting on this database; waiting for its start to finish");
                    logged = true;
                }
                Thread.sleep(500);
            }
            held = connection;
            log.info("Start lock taken");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the start lock", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the start lock", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** After every ApplicationReadyEvent listener (the demo seeder is one): the start is complete. */
    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
    @Order(Ordered.LOWEST_PRECEDENCE)
    synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held; PreparedStatement unlock =
                connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
            log.info("Start lock released");
        } catch (SQLException e) {
            // A pooled connection outlives close(), and its session would keep the lock: end the session instead.
            log.warn("Releasing the start lock failed, closing its database session: {}", e.getMessage());
            evict(held);
        } finally {
            held = null;
        }
    }

    private void evict(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            }
        } catch (SQLException e) {
            log.warn("Closing the start lock's session failed: {}", e.getMessage());
        }
    }
}
