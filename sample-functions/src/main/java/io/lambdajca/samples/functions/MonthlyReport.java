package io.lambdajca.samples.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Streams a monthly sales report line by line, as a report generator that looks up one region after another would:
 * a title, one line per region (each {@code pauseMillis}, default 200, after the one before: the lookup the caller
 * watches arrive), and a last line that says the report is complete. Input: {@code {"month": "2026-11",
 * "pauseMillis": 200}}, both optional. Invoked with response streaming, the caller reads each line as it is
 * flushed; invoked plainly, it gets the whole report at the end.
 */
public class MonthlyReport implements RequestStreamHandler {

    static final List<String> REGIONS = List.of("Amsterdam", "Athens", "Barcelona", "Berlin", "Brussels",
            "Copenhagen", "Dublin", "Helsinki", "Lisbon", "Ljubljana", "Madrid", "Milan", "Oslo", "Paris", "Prague",
            "Stockholm", "Vienna", "Warsaw");
    private static final Pattern MONTH = Pattern.compile("\"month\"\\s*:\\s*\"(\\d{4}-\\d{2})\"");
    private static final Pattern PAUSE = Pattern.compile("\"pauseMillis\"\\s*:\\s*(\\d{1,5})");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String request = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String month = find(MONTH, request, "2026-11");
        long pauseMillis = Long.parseLong(find(PAUSE, request, "200"));
        line(output, "Monthly sales report for " + month);
        long orders = 0;
        long cents = 0;
        for (int i = 0; i < REGIONS.size(); i++) {
            pause(pauseMillis);
            // figures derived from the month and the region, so the same month always gives the same report
            long regionOrders = 100 + Math.floorMod((month + REGIONS.get(i)).hashCode(), 900);
            long regionCents = regionOrders * (2_500 + 37L * i);
            orders += regionOrders;
            cents += regionCents;
            line(output, String.format(Locale.ROOT, "%2d. %-10s %4d orders %,12.2f EUR", i + 1, REGIONS.get(i),
                    regionOrders, regionCents / 100.0));
        }
        pause(pauseMillis);
        line(output, String.format(Locale.ROOT, "Report complete: %d regions, %d orders, %,.2f EUR.",
                REGIONS.size(), orders, cents / 100.0));
    }

    private static String find(Pattern pattern, String request, String otherwise) {
        Matcher m = pattern.matcher(request);
        return m.find() ? m.group(1) : otherwise;
    }

    private static void line(OutputStream output, String text) throws IOException {
        output.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("report interrupted", e);
        }
    }
}
