package com.checkupflow;

import java.util.Properties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class CheckupFlowApplication {

    /** The JDK's per-thread cache of temporary direct buffers keeps no buffer larger than this (bytes). */
    static final String MAX_CACHED_BUFFER_SIZE = "jdk.nio.maxCachedBufferSize";
    static final String CACHED_BUFFER_LIMIT = "65536";

    public static void main(String[] args) {
        limitCachedDirectBuffers(System.getProperties());
        // The worker profile is another application of the same jar: no engine, no web server (docs/robustness.md).
        SpringApplication.run(RemoteWorkerApplication.requested(args) ? RemoteWorkerApplication.class
                : CheckupFlowApplication.class, args);
    }

    /**
     * H2 writes its file in the committing thread (WRITE_DELAY=0) from heap buffers, which the JDK copies through a
     * temporary direct buffer that each thread keeps at the largest size it ever wrote, unbounded by default: with ~30
     * committing threads (job executor, HTTP, model workers) 12-15 MB outside the heap (docs/benchmarks.md 8.2, 10.5).
     * H2's commits write 8-32 KB and stay cached; the rare larger chunk gets a buffer of its own, freed after the write.
     * Set before the first channel I/O (the JDK reads it once); a limit given on the command line wins.
     */
    static void limitCachedDirectBuffers(Properties system) {
        system.putIfAbsent(MAX_CACHED_BUFFER_SIZE, CACHED_BUFFER_LIMIT);
    }
}
