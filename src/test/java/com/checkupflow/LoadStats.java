package com.checkupflow;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared by the benchmark harnesses: closed-loop load with N clients, latency percentiles, process CPU, machine
 * load (the harnesses run on a shared machine: figures are only comparable within one run).
 */
public final class LoadStats {

    private LoadStats() {
    }

    /** One measured series: requests per second, latency percentiles (ms) and process CPU per request (ms). */
    public record Series(String name, int requests, int errors, double perSecond, double p50, double p90, double p99,
                         double cpuMsPerRequest) {

        @Override
        public String toString() {
            return String.format("%-34s %6d req %4d err %8.1f /s  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  cpu %6.2f ms/req",
                    name, requests, errors, perSecond, p50, p90, p99, cpuMsPerRequest);
        }
    }

    /** A request that answers whether it succeeded. */
    @FunctionalInterface
    public interface Request {
        boolean send() throws Exception;
    }

    /** {@code clients} threads send requests back to back for {@code seconds}; the first second is not counted. */
    public static Series closedLoop(String name, int clients, double seconds, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmupEnd = System.nanoTime() + 1_000_000_000L;
        long end = warmupEnd + (long) (seconds * 1e9);
        AtomicLong cpuStart = new AtomicLong(-1);
        try {
            List<Callable<long[]>> tasks = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                tasks.add(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    int errors = 0;
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            break;
                        }
                        boolean counted = started >= warmupEnd;
                        if (counted) {
                            cpuStart.compareAndSet(-1, processCpuNanos());
                        }
                        boolean ok;
                        try {
                            ok = request.send();
                        } catch (Exception e) {
                            ok = false;
                        }
                        long took = System.nanoTime() - started;
                        if (counted) {
                            if (!ok) {
                                errors++;
                            }
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = took;
                        }
                    }
                    long[] result = Arrays.copyOf(latencies, n + 1);
                    result[n] = errors;
                    return result;
                });
            }
            List<Future<long[]>> futures = pool.invokeAll(tasks);
            long cpu = processCpuNanos() - cpuStart.get();
            long[] all = new long[0];
            int errors = 0;
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                errors += (int) r[r.length - 1];
                int old = all.length;
                all = Arrays.copyOf(all, old + r.length - 1);
                System.arraycopy(r, 0, all, old, r.length - 1);
            }
            Arrays.sort(all);
            return new Series(name, all.length, errors, all.length / seconds, percentileMs(all, 50),
                    percentileMs(all, 90), percentileMs(all, 99), all.length == 0 ? 0 : cpu / 1e6 / all.length);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Nearest-rank percentile of sorted nanosecond values, in ms. */
    public static double percentileMs(long[] sortedNanos, double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    /** CPU time of the whole JVM (all threads: server, engine, clients). */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's load average (1, 5, 15 min) as {@code uptime} prints it. */
    public static String uptime() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + load[0] + ", " + load[1] + ", " + load[2] + " ("
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (Exception e) {
            return "load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    /** Prints a line and appends it to target/benchmark/&lt;file&gt;. */
    public static void log(String file, String line) {
        System.out.println(line);
        try {
            Path path = Path.of("target/benchmark", file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
