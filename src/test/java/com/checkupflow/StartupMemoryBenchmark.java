package com.checkupflow;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.util.FileSystemUtils;

import com.checkupflow.bare.BareScreeningApplication;
import com.checkupflow.demo.SyntheticScreenings;

import ca.uhn.fhir.context.FhirContext;

/**
 * Not a unit test: a start-up and resident-memory harness, skipped unless run with {@code -Dgroups=benchmark}:
 * <pre>./mvnw test -Dtest=StartupMemoryBenchmark -Dgroups=benchmark</pre>
 * Starts the bare engine ({@link BareScreeningApplication}) and CheckupFlow each in a child JVM of its own with the
 * same JVM flags ({@code -Dbenchmark.jvm}, default {@code -Xmx768m}), one at a time, interleaved (bare, CheckupFlow,
 * bare, ...) for {@code -Dbenchmark.rounds} rounds, each on an empty H2 file. Per start: time to ready (process start
 * → first 200 from {@code /actuator/health} with HTTP basic), then the same load: one screening posted at once after
 * ready (the clinic-day case: its time to its review task is printed), then {@code -Dbenchmark.screenings} more by 4
 * clients, until every one waits at "Review report"; then VmRSS and VmHWM from {@code /proc/<pid>/status} and the
 * child's CPU time. CheckupFlow runs without demo screenings (its demo users are needed for the load); the bare
 * engine's classpath holds the same jars, not CheckupFlow's classes or configuration.
 * <p>
 * At the measuring moment it also prints per side the loaded classes and live threads ({@code jcmd PerfCounter.print}),
 * the threads grouped by name (digits folded), and, when the flags hold {@code -XX:NativeMemoryTracking=summary}, the
 * committed memory per NMT category ({@code jcmd VM.native_memory summary}), with the medians side by side at the end.
 * Then the child is stopped (SIGTERM) and started again on the kept database (the ordinary restart of a clinic): its
 * time to ready and one more screening's time to its review are printed as a ratio of their own.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
class StartupMemoryBenchmark {

    static final String FILE = "startup-memory.txt";
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    static final int SCREENINGS = Integer.getInteger("benchmark.screenings", 60);
    static final List<String> JVM = List.of(System.getProperty("benchmark.jvm", "-Xmx768m").trim().split("\\s+"));
    /**
     * Extra JVM flags of a third side, CheckupFlow once more with these flags added, in the same rounds (e.g.
     * {@code -Dbenchmark.variant=-Djdk.nio.maxCachedBufferSize=2147483647} for the unlimited cache it had before
     * CheckupFlowApplication set its own limit): a before/after of one change at the same load. Empty: no third side.
     */
    static final List<String> VARIANT = List.of(System.getProperty("benchmark.variant", "").trim().split("\\s+")).stream()
            .filter(f -> !f.isEmpty()).toList();
    /** Environment of both children, e.g. {@code -Dbenchmark.env=MALLOC_ARENA_MAX=2} (comma-separated). */
    static final List<String> ENV = List.of(System.getProperty("benchmark.env", "").split(",")).stream()
            .filter(e -> e.contains("=")).toList();
    static final Path WORK = Path.of("target/benchmark/startup");
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("integration:demo".getBytes(StandardCharsets.UTF_8));
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    record Start(String side, int round, double readySeconds, double firstToReviewSeconds, double loadSeconds,
                 long rssKb, long hwmKb, double cpuSeconds, long heapCommittedKb, long heapUsedKb, long classes, long threads,
                 Map<String, Long> nmtCommittedKb, double readyCpuSeconds, double restartReadySeconds,
                 double restartReadyCpuSeconds, double restartFirstToReviewSeconds) {
        @Override
        public String toString() {
            return String.format("%-11s round %d  ready %6.2f s (CPU %5.1f s)  first screening to review %6.2f s  load %6.1f s  "
                    + "RSS %4d MB  HWM %4d MB  heap committed %4d MB used %4d MB  CPU %6.1f s  classes %d  threads %d  "
                    + "| restart on the kept database: ready %6.2f s (CPU %5.1f s)  first screening to review %6.2f s", side,
                    round, readySeconds, readyCpuSeconds, firstToReviewSeconds, loadSeconds, rssKb / 1024, hwmKb / 1024,
                    heapCommittedKb / 1024, heapUsedKb / 1024, cpuSeconds, classes, threads, restartReadySeconds,
                    restartReadyCpuSeconds, restartFirstToReviewSeconds);
        }
    }

    /** Top classes of the child's live heap after the measurement ({@code -Dbenchmark.histogram=20}; forces a full GC). */
    static final int HISTOGRAM = Integer.getInteger("benchmark.histogram", 0);

    /** How one side is started and fed. */
    record Side(String name, List<String> classpath, String mainClass, String intakePath, String restAuth, List<String> args,
                List<String> extraJvm) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldReportStartupAndResidentMemoryRatiosWhenEachRunsInItsOwnJvm() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        List<String> entries = Arrays.asList(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator));
        String testClasses = entries.stream().filter(e -> e.endsWith("test-classes")).findFirst().orElseThrow();
        String mainClasses = entries.stream().filter(e -> e.endsWith("classes") && !e.endsWith("test-classes"))
                .findFirst().orElseThrow();
        List<String> jars = entries.stream().filter(e -> !e.equals(testClasses) && !e.equals(mainClasses)).toList();
        Path bareClasses = bareClasspath(Path.of(testClasses));

        SyntheticScreenings synthetic = new SyntheticScreenings(FhirContext.forR4());
        List<String> bundles = new ArrayList<>();
        SyntheticScreenings.Profile[] profiles = {SyntheticScreenings.Profile.HEALTHY,
                SyntheticScreenings.Profile.BORDERLINE, SyntheticScreenings.Profile.SUSPECT};
        for (int i = 0; i <= SCREENINGS + 1; i++) {
            bundles.add(synthetic.bundleJson("startup-" + i, profiles[i % profiles.length], i));
        }

        Side bare = new Side("bare", concat(jars, bareClasses.toString()), BareScreeningApplication.class.getName(),
                "/bench/bare/screenings", AUTH, List.of("--spring.datasource.url=jdbc:h2:file:" + WORK.toAbsolutePath()
                        + "/bare-data/bare;AUTO_SERVER=TRUE;WRITE_DELAY=0", "--spring.datasource.hikari.maximum-pool-size=30"),
                List.of());
        Side app = new Side("CheckupFlow", concat(jars, mainClasses), "com.checkupflow.CheckupFlowApplication",
                "/api/screenings?center=gangnam", ADMIN, List.of("--checkupflow.data-dir=" + WORK.toAbsolutePath() + "/app-data",
                        "--checkupflow.demo.screenings=0"), List.of());
        Side variant = new Side("CheckupFlow+variant", app.classpath(), app.mainClass(), app.intakePath(), app.restAuth(),
                app.args(), VARIANT);

        LoadStats.log(FILE, "==== StartupMemoryBenchmark " + java.time.Instant.now() + " · JVM flags " + JVM + " · environment " + ENV + " · variant " + VARIANT + " · "
                + SCREENINGS + " screenings after the first · " + LoadStats.uptime());
        List<Start> bares = new ArrayList<>();
        List<Start> apps = new ArrayList<>();
        List<Start> variants = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            bares.add(run(bare, round, bundles));
            LoadStats.log(FILE, bares.get(bares.size() - 1) + "  · " + LoadStats.uptime());
            apps.add(run(app, round, bundles));
            LoadStats.log(FILE, apps.get(apps.size() - 1) + "  · " + LoadStats.uptime());
            if (!VARIANT.isEmpty()) {
                variants.add(run(variant, round, bundles));
                LoadStats.log(FILE, variants.get(variants.size() - 1) + "  · " + LoadStats.uptime());
            }
        }
        if (!VARIANT.isEmpty()) {
            LoadStats.log(FILE, String.format("VARIANT %s, CheckupFlow+variant / CheckupFlow (medians): start-up %.2f (%.2f s / "
                            + "%.2f s; CPU to ready %.1f s / %.1f s), RSS after load %.2f (%.0f MB / %.0f MB), against bare: "
                            + "start-up %.2f, RSS %.2f", VARIANT, median(variants, Start::readySeconds)
                            / median(apps, Start::readySeconds), median(variants, Start::readySeconds),
                    median(apps, Start::readySeconds), median(variants, Start::readyCpuSeconds),
                    median(apps, Start::readyCpuSeconds), median(variants, s -> s.rssKb()) / median(apps, s -> s.rssKb()),
                    median(variants, s -> s.rssKb()) / 1024, median(apps, s -> s.rssKb()) / 1024,
                    median(variants, Start::readySeconds) / median(bares, Start::readySeconds),
                    median(variants, s -> s.rssKb()) / median(bares, s -> s.rssKb())));
            for (String category : variants.get(0).nmtCommittedKb().keySet()) {
                LoadStats.log(FILE, String.format("VARIANT NMT committed %-28s %7.1f MB (CheckupFlow %7.1f MB)", category,
                        median(variants, s -> s.nmtCommittedKb().getOrDefault(category, 0L)) / 1024,
                        median(apps, s -> s.nmtCommittedKb().getOrDefault(category, 0L)) / 1024));
            }
        }
        double restart = median(apps, Start::restartReadySeconds) / median(bares, Start::restartReadySeconds);
        LoadStats.log(FILE, String.format("RESTART on the kept database, CheckupFlow/bare (medians): start-up %.2f (%.2f s / "
                        + "%.2f s; CPU to ready %.2f, %.1f s / %.1f s), first screening to review %.2f s / %.2f s", restart,
                median(apps, Start::restartReadySeconds), median(bares, Start::restartReadySeconds),
                median(apps, Start::restartReadyCpuSeconds) / median(bares, Start::restartReadyCpuSeconds),
                median(apps, Start::restartReadyCpuSeconds), median(bares, Start::restartReadyCpuSeconds),
                median(apps, Start::restartFirstToReviewSeconds), median(bares, Start::restartFirstToReviewSeconds)));
        LoadStats.log(FILE, String.format("FIRST START CPU to ready, CheckupFlow/bare (medians): %.2f (%.1f s / %.1f s; "
                        + "on a loaded machine the CPU seconds move less with the load than the seconds to ready)",
                median(apps, Start::readyCpuSeconds) / median(bares, Start::readyCpuSeconds),
                median(apps, Start::readyCpuSeconds), median(bares, Start::readyCpuSeconds)));
        LoadStats.log(FILE, String.format("classes loaded %.0f / %.0f, live threads %.0f / %.0f (medians)",
                median(apps, s -> s.classes()), median(bares, s -> s.classes()), median(apps, s -> s.threads()),
                median(bares, s -> s.threads())));
        for (String category : apps.get(0).nmtCommittedKb().keySet()) {
            LoadStats.log(FILE, String.format("NMT committed %-28s %7.1f MB / %7.1f MB", category,
                    median(apps, s -> s.nmtCommittedKb().getOrDefault(category, 0L)) / 1024,
                    median(bares, s -> s.nmtCommittedKb().getOrDefault(category, 0L)) / 1024));
        }
        double ready = median(apps, Start::readySeconds) / median(bares, Start::readySeconds);
        double rss = median(apps, s -> s.rssKb()) / median(bares, s -> s.rssKb());
        LoadStats.log(FILE, String.format("RATIOS CheckupFlow/bare (medians of %d rounds): start-up %.2f (target <= 1.2; "
                        + "%.2f s / %.2f s), RSS after load %.2f (target <= 1.3; %.0f MB / %.0f MB), peak RSS %.2f, CPU %.2f; "
                        + "first screening to review %.2f s / %.2f s; %s", ROUNDS, ready, median(apps, Start::readySeconds),
                median(bares, Start::readySeconds), rss, median(apps, s -> s.rssKb()) / 1024,
                median(bares, s -> s.rssKb()) / 1024, median(apps, s -> s.hwmKb()) / median(bares, s -> s.hwmKb()),
                median(apps, Start::cpuSeconds) / median(bares, Start::cpuSeconds),
                median(apps, Start::firstToReviewSeconds), median(bares, Start::firstToReviewSeconds), LoadStats.uptime()));
        Assertions.assertThat(apps).hasSize(ROUNDS);
    }

    private Start run(Side side, int round, List<String> bundles) throws Exception {
        FileSystemUtils.deleteRecursively(WORK.resolve("app-data"));
        FileSystemUtils.deleteRecursively(WORK.resolve("bare-data"));
        int port = freePort();
        String base = "http://localhost:" + port;
        Start measured;
        Child child = start(side, port, WORK.resolve(side.name() + "-" + round + ".log"));
        try {
            long loadStart = System.nanoTime();
            String first = post(base + side.intakePath(), bundles.get(0));
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<String>> rest = new ArrayList<>();
            for (String bundle : bundles.subList(1, bundles.size() - 1)) {
                rest.add(clients.submit(() -> post(base + side.intakePath(), bundle)));
            }
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> reviews(base, side.restAuth(), "&processInstanceBusinessKey=" + first) == 1);
            double firstToReview = (System.nanoTime() - loadStart) / 1e9;
            clients.shutdown();
            for (Future<String> f : rest) {
                f.get(5, TimeUnit.MINUTES);
            }
            Awaitility.await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(250))
                    .until(() -> reviews(base, side.restAuth(), "") == bundles.size() - 1);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long pid = child.process().pid();
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            double cpu = cpuSeconds(pid);
            String heap = jcmd(pid, "GC.heap_info");
            Matcher g1 = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
            boolean found = g1.find();
            String counters = jcmd(pid, "PerfCounter.print");
            Map<String, Long> nmt = nmtCommitted(JVM.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking="))
                    ? jcmd(pid, "VM.native_memory summary") : "");
            LoadStats.log(FILE, side.name() + " round " + round + " threads by name: " + threadGroups(jcmd(pid, "Thread.print")));
            if (!nmt.isEmpty()) {
                LoadStats.log(FILE, side.name() + " round " + round + " NMT committed MB: " + nmt.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() / 1024).collect(Collectors.joining(", ")));
            }
            if (HISTOGRAM > 0) {
                LoadStats.log(FILE, side.name() + " round " + round + " live heap:\n" + jcmd(pid, "GC.class_histogram")
                        .lines().limit(HISTOGRAM + 3).collect(Collectors.joining("\n")));
            }
            measured = new Start(side.name(), round, child.readySeconds(), firstToReview, loadSeconds, kb(status, "VmRSS"),
                    kb(status, "VmHWM"), cpu, found ? Long.parseLong(g1.group(1)) : -1, found ? Long.parseLong(g1.group(2)) : -1,
                    counter(counters, "java.cls.loadedClasses") - counter(counters, "java.cls.unloadedClasses"),
                    counter(counters, "java.threads.live"), nmt, child.readyCpuSeconds(), -1, -1, -1);
        } finally {
            stop(child.process());
        }
        Child again = start(side, port, WORK.resolve(side.name() + "-" + round + "-restart.log"));
        try {
            long postStart = System.nanoTime();
            String one = post(base + side.intakePath(), bundles.get(bundles.size() - 1));
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> reviews(base, side.restAuth(), "") == bundles.size());
            Assertions.assertThat(one).isNotBlank();
            double toReview = (System.nanoTime() - postStart) / 1e9;
            return new Start(measured.side(), round, measured.readySeconds(), measured.firstToReviewSeconds(),
                    measured.loadSeconds(), measured.rssKb(), measured.hwmKb(), measured.cpuSeconds(),
                    measured.heapCommittedKb(), measured.heapUsedKb(), measured.classes(), measured.threads(),
                    measured.nmtCommittedKb(), measured.readyCpuSeconds(), again.readySeconds(), again.readyCpuSeconds(),
                    toReview);
        } finally {
            stop(again.process());
        }
    }

    /** A started child, its time from process start to the first 200 of the health endpoint and its CPU until then. */
    record Child(Process process, double readySeconds, double readyCpuSeconds) {
    }

    private Child start(Side side, int port, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM);
        command.addAll(side.extraJvm());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, side.classpath()));
        command.add(side.mainClass());
        command.add("--server.port=" + port);
        command.addAll(side.args());
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        ENV.forEach(e -> builder.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
        Process process = builder.start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .failFast(() -> !process.isAlive())
                    .until(() -> status("http://localhost:" + port + "/actuator/health", AUTH) == 200);
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
        double ready = (System.nanoTime() - started) / 1e9;
        return new Child(process, ready, cpuSeconds(process.pid()));
    }

    /** SIGTERM, as a service manager stops it (graceful: H2 closes its file), then a kill after a minute. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static final Pattern NMT_CATEGORY = Pattern.compile("(?m)^-\\s+(\\S[^(]*?)\\s*\\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");

    /** Committed KB per NMT category, the total first; empty without native memory tracking. */
    static Map<String, Long> nmtCommitted(String summary) {
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher total = NMT_TOTAL.matcher(summary);
        if (total.find()) {
            committed.put("Total", Long.parseLong(total.group(1)));
        }
        Matcher m = NMT_CATEGORY.matcher(summary);
        while (m.find()) {
            committed.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return committed;
    }

    /** Live threads grouped by name with digits folded ("job-executor-#"), largest groups first. */
    static String threadGroups(String threadDump) {
        Map<String, Long> groups = Pattern.compile("(?m)^\"([^\"]*)\"").matcher(threadDump).results()
                .map(r -> r.group(1).replaceAll("\\d+", "#"))
                .collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
        return groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static long counter(String perfCounters, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "=(\\d+)").matcher(perfCounters);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The bare application's classes and model alone, so that the child sees no test configuration or logging. */
    private static Path bareClasspath(Path testClasses) throws IOException {
        Path dir = WORK.resolve("bare-classpath");
        Path pkg = dir.resolve("com/checkupflow/bare");
        Files.createDirectories(pkg);
        Files.createDirectories(dir.resolve("benchmark"));
        try (Stream<Path> classes = Files.list(testClasses.resolve("com/checkupflow/bare"))) {
            for (Path c : classes.toList()) {
                Files.copy(c, pkg.resolve(c.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(testClasses.resolve("benchmark/bare-screening.bpmn"), dir.resolve("benchmark/bare-screening.bpmn"),
                StandardCopyOption.REPLACE_EXISTING);
        return dir.toAbsolutePath();
    }

    private int status(String url, String auth) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    private String post(String url, String bundle) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", AUTH).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** Open "Review report" tasks over the engine's REST API (CheckupFlow's as its administrator). */
    private long reviews(String base, String auth, String filter) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                + "/engine-rest/task/count?taskDefinitionKey=Activity_ReviewReport" + filter)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher count = COUNT.matcher(response.body());
        return response.statusCode() == 200 && count.find() ? Long.parseLong(count.group(1)) : -1;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static long kb(String procStatus, String field) {
        Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(procStatus);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** utime + stime of the child from /proc/<pid>/stat, in seconds (clock ticks of 100 Hz on Linux). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> concat(List<String> jars, String dir) {
        List<String> all = new ArrayList<>(jars);
        all.add(dir);
        return all;
    }

    private static double median(List<Start> starts, java.util.function.ToDoubleFunction<Start> f) {
        double[] values = starts.stream().mapToDouble(f).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
