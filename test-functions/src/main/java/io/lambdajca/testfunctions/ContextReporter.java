package io.lambdajca.testfunctions;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;

/**
 * A plain method handler ({@code io.lambdajca.testfunctions.ContextReporter::report}) that reports what the runtime
 * gave it: its context, its client context, an environment variable, and what it was sent. It logs through both the
 * Lambda logger and standard output.
 */
public class ContextReporter {

    public Map<String, Object> report(Map<String, Object> input, Context context) {
        context.getLogger().log("reporting for " + context.getFunctionName());
        System.out.println("stdout line from " + context.getAwsRequestId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("input", input);
        out.put("functionName", context.getFunctionName());
        out.put("functionVersion", context.getFunctionVersion());
        out.put("invokedFunctionArn", context.getInvokedFunctionArn());
        out.put("requestId", context.getAwsRequestId());
        out.put("memoryLimitInMB", context.getMemoryLimitInMB());
        out.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        out.put("greeting", System.getenv("GREETING"));
        out.put("envFunctionName", System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        ClientContext cc = context.getClientContext();
        if (cc != null) {
            out.put("clientCustom", cc.getCustom());
            out.put("clientEnvironment", cc.getEnvironment());
        }
        return out;
    }
}
