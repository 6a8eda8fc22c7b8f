package io.lambdajca.it.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Inside the server: invokes of the echo function by 16 concurrent callers through the adapter (a pooled connection
 * per call) and through a raw SDK LambdaClient built by the application with the same HTTP client and settings, in the
 * same JVM, alternating rounds after a warm-up; plus the cost of getConnection()+close() and the first invoke.
 */
final class AdapterBenchmark {

    static final int CALLERS = 16;
    private static final String PAYLOAD = "{\"hello\":\"world\",\"n\":42}";

    private final LambdaConnectionFactory factory;
    private final ManagedThreadFactory threads;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final StringBuilder out = new StringBuilder();

    AdapterBenchmark(LambdaConnectionFactory factory, ManagedThreadFactory threads, URI endpoint, String accessKey,
            String secretKey) {
        this.factory = factory;
        this.threads = threads;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    String run(int warmupSeconds, int roundSeconds, int rounds) throws Exception {
        long t0 = System.nanoTime();
        long t1;
        try (LambdaConnection c = factory.getConnection()) {
            t1 = System.nanoTime();
            c.invoke(InvocationRequest.builder("echo").payload(PAYLOAD).build());
        }
        long t2 = System.nanoTime();
        line("first invoke through the adapter in this deployment: %.1f ms (first getConnection %.1f ms, invoke "
                + "%.1f ms)", (t2 - t0) / 1e6, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        long t3 = System.nanoTime();
        try (LambdaConnection c = factory.getConnection()) {
            c.invoke(InvocationRequest.builder("echo").payload(PAYLOAD).build());
        }
        line("second invoke: %.1f ms", (System.nanoTime() - t3) / 1e6);

        long[] cycle = new long[200_000];
        for (int i = 0; i < cycle.length; i++) {
            long s = System.nanoTime();
            factory.getConnection().close();
            cycle[i] = System.nanoTime() - s;
        }
        Arrays.sort(cycle);
        line("getConnection()+close(), one caller, 200000 times after warm-up: median %.2f us, p99 %.2f us",
                cycle[cycle.length / 2] / 1e3, cycle[(int) (cycle.length * 0.99)] / 1e3);

        try (LambdaClient raw = rawClient()) {
            Callable<Void> viaAdapter = () -> {
                try (LambdaConnection c = factory.getConnection()) {
                    if (c.invoke(InvocationRequest.builder("echo").payload(PAYLOAD).build()).statusCode() != 200) {
                        throw new IllegalStateException("invoke failed");
                    }
                }
                return null;
            };
            Callable<Void> viaSdk = () -> {
                // the payload wrapped on every call, as the adapter path builds its request on every call
                if (raw.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String(PAYLOAD)))
                        .statusCode() != 200) {
                    throw new IllegalStateException("invoke failed");
                }
                return null;
            };
            load(viaAdapter, warmupSeconds);
            load(viaSdk, warmupSeconds);
            Paired paired = paired(viaAdapter, viaSdk, rounds, roundSeconds, CALLERS);
            for (int r = 0; r < rounds; r++) {
                line("round %d: adapter %s | raw SDK %s", r + 1, paired.adapter().get(r), paired.sdk().get(r));
            }
            Result a = Result.median(paired.adapter());
            Result s = Result.median(paired.sdk());
            line("median of %d rounds, %d callers: adapter %s | raw SDK %s", rounds, CALLERS, a, s);
            line("RATIO throughput adapter/raw SDK: %.3f (ratio of the medians); per round %s",
                    a.perSecond / s.perSecond, paired.ratios());
            line("RATIO p50 added latency: %+.0f us; p99 added latency: %+.0f us", (a.p50 - s.p50) / 1e3,
                    (a.p99 - s.p99) / 1e3);
        }
        return out.toString();
    }

