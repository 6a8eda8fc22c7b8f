package io.lambdajca.local.runtime;

import java.util.regex.Pattern;

import io.lambdajca.local.Violations;

/**
 * The constraints Lambda's front end checks on a function's configuration members (shapes RoleArn, Handler,
 * Description, Timeout, MemorySize), before anything looks the function up: each violation is added to the request's
 * others, to be reported with them in one ValidationException. CreateFunction, UpdateFunctionConfiguration,
 * PublishVersion and the alias operations check them here, and so do the functions deployed with the endpoint.
 */
public final class ConfigurationConstraints {

    /** Model shape RoleArn, as AWS quotes it (recorded: test_create_lambda_exceptions, "invalid_role_arn_exc"). */
    static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    /** Model shape Handler: at most 128 characters without white space (so not empty either). */
    static final Pattern HANDLER = Pattern.compile("[^\\s]+");
    static final int MAX_HANDLER = 128;
    /** Model shape Description: at most 256 characters. */
    public static final int MAX_DESCRIPTION = 256;
    /**
     * Timeout: the model gives only its minimum (its maximum depends on a capacity provider, which local-lambda does
     * not have); Lambda's 900 seconds is reported as a violation of the same form ("Value '3000' at 'timeout' failed to
     * satisfy constraint: Member must have value less than or equal to 900", users' reports of AWS's answer).
     */
    static final int MIN_TIMEOUT = 1;
    static final int MAX_TIMEOUT = 900;
    /**
     * MemorySize: the model's minimum; its maximum (32,768) is that of capacity providers, and AWS reports a function's
     * 10,240 in the same form ("Value '5555555' at 'memorySize' failed to satisfy constraint: Member must have value
     * less than or equal to 10240", users' reports of AWS's answer).
     */
    static final int MIN_MEMORY = 128;
    static final int MAX_MEMORY = 10_240;

    private ConfigurationConstraints() {
    }

    /**
     * Adds the violations of a configuration's members; null ones (role, handler, description) are absent, which is
     * for the caller to refuse when the operation requires them.
     *
     * @return {@code violations}
     */
    public static Violations check(FunctionRegistry.Spec spec, Violations violations) {
        return check(spec.role, spec.handler, spec.description, spec.timeoutSeconds, spec.memorySizeMb, violations);
    }

    /**
     * Adds the violations of these members of a request; a null one is absent (none for it).
     *
     * @return {@code violations}
     */
    public static Violations check(String role, String handler, String description, Integer timeout,
            Integer memorySize, Violations violations) {
        return description(description, violations)
                .pattern(role, "role", ROLE)
                .string(handler, "handler", 0, MAX_HANDLER, HANDLER)
                .range(timeout == null ? null : timeout.longValue(), "timeout", MIN_TIMEOUT, MAX_TIMEOUT)
                .range(memorySize == null ? null : memorySize.longValue(), "memorySize", MIN_MEMORY, MAX_MEMORY);
    }

    /**
     * Adds the violation of a {@code Description} (null: absent), the model's shape on CreateFunction,
     * UpdateFunctionConfiguration, PublishVersion, CreateAlias and UpdateAlias.
     *
     * @return {@code violations}
     */
    public static Violations description(String description, Violations violations) {
        return violations.length(description, "description", 0, MAX_DESCRIPTION);
    }
}
