package io.lambdajca.testfunctions;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Busy-loops for {@code spinMillis}, ignoring interrupts: the kind of handler a timeout cannot stop politely. */
public class SpinHandler implements RequestHandler<Map<String, Object>, String> {

    /** Set while a spin is in progress, so tests can see whether an abandoned handler is still running. */
    public static final AtomicBoolean SPINNING = new AtomicBoolean();

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        long millis = ((Number) input.getOrDefault("spinMillis", 1000)).longValue();
        long end = System.nanoTime() + millis * 1_000_000L;
        SPINNING.set(true);
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        SPINNING.set(false);
        return "spun " + spins;
    }
}
