package io.lambdajca.testfunctions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Counts the invocations each handler instance (each execution environment) has served, and reports the instance, its
 * count, the tenant id and the version it runs: tests see whether two invocations shared an environment.
 */
public class CountingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final String instance = UUID.randomUUID().toString();
    private int count;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        count++;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instance", instance);
        out.put("count", count);
        out.put("tenantId", context.getTenantId());
        out.put("functionVersion", context.getFunctionVersion());
        out.put("invokedFunctionArn", context.getInvokedFunctionArn());
        return out;
    }
}
