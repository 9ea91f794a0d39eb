package com.checkupflow.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The chain check as a command: {@code java -jar checkupflow.jar --checkupflow.audit.verify-chain=true} (or
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--checkupflow.audit.verify-chain=true}) verifies the
 * access log, prints the result and exits with 0 when intact, 1 when broken.
 */
@Component
@ConditionalOnProperty(name = "checkupflow.audit.verify-chain", havingValue = "true")
class VerifyAccessChainCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VerifyAccessChainCommand.class);

    private final AccessLog accessLog;
    private final ConfigurableApplicationContext context;

    VerifyAccessChainCommand(AccessLog accessLog, ConfigurableApplicationContext context) {
        this.accessLog = accessLog;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccessLog.ChainCheck check = accessLog.verify();
        if (check.intact()) {
            log.info("Access-log chain intact: {} rows checked{}", check.rowsChecked(),
                    check.anchoredAfter() == null ? "" : " after retention anchor " + check.anchoredAfter());
        } else {
            log.error("Access-log chain BROKEN at row {}: {} ({} rows before it check out)", check.firstBrokenSeq(),
                    check.problem(), check.rowsChecked());
        }
        ExitCodeGenerator code = () -> check.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, code));
    }
}
