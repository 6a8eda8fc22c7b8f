package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import jakarta.resource.ResourceException;

/**
 * streamFunctions() over 100, 1,000 and 10,000 functions on the local endpoint: the functions per second it reads at
 * each count (printed, not asserted), and the heap it holds while it streams, which must stay far below what a list of
 * all the functions holds: it reads one page of 50 at a time.
 */
class ListFunctionsGrowthTest {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @TempDir
    static Path dir;
    private static LocalLambda lambda;
    private static DirectConnection direct;
    private static LambdaConnection connection;
    private static Path code;

    @BeforeAll
    static void connect() throws ResourceException, IOException {
        lambda = LocalLambda.builder().port(0).workDir(dir.resolve("work")).build().start();
        direct = DirectConnection.to(lambda, mcf -> { });
        connection = direct.connection();
        code = dir.resolve("tiny.zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("example/Tiny.txt"));
            zip.write("tiny".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(code, bytes.toByteArray());
    }

    @AfterAll
    static void close() throws ResourceException {
        if (direct != null) {
            direct.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void streamFunctions_readsInConstantMemory_atAnyCount() {
        int deployed = 0;
        for (int count : new int[] {100, 1_000, 10_000}) {
            for (; deployed < count; deployed++) {
                lambda.deploy(FunctionDefinition.builder(String.format("fn-%05d", deployed), "example.Tiny::handle",
                        code).build());
            }
            connection.streamFunctions().count(); // warm-up
            long started = System.nanoTime();
            long counted = connection.streamFunctions().count();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(counted).isEqualTo(count);

            // held while streaming: the heap after a GC halfway through the stream, above the heap before it
            long before = usedAfterGc();
            AtomicLong halfway = new AtomicLong();
            AtomicLong seen = new AtomicLong();
            connection.streamFunctions().forEach(f -> {
                if (seen.incrementAndGet() == count / 2) {
                    halfway.set(usedAfterGc());
                }
            });
            long streaming = halfway.get() - before;
            // held by a list of them all, for comparison
            List<FunctionInfo> all = connection.streamFunctions().collect(Collectors.toList());
            long listed = usedAfterGc() - before;
            assertThat(all).hasSize(count);
            System.out.printf(Locale.ROOT, "streamFunctions over %,d functions: %,.0f functions/s (%.2f s); heap held "
                    + "while streaming %+.2f MB, by a list of all of them %+.2f MB%n", count, count / seconds, seconds,
                    streaming / 1048576.0, listed / 1048576.0);
            if (count == 10_000) {
                // buffering every function would hold as much as the list does; one page holds 50 of them
                assertThat(streaming).as("heap held while streaming 10,000 functions, against %d bytes for a list "
                        + "of them all", listed).isLessThan(listed / 4);
            }
        }
    }

    private static long usedAfterGc() {
        MEMORY.gc();
        MEMORY.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
