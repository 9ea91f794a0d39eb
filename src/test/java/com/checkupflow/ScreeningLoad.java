package com.checkupflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import com.checkupflow.process.ScreeningReportProcess.Activities;

/**
 * The post-and-wait loops the end-to-end harnesses share: Bundles posted by a few clients (a failed post tried again),
 * a wait until a count reaches its target, and a background approver of open reviews.
 */
public final class ScreeningLoad {

    private ScreeningLoad() {
    }

    /** One post: answers the HTTP status. */
    @FunctionalInterface
    public interface Post {
        int send(int n) throws Exception;
    }

    /** {@code POST /api/screenings?center=gangnam} as the {@code integration} user. */
    public static Post intake(HttpClient http, int port, IntFunction<String> bundle) {
        String auth = "Basic " + Base64.getEncoder().encodeToString("integration:demo".getBytes(StandardCharsets.UTF_8));
        return n -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/screenings?center=gangnam"))
                        .header("Authorization", auth).header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(bundle.apply(n), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Posts {@code first .. first + count - 1} with {@code clients} threads. On a loaded machine an H2 lock timeout now
     * and then fails a post: it is tried up to three times (a 200 after a failed attempt means the earlier one was
     * stored after all: intake is idempotent by identifier).
     *
     * @throws IllegalStateException when a post failed three times
     */
    public static void postAll(int first, int count, int clients, Post post) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger lastStatus = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            int n = first + i;
            pool.execute(() -> {
                for (int attempt = 1; ; attempt++) {
                    try {
                        int status = post.send(n);
                        lastStatus.set(status);
                        if (status == 201 || (status == 200 && attempt > 1)) {
                            return;
                        }
                    } catch (Exception e) {
                        // counted below when the attempts are used up
                    }
                    if (attempt == 3) {
                        failed.incrementAndGet();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + count + " posts failed (last status " + lastStatus.get() + ")");
        }
    }

    /** Waits until {@code count} reaches {@code target} or {@code timeout} passes; answers the last count. */
    public static long awaitCount(LongSupplier count, long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long now = count.getAsLong();
        while (now < target && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = count.getAsLong();
        }
        return now;
    }

    /** A background thread that runs its rounds until closed, pausing 100 ms after a round in which none had work. */
    public static final class Approver implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger approved = new AtomicInteger();
        private final Thread thread;

        /** Each round approves what is open and answers how many it approved. */
        public Approver(List<IntSupplier> rounds) {
            thread = new Thread(() -> {
                while (running.get()) {
                    int done = 0;
                    for (IntSupplier round : rounds) {
                        try {
                            done += round.getAsInt();
                        } catch (RuntimeException e) {
                            // e.g. a task completed meanwhile: the next round sees the current state
                            System.err.println("approver: " + e);
                        }
                    }
                    approved.addAndGet(done);
                    if (done == 0 && !pause()) {
                        return;
                    }
                }
            }, "benchmark-approver");
            thread.start();
        }

        /** CheckupFlow's open "Review report" tasks approved as drafted by a physician, as the Tasklist does. */
        public static IntSupplier reviews(TaskService tasks, String physician) {
            return () -> {
                int done = 0;
                for (Task review : tasks.createTaskQuery().taskDefinitionKey(Activities.REVIEW_REPORT).listPage(0, 50)) {
                    try {
                        ReviewTasks.approveAsDrafted(tasks, review, physician);
                        done++;
                    } catch (RuntimeException raced) {
                        // claimed or completed meanwhile; the next round sees the current state
                    }
                }
                return done;
            };
        }

        public int approved() {
            return approved.get();
        }

        private static boolean pause() {
            try {
                Thread.sleep(100);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
