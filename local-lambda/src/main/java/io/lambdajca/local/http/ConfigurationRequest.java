package io.lambdajca.local.http;

import io.lambdajca.local.runtime.FunctionRegistry;
import jakarta.json.JsonObject;

/**
 * The configuration members CreateFunction and UpdateFunctionConfiguration share (Role, Handler, Description,
 * Timeout, MemorySize, Runtime, Environment), read the same way for both: onto a function's settings, a member the
 * request does not have keeping the setting's value. Read onto fresh settings, they are the request's own, which the
 * front end checks before the function is looked up.
 */
final class ConfigurationRequest {

    private ConfigurationRequest() {
    }

    /** Sets the request's members on {@code spec} and returns it. */
    static FunctionRegistry.Spec apply(JsonObject req, FunctionRegistry.Spec spec) {
        spec.role = FunctionsEndpoint.string(req, "Role", spec.role);
        spec.handler = FunctionsEndpoint.string(req, "Handler", spec.handler);
        spec.description = FunctionsEndpoint.string(req, "Description", spec.description);
        spec.timeoutSeconds = FunctionsEndpoint.integer(req, "Timeout", spec.timeoutSeconds);
        spec.memorySizeMb = FunctionsEndpoint.integer(req, "MemorySize", spec.memorySizeMb);
        spec.runtime = FunctionsEndpoint.string(req, "Runtime", spec.runtime);
        if (req.get("Environment") instanceof JsonObject) {
            spec.environment = FunctionsEndpoint.environment(req);
            spec.environmentGiven = true;
        }
        return spec;
    }
}
