package io.lambdajca.local.http;

import java.util.Map;

import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.ConfigurationConstraints;
import io.lambdajca.local.runtime.FunctionRegistry;
import jakarta.json.JsonObject;

/**
 * The configuration members CreateFunction and UpdateFunctionConfiguration share (Role, Handler, Description,
 * Timeout, MemorySize, Runtime, Environment), read once and the same way for both: a member the request does not have
 * is null here, and keeps the setting's value when applied onto a function's settings. The front end checks the
 * request's own members before the function is looked up.
 */
final class ConfigurationRequest {

    private final String role;
    private final String handler;
    private final String description;
    private final Integer timeout;
    private final Integer memorySize;
    private final String runtime;
    /** Null when the request has no Environment object. */
    private final Map<String, String> environment;

    private ConfigurationRequest(JsonObject req) {
        role = FunctionsEndpoint.string(req, "Role", null);
        handler = FunctionsEndpoint.string(req, "Handler", null);
        description = FunctionsEndpoint.string(req, "Description", null);
        timeout = FunctionsEndpoint.integer(req, "Timeout", null);
        memorySize = FunctionsEndpoint.integer(req, "MemorySize", null);
        runtime = FunctionsEndpoint.string(req, "Runtime", null);
        environment = req.get("Environment") instanceof JsonObject ? FunctionsEndpoint.environment(req) : null;
    }

    /** The request's members; a member of the wrong JSON type is refused here. */
    static ConfigurationRequest read(JsonObject req) {
        return new ConfigurationRequest(req);
    }

    /**
     * Adds the violations of the request's own members ({@link ConfigurationConstraints}).
     *
     * @return {@code violations}
     */
    Violations check(Violations violations) {
        return ConfigurationConstraints.check(role, handler, description, timeout, memorySize, violations);
    }

    /** Sets the request's members on {@code spec} and returns it. */
    FunctionRegistry.Spec applyTo(FunctionRegistry.Spec spec) {
        spec.role = role == null ? spec.role : role;
        spec.handler = handler == null ? spec.handler : handler;
        spec.description = description == null ? spec.description : description;
        spec.timeoutSeconds = timeout == null ? spec.timeoutSeconds : timeout;
        spec.memorySizeMb = memorySize == null ? spec.memorySizeMb : memorySize;
        spec.runtime = runtime == null ? spec.runtime : runtime;
        if (environment != null) {
            spec.environment = environment;
            spec.environmentGiven = true;
        }
        return spec;
    }
}
