package io.lambdajca.testfunctions;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Always fails with an {@link IllegalStateException} whose message includes the input's "reason". */
public class FailingHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        System.out.println("about to fail");
        throw new IllegalStateException("failed on purpose: " + input.get("reason"));
    }
}
