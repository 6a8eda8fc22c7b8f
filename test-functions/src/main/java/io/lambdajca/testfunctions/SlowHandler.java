package io.lambdajca.testfunctions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Sleeps {@code sleepMillis}, counting how many times it started. {@code {"op":"count"}} returns the count without
 * sleeping (and without counting itself); {@code {"op":"reset"}} sets it to zero. The count lives in the function's
 * execution environment, so it shows how often the endpoint really ran the function.
 */
public class SlowHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MAX_RUNNING = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object op = input.get("op");
        Map<String, Object> out = new LinkedHashMap<>();
        if ("count".equals(op)) {
            out.put("started", STARTED.get());
            out.put("maxRunning", MAX_RUNNING.get());
            return out;
        }
        if ("reset".equals(op)) {
            STARTED.set(0);
            MAX_RUNNING.set(0);
            out.put("started", 0);
            return out;
        }
        STARTED.incrementAndGet();
        int running = RUNNING.incrementAndGet();
        MAX_RUNNING.accumulateAndGet(running, Math::max);
        try {
            long millis = ((Number) input.getOrDefault("sleepMillis", 100)).longValue();
            Thread.sleep(millis);
            out.put("slept", millis);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            RUNNING.decrementAndGet();
        }
    }
}