    /** The raw path: an SDK client the application builds itself, the adapter's HTTP client, no retries. */
    private LambdaClient rawClient() {
        return LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(50))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The sizes of the sweep: synchronous, and one Event size (Event payloads are at most 1 MB). */
    static final int[] SYNC_SIZES = {24, 4 * 1024, 64 * 1024, 1024 * 1024, 5 * 1024 * 1024};
    static final int EVENT_SIZE = 256 * 1024;

    /**
     * What a payload-size sweep runs. {@code only}: the cases to run, by size in bytes and {@code event} for the Event
     * case; empty for all (a profile of some sizes). {@code text}: records with a 400-byte text each instead of small
     * objects (the JSON check's cheapest shape against its dearest). {@code callers}: the concurrent callers of the
     * measured rounds; with one, the latencies are the invokes' own, without a queue for the two cores.
     */
    record Sweep(int warmupSeconds, int smallRoundSeconds, int largeRoundSeconds, int rounds, List<String> only,
            boolean text, int callers) {

        /** From the benchmark servlet's query parameters, as {@code AdapterBenchmarkIT} writes them. */
        static Sweep of(Function<String, String> parameter) {
            return new Sweep(Integer.parseInt(parameter.apply("warmup")),
                    Integer.parseInt(parameter.apply("smallRound")), Integer.parseInt(parameter.apply("largeRound")),
                    Integer.parseInt(parameter.apply("rounds")),
                    Arrays.stream(parameter.apply("sizes").split(",")).map(String::trim).filter(x -> !x.isEmpty())
                            .toList(),
                    "text".equals(parameter.apply("shape")), Integer.parseInt(parameter.apply("callers")));
        }
    }

