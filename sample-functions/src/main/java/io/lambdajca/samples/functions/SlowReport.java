package io.lambdajca.samples.functions;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Takes {@code seconds} (default 2) to build a report: shows durations, timeouts and asynchronous invocations. */
public class SlowReport implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        long seconds = input != null && input.get("seconds") instanceof Number
                ? ((Number) input.get("seconds")).longValue() : 2;
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("report interrupted", e);
        }
        return Map.of("report", "done", "seconds", seconds, "remainingMillis", context.getRemainingTimeInMillis());
    }
}
