package com.checkupflow.engine;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL start suite ({@code fault/pg-cluster.py start}) inside {@code ./mvnw verify}, after the jar is
 * packaged: two nodes start together on an empty database and on one with the engine schema installed from Camunda's
 * scripts, {@code CHECKUPFLOW_FAULT_RUNS} times each (default {@value #DEFAULT_RUNS}; the full 10 + 10 is the
 * documented command), on a private PostgreSQL of its own. It runs where Debian's PostgreSQL is installed;
 * {@code CHECKUPFLOW_FAULT_SUITE=required} (set by {@code .ci/run}) makes missing PostgreSQL a failure instead of a
 * skip, {@code off} skips it.
 */
class ClusterStartFaultSuiteIT {

    static final int DEFAULT_RUNS = 3;

    @Test
    void shouldStartTwoNodesTogetherEveryTimeWhenTheDatabaseIsEmptyOrHasTheEngineSchema() throws Exception {
        String mode = System.getenv().getOrDefault("CHECKUPFLOW_FAULT_SUITE", "auto");
        Assumptions.assumeFalse("off".equals(mode), "CHECKUPFLOW_FAULT_SUITE=off");
        boolean postgres = hasPostgres();
        if ("required".equals(mode)) {
            Assertions.assertThat(postgres).as("CHECKUPFLOW_FAULT_SUITE=required but no PostgreSQL binaries "
                    + "(/usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql").isTrue();
        }
        Assumptions.assumeTrue(postgres, "Skipped: no PostgreSQL binaries (apt-get install -y postgresql); "
                + "CI sets CHECKUPFLOW_FAULT_SUITE=required so that this fails there instead");
        int runs = Integer.parseInt(System.getenv().getOrDefault("CHECKUPFLOW_FAULT_RUNS", String.valueOf(DEFAULT_RUNS)));
        int pgPort = freePort();
        int nodePort = freePort();
        Path log = Path.of("target", "fault", "pg-cluster-start-it.log");
        Files.createDirectories(log.getParent());

        Process suite = new ProcessBuilder("python3", "fault/pg-cluster.py", "start", "--private-pg",
                "--runs", String.valueOf(runs), "--port", String.valueOf(nodePort), "--pg-port", String.valueOf(pgPort))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = suite.waitFor(4L * runs + 2, TimeUnit.MINUTES);
        if (!ended) {
            suite.destroy(); // SIGTERM: the script stops its nodes and its PostgreSQL
            suite.waitFor(2, TimeUnit.MINUTES);
        }
        List<String> output = Files.readAllLines(log);
        System.out.println(String.join(System.lineSeparator(), output));

        Assertions.assertThat(ended).as("the suite ended within its time; see " + log).isTrue();
        Assertions.assertThat(output).as("see " + log).contains("RESULT: empty " + runs + "/" + runs
                + " started together, preinstalled " + runs + "/" + runs + " started together");
        Assertions.assertThat(suite.exitValue()).as("see " + log).isZero();
    }

    private static boolean hasPostgres() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.anyMatch(v -> new File(v.toFile(), "bin/initdb").canExecute());
        }
    }

    /** A port free now, with the next one free too (the second node takes port + 1). */
    private static int freePort() throws IOException {
        while (true) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (port < 65535) {
                try (ServerSocket next = new ServerSocket(port + 1)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
    }
}