    /**
     * The payload-size sweep: per size, the echo function (which answers its payload, so the response is as large as
     * the request) through the adapter and through the raw SDK, alternating rounds after a warm-up, with the heap's
     * peak during each round (sampled every 5 ms, above the heap used after a GC before the round), and the peak of the
     * heap in use just after each of the round's collections (what the callers kept alive: what the load needs).
     */
    String sweep(Sweep settings) throws Exception {
        line("payload-size sweep, %s, %d callers, %d rounds after %d s warm-up per side, %d s rounds up to 64 KB and "
                + "%d s above; cores %d, load average %.2f at start", settings.text() ? "records with 400-byte texts"
                : "small objects", settings.callers(), settings.rounds(), settings.warmupSeconds(),
                settings.smallRoundSeconds(), settings.largeRoundSeconds(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (LambdaClient raw = rawClient()) {
            List<Object[]> cases = new ArrayList<>();
            for (int size : SYNC_SIZES) {
                cases.add(new Object[] {size, InvocationType.REQUEST_RESPONSE});
            }
            cases.add(new Object[] {EVENT_SIZE, InvocationType.EVENT});
            for (Object[] c : cases) {
                int size = (Integer) c[0];
                if (!settings.only().isEmpty()
                        && !settings.only().contains(c[1] == InvocationType.EVENT ? "event" : c[0].toString())) {
                    continue;
                }
                sweepOne(raw, settings.text() ? text(size) : payload(size), (InvocationType) c[1], settings,
                        size <= 64 * 1024 ? settings.smallRoundSeconds() : settings.largeRoundSeconds());
            }
        }
        line("SWEEP ratio = adapter/raw SDK invokes per second, median of the rounds' ratios [lowest, highest round]");
        return out.toString();
    }

    private void sweepOne(LambdaClient raw, byte[] json, InvocationType type, Sweep settings, int roundSeconds)
            throws Exception {
        int size = json.length;
        int expected = type == InvocationType.EVENT ? 202 : 200;
        Callable<Void> viaAdapter = () -> {
            try (LambdaConnection c = factory.getConnection()) {
                var result = c.invoke(InvocationRequest.builder("echo").payload(json).invocationType(type).build());
                if (result.statusCode() != expected || type == InvocationType.REQUEST_RESPONSE
                        && result.payload().length != size) { // the application's copy
                    throw new IllegalStateException("invoke failed: " + result);
                }
            }
            return null;
        };
        Callable<Void> viaSdk = () -> {
            // as an application writes it: its bytes copied into the SDK's type on every call (as the adapter path
            // copies them into its request), the type only when it is not the default (the adapter sends it so too)
            var r = raw.invoke(b -> b.functionName("echo").payload(SdkBytes.fromByteArray(json))
                    .invocationType(type == InvocationType.EVENT ? type.wireName() : null));
            if (r.statusCode() != expected || type == InvocationType.REQUEST_RESPONSE
                    && r.payload().asByteArray().length != size) { // the application's copy, as with the adapter
                throw new IllegalStateException("invoke failed: " + r.statusCode());
            }
            return null;
        };
        int warmups = warmUntilCompiled(viaAdapter, viaSdk, settings.warmupSeconds());
        long compiledBefore = compiledMillis();
        Paired paired = paired(viaAdapter, viaSdk, settings.rounds(), roundSeconds, settings.callers());
        long compiledDuring = compiledMillis() - compiledBefore;
        Result a = Result.median(paired.adapter());
        Result s = Result.median(paired.sdk());
        String label = (size >= 1024 * 1024 ? size / (1024 * 1024) + " MB" : size >= 1024 ? size / 1024 + " KB"
                : size + " B") + " " + type.wireName();
        line("%s: adapter %s, heap peak %s | raw SDK %s, heap peak %s", label, a,
                mb(median(paired.adapter(), r -> r.heapPeak)), s, mb(median(paired.sdk(), r -> r.heapPeak)));
        line("SWEEP %-22s heap in use after a collection, its peak in a round, median of the rounds: adapter %s, raw "
                + "SDK %s (collections per round: %d / %d)", label,
                mb(median(paired.adapter(), r -> r.liveAfterGcPeak)), mb(median(paired.sdk(), r -> r.liveAfterGcPeak)),
                Math.round(median(paired.adapter(), r -> r.collections)),
                Math.round(median(paired.sdk(), r -> r.collections)));
        line("%s: %d warm-up pairs of %d s per side (until the JIT compiled less than %.0f%% of a pair's time); JIT "
                + "compiling %d ms during the %d measured rounds of %d s", label, warmups, settings.warmupSeconds(),
                QUIET_JIT_SHARE * 100, compiledDuring, 2 * settings.rounds(), roundSeconds);
        line("SWEEP %-22s ratio %s; added latency, median of the rounds' differences: p50 %+.0f us, p99 %+.0f us",
                label, paired.ratios(), paired.added(r -> r.p50) / 1e3, paired.added(r -> r.p99) / 1e3);
        double cpuA = median(paired.adapter(), r -> r.callerCpuMicros);
        double cpuS = median(paired.sdk(), r -> r.callerCpuMicros);
        double cpuAdded = paired.added(r -> r.callerCpuMicros);
        double allocatedA = median(paired.adapter(), r -> r.callerAllocated);
        double allocatedS = median(paired.sdk(), r -> r.callerAllocated);
        line("SWEEP %-22s callers' own CPU per invoke, median of the rounds: adapter %.1f us, raw SDK %.1f us, "
                + "added %+.1f us (%+.1f%%, median difference); allocated per invoke: adapter %.1f KB, raw "
                + "SDK %.1f KB, added %.2f times the payload", label, cpuA, cpuS, cpuAdded, cpuAdded / cpuS * 100,
                allocatedA / 1024, allocatedS / 1024, (allocatedA - allocatedS) / size);
        line("SWEEP %-22s the server's CPU per invoke, median of the rounds, adapter / raw SDK: its process %.1f / "
                + "%.1f us, of which the garbage collector's threads %.1f / %.1f us and the JIT's %.1f / %.1f us",
                label, median(paired.adapter(), r -> r.serverCpuMicros), median(paired.sdk(), r -> r.serverCpuMicros),
                median(paired.adapter(), r -> r.gcMicros), median(paired.sdk(), r -> r.gcMicros),
                median(paired.adapter(), r -> r.jitMicros), median(paired.sdk(), r -> r.jitMicros));
    }

    /** A warm-up pair in which the JIT compiles for less than this share of its time leaves both paths compiled. */
    static final double QUIET_JIT_SHARE = 0.02;
    private static final int MAX_WARMUPS = 8;

    /**
     * Both paths in turn, {@code seconds} each, until the JIT compiles for less than {@value #QUIET_JIT_SHARE} of a
     * pair's time (at most {@value #MAX_WARMUPS} pairs): a measured round that still compiles pays for the compiling
     * threads on the same two cores, and the first sizes of the sweep did (24 B came out at 0.86 after a fixed 10 s
     * warm-up). The server's JIT never quite stops (methods shared by both paths are recompiled as their type
     * profiles change), so the sweep prints what it compiled during the measured rounds. The number of pairs it took.
     */
    private int warmUntilCompiled(Callable<Void> viaAdapter, Callable<Void> viaSdk, int seconds) throws Exception {
        for (int pairs = 1; ; pairs++) {
            long before = compiledMillis();
            load(viaAdapter, seconds);
            load(viaSdk, seconds);
            if (compiledMillis() - before < QUIET_JIT_SHARE * 2 * seconds * 1000 || pairs == MAX_WARMUPS) {
                return pairs;
            }
        }
    }

    /** The JIT's compiling time so far, in milliseconds (0 where the JVM does not count it). */
    private static long compiledMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** A figure's median over the rounds (not its value in the round of median throughput). */
    private static double median(List<Result> results, ToDoubleFunction<Result> figure) {
        double[] sorted = results.stream().mapToDouble(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** Rounds of the adapter's path and the raw SDK's, and the ratio of their invokes/s in each round. */
    record Paired(List<Result> adapter, List<Result> sdk, double[] ratio) {

        /** The median of the rounds' ratios, [lowest, highest], and every round's. */
        String ratios() {
            double[] sorted = ratio.clone();
            Arrays.sort(sorted);
            return String.format("%.3f [%.3f, %.3f] rounds %s", sorted[sorted.length / 2], sorted[0],
                    sorted[sorted.length - 1],
                    Arrays.toString(Arrays.stream(ratio).map(x -> Math.round(x * 1000) / 1000.0).toArray()));
        }

        /**
         * The median over the rounds of the adapter's figure minus the raw SDK's in the same pair of rounds: steadier
         * than the difference between the two medians, since the machine's speed drifts between pairs.
         */
        double added(ToDoubleFunction<Result> figure) {
            double[] sorted = IntStream.range(0, ratio.length)
                    .mapToDouble(i -> figure.applyAsDouble(adapter.get(i)) - figure.applyAsDouble(sdk.get(i)))
                    .sorted().toArray();
            return sorted[sorted.length / 2];
        }
    }

    /**
     * {@code rounds} pairs of rounds, each side going first in every other pair: the side that ran second in every
     * pair came out up to 1.5 times faster at large payloads, so a fixed order biases the ratio.
     */
    Paired paired(Callable<Void> viaAdapter, Callable<Void> viaSdk, int rounds, int seconds, int callers)
            throws Exception {
        List<Result> adapter = new ArrayList<>();
        List<Result> sdk = new ArrayList<>();
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                adapter.add(load(viaAdapter, seconds, callers));
                sdk.add(load(viaSdk, seconds, callers));
            } else {
                sdk.add(load(viaSdk, seconds, callers));
                adapter.add(load(viaAdapter, seconds, callers));
            }
            ratio[r] = adapter.get(r).perSecond / sdk.get(r).perSecond;
        }
        return new Paired(adapter, sdk, ratio);
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    /** A JSON array of small objects padded with spaces to exactly {@code size} bytes. */
    static byte[] payload(int size) {
        return items("{\"id\":123456,\"name\":\"order \\\"x\\\"\",\"ok\":true,\"price\":-1.5e3},", size);
    }

    /** A JSON array of records with a 400-byte text each, padded with spaces to exactly {@code size} bytes. */
    static byte[] text(int size) {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
                .repeat(5).substring(0, 400);
        return items("{\"id\":\"r-0001\",\"text\":\"" + text + "\"},", size);
    }

    /** The item (ASCII, ending with a comma) as often as it fits in an array of {@code size} bytes, then spaces. */
    private static byte[] items(String item, int size) {
        String small = "{\"hello\":\"world\",\"n\":42}";
        if (size <= small.length() || size < item.length() + 2) {
            return small.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder(size).append('[');
        while (b.length() + item.length() + 1 <= size) {
            b.append(item);
        }
        b.setLength(b.length() - 1);
        b.append(']');
        while (b.length() < size) {
            b.append(' ');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Result load(Callable<Void> call, int seconds) throws Exception {
        return load(call, seconds, CALLERS);
    }

    /**
     * {@code callers} concurrent callers, each on a managed thread of its own, for {@code seconds}: invokes/s, p50,
     * p99, heap peak, CPU per invoke.
     */
    Result load(Callable<Void> call, int seconds, int callers) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // each caller's latencies (8 MB), allocated before the baseline so that the heap figures leave them out
        long[][] latencies = new long[callers][1 << 20];
        memory.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AfterGc afterGc = new AfterGc(baseline);
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                afterGc.sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        com.sun.management.ThreadMXBean threadCpu = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        AtomicLong callersCpu = new AtomicLong();
        AtomicLong callersAllocated = new AtomicLong();
        CpuTime cpuBefore = CpuTime.now();
        long start = System.nanoTime();
        // one managed thread per caller: the server's default executor runs only as many tasks at once as its core
        // threads (derived from the processor count), and the others would start only after the round
        List<FutureTask<long[]>> callersDone = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            long[] lat = latencies[i];
            FutureTask<long[]> caller = new FutureTask<>(() -> {
                int n = 0;
                long cpuStart = threadCpu.getCurrentThreadCpuTime();
                long allocatedStart = threadCpu.getCurrentThreadAllocatedBytes();
                while (!stop.get()) {
                    long s = System.nanoTime();
                    call.call();
                    if (n < lat.length) {
                        lat[n] = System.nanoTime() - s;
                    }
                    n++;
                }
                callersCpu.addAndGet(threadCpu.getCurrentThreadCpuTime() - cpuStart);
                callersAllocated.addAndGet(threadCpu.getCurrentThreadAllocatedBytes() - allocatedStart);
                return Arrays.copyOf(lat, Math.min(n, lat.length));
            });
            callersDone.add(caller);
            threads.newThread(caller).start();
        }
        Thread.sleep(seconds * 1000L); // the round's length, not a synchronisation
        stop.set(true);
        sampler.join();
        afterGc.sample();
        List<long[]> all = new ArrayList<>();
        int total = 0;
        for (Future<long[]> f : callersDone) {
            long[] l = f.get();
            all.add(l);
            total += l.length;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        CpuTime cpu = CpuTime.now().minus(cpuBefore);
        long[] merged = new long[total];
        int at = 0;
        for (long[] l : all) {
            System.arraycopy(l, 0, merged, at, l.length);
            at += l.length;
        }
        Arrays.sort(merged);
        return new Result(total / elapsed, merged[total / 2], merged[(int) (total * 0.99)], peak.get() - baseline,
                afterGc.peak() - baseline, afterGc.collections(),
                cpu.processNanos() / 1e3 / total, cpu.machineNanos() / 1e3 / total, callersCpu.get() / 1e3 / total,
                (double) callersAllocated.get() / total, cpu.gcNanos() / 1e3 / total,
                cpu.jitNanos() / 1e3 / total);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /**
     * The heap in use just after each collection that ran since this was made, at its highest: the heap pools' use in
     * the collector's own record of its newest collection, read by {@link #sample} when the collector's count has moved
     * (one sample every few milliseconds sees every collection of a round but those that follow another of the same
     * collector within the interval).
     */
    private static final class AfterGc {

        private final List<GarbageCollectorMXBean> collectors = ManagementFactory
                .getPlatformMXBeans(GarbageCollectorMXBean.class);
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        /** Each collector's count when this was made, and when it was last sampled. */
        private final long[] start = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .toArray();
        private final long[] seen = start.clone();
        private long peak;

        /** @param baseline the heap in use when no collection has run since (the peak's least value) */
        AfterGc(long baseline) {
            this.peak = baseline;
        }

        /** Called by one thread at a time (the sampler, then the round's thread after joining it). */
        void sample() {
            for (int i = 0; i < seen.length; i++) {
                long count = collectors.get(i).getCollectionCount();
                if (count == seen[i]) {
                    continue; // no new collection: the collector's record is not read (it is built on each read)
                }
                seen[i] = count;
                GcInfo last = collectors.get(i).getLastGcInfo();
                if (last != null) {
                    long used = last.getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    peak = Math.max(peak, used);
                }
            }
        }

        long peak() {
            return peak;
        }

        long collections() {
            long n = 0;
            for (int i = 0; i < start.length; i++) {
                n += collectors.get(i).getCollectionCount() - start[i];
            }
            return n;
        }
    }

    /** Throughput and latency of one round. */
    static final class Result {
        final double perSecond;
        final long p50;
        final long p99;
        /** The heap's peak above its use after a GC before the round. */
        final long heapPeak;
        /** The heap in use just after the round's collections, at its highest, above the same baseline. */
        final long liveAfterGcPeak;
        /** How many collections ran during the round. */
        final long collections;
        /** CPU time per invoke, in microseconds: of this server's process, and of the whole machine (both sides). */
        final double serverCpuMicros;
        final double machineCpuMicros;
        /**
         * The callers' own CPU time per invoke, in microseconds (the threads' CPU clocks): what each path costs on the
         * calling thread, without the server's other threads, the JIT or waiting for a core.
         */
        final double callerCpuMicros;
        /** The bytes the callers' threads allocated per invoke, every copy of the payload each path makes included. */
        final double callerAllocated;
        /** The CPU time of the server's garbage collector and JIT threads per invoke, in microseconds. */
        final double gcMicros;
        final double jitMicros;

        Result(double perSecond, long p50, long p99, long heapPeak, long liveAfterGcPeak, long collections,
                double serverCpuMicros, double machineCpuMicros, double callerCpuMicros, double callerAllocated,
                double gcMicros, double jitMicros) {
            this.perSecond = perSecond;
            this.p50 = p50;
            this.p99 = p99;
            this.heapPeak = heapPeak;
            this.liveAfterGcPeak = liveAfterGcPeak;
            this.collections = collections;
            this.serverCpuMicros = serverCpuMicros;
            this.machineCpuMicros = machineCpuMicros;
            this.callerCpuMicros = callerCpuMicros;
            this.callerAllocated = callerAllocated;
            this.gcMicros = gcMicros;
            this.jitMicros = jitMicros;
        }

        static Result median(List<Result> results) {
            List<Result> sorted = new ArrayList<>(results);
            sorted.sort((x, y) -> Double.compare(x.perSecond, y.perSecond));
            return sorted.get(sorted.size() / 2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f invokes/s, p50 %.0f us, p99 %.0f us, CPU per invoke %.0f us "
                    + "(server) %.0f us (machine) %.1f us (callers), allocated per invoke %.1f KB (callers)",
                    perSecond, p50 / 1e3, p99 / 1e3, serverCpuMicros, machineCpuMicros, callerCpuMicros,
                    callerAllocated / 1024);
        }
    }
}
