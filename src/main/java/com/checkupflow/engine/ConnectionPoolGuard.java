package com.checkupflow.engine;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Refuses to start with a connection pool that can deadlock. A job that delivers a report holds its transaction's
 * connection while it records the receipt in a transaction of its own (a second connection), so with every pooled
 * connection held by a job thread no job can finish: all of them wait out the pool timeout and fail. One
 * connection more than the job executor has threads always lets one job through; the defaults leave room for the
 * draft worker and HTTP requests on top.
 */
@Component
class ConnectionPoolGuard {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPoolGuard.class);

    ConnectionPoolGuard(DataSource dataSource, CamundaBpmProperties camunda) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            check(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(),
                    camunda.getJobExecution().getMaxPoolSize());
        } else {
            log.info("Connection pool is not Hikari; keep its size above camunda.bpm.job-execution.max-pool-size");
        }
    }

    static void check(int poolSize, int jobThreads) {
        if (poolSize <= jobThreads) {
            throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size (" + poolSize
                    + ") must be greater than camunda.bpm.job-execution.max-pool-size (" + jobThreads
                    + "): a job may need a second connection while it holds one, so a pool no larger than the"
                    + " job executor can deadlock; set CHECKUPFLOW_DB_POOL_SIZE to at least " + (2 * jobThreads));
        }
    }
}
