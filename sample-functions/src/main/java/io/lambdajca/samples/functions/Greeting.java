package io.lambdajca.samples.functions;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Greets {@code name}: {@code {"name":"Ada"}} gives {@code {"message":"Hello, Ada!","version":"$LATEST"}}. GREETING
 * changes the word; {@code version} is the version that ran (its context's), so each published version answers
 * differently even with the same code.
 */
public class Greeting implements RequestHandler<Map<String, String>, Map<String, String>> {

    @Override
    public Map<String, String> handleRequest(Map<String, String> input, Context context) {
        String name = input == null ? null : input.get("name");
        if (name == null || name.isBlank()) {
            name = "world";
        }
        String word = System.getenv("GREETING");
        context.getLogger().log("greeting " + name);
        return Map.of("message", (word == null ? "Hello" : word) + ", " + name + "!",
                "version", context.getFunctionVersion());
    }
}
