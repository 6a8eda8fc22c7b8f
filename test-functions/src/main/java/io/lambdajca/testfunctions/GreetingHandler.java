package io.lambdajca.testfunctions;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Greets {@code name} with the GREETING environment variable (default "Hello"). */
public class GreetingHandler implements RequestHandler<Map<String, String>, String> {

    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        String greeting = System.getenv("GREETING");
        return (greeting == null ? "Hello" : greeting) + ", " + input.getOrDefault("name", "world") + "!";
    }
}
