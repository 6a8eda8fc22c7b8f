package io.lambdajca.adapter.internal;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

/**
 * The payload's JSON check alone, at 24 B to 5 MB: JsonCheck (its fast pass) against the check it replaced (a
 * jakarta.json parser over the payload decoded into a String) and against its own explaining walk alone (the check
 * before the fast pass), time and allocated bytes per check. Figures printed, nothing asserted.
 * Run: {@code java -cp adapter/target/classes:adapter/target/test-classes:<test class path>
 * io.lambdajca.adapter.internal.JsonCheckBenchmark}.
 */
public final class JsonCheckBenchmark {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    public static void main(String[] args) {
        int[] sizes = {24, 4 * 1024, 64 * 1024, 1024 * 1024, 5 * 1024 * 1024};
        System.out.printf("%-8s %14s %14s %14s %14s %14s %9s %9s%n", "size", "parser ns/op", "walk ns/op",
                "check ns/op", "parser B/op", "check B/op", "vs parser", "vs walk");
        for (int size : sizes) {
            bench(label(size), payload(size));
        }
        System.out.println("text-heavy (records with a 400-byte text each):");
        for (int size : sizes) {
            bench(label(size), text(size));
        }
    }

    private static void bench(String label, byte[] payload) {
        if (JsonCheck.problem(payload) != null || parser(payload) != null) {
            throw new IllegalStateException("not JSON: " + JsonCheck.problem(payload));
        }
        int ops = (int) Math.max(5, Math.min(200_000, 400_000_000L / payload.length));
        for (Check check : Check.values()) {
            run(payload, ops, check); // warm-up
        }
        long[] parser = run(payload, ops, Check.PARSER);
        long[] walk = run(payload, ops, Check.WALK);
        long[] fast = run(payload, ops, Check.JSON_CHECK);
        System.out.printf("%-8s %14d %14d %14d %14d %14d %8.1fx %8.2fx%n", label, parser[0], walk[0], fast[0],
                parser[1], fast[1], (double) parser[0] / fast[0], (double) walk[0] / fast[0]);
    }

    private enum Check { PARSER, WALK, JSON_CHECK }

    /** ns/op and allocated bytes/op. */
    private static long[] run(byte[] payload, int ops, Check check) {
        long id = Thread.currentThread().getId();
        long bytes0 = THREADS.getThreadAllocatedBytes(id);
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            sink = switch (check) {
                case PARSER -> parser(payload);
                case WALK -> JsonCheck.explain(payload);
                case JSON_CHECK -> JsonCheck.problem(payload);
            };
        }
        long nanos = System.nanoTime() - t0;
        long bytes = THREADS.getThreadAllocatedBytes(id) - bytes0;
        return new long[] {nanos / ops, bytes / ops};
    }

    /** The check before: the decoded payload through a jakarta.json parser. */
    static String parser(byte[] payload) {
        try (JsonParser parser = JSON.createParser(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
            while (parser.hasNext()) {
                parser.next();
            }
            return null;
        } catch (JsonException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** A JSON array of small objects, as an event or a batch of records looks, of exactly {@code size} bytes. */
    static byte[] payload(int size) {
        if (size < 64) {
            String small = "{\"orderId\":\"o-1\",\"n\":1}";
            return (small + " ".repeat(Math.max(0, size - small.length()))).getBytes(StandardCharsets.UTF_8);
        }
        return fill("{\"id\":123456,\"name\":\"caf\u00e9 \\\"quoted\\\"\",\"ok\":true,\"price\":-1.5e3,"
                + "\"tags\":[\"a\",\"b\"]},", size);
    }

    /** A JSON array of the item (which ends with a comma) as often as it fits in {@code size}, padded with spaces. */
    private static byte[] fill(String item, int size) {
        StringBuilder b = new StringBuilder("[");
        int itemBytes = item.getBytes(StandardCharsets.UTF_8).length;
        for (int length = 1; length + itemBytes + 1 <= size; length += itemBytes) {
            b.append(item);
        }
        b.setLength(b.length() - 1);
        b.append(']');
        byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] exact = new byte[size];
        System.arraycopy(body, 0, exact, 0, body.length);
        java.util.Arrays.fill(exact, body.length, size, (byte) ' ');
        return exact;
    }

    /** An array of records, each with a 400-byte text, as logs or messages look, of exactly {@code size} bytes. */
    static byte[] text(int size) {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
                .repeat(5).substring(0, 400);
        return size < 512 ? payload(size) : fill("{\"id\":\"r-0001\",\"text\":\"" + text + "\"},", size);
    }

    private static String label(int size) {
        return size >= 1024 * 1024 ? size / (1024 * 1024) + " MB" : size >= 1024 ? size / 1024 + " KB" : size + " B";
    }
}
