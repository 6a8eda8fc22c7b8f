package io.lambdajca.local.http;

import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.Tenancy;
import jakarta.json.JsonObject;

/**
 * Request members about tenants and durable executions: CreateFunction's {@code TenancyConfig}, and Invoke's
 * {@code X-Amz-Durable-Execution-Name}, which only durable functions accept (local-lambda has none).
 */
final class TenancyRequests {

    /** Model shape DurableExecutionName: 1-64 characters of this pattern. */
    static final String DURABLE_NAME_PATTERN = "[a-zA-Z0-9-_]+";
    private static final Pattern DURABLE_NAME = Pattern.compile(DURABLE_NAME_PATTERN);
    private static final int MAX_DURABLE_NAME = 64;

    private TenancyRequests() {
    }

    /**
     * The TenancyConfig of a CreateFunction request; {@link Tenancy#NONE} when absent, or when it violates the model
     * (added to {@code violations}).
     */
    static Tenancy ofCreate(JsonObject req, Violations violations) {
        JsonObject config = FunctionsEndpoint.object(req, "TenancyConfig");
        if (config == null) {
            return Tenancy.NONE;
        }
        return Tenancy.of(FunctionsEndpoint.string(config, "TenantIsolationMode", null), true, violations);
    }

    /**
     * Adds the violations of {@code X-Amz-Durable-Execution-Name} (null: not given) of the model's shape
     * DurableExecutionName: Lambda's front end checks them, with the request's other members, before the function is
     * looked up.
     */
    static void checkDurableName(String name, Violations violations) {
        violations.string(name, "durableExecutionName", 1, MAX_DURABLE_NAME, DURABLE_NAME);
    }

    /**
     * Refuses {@code X-Amz-Durable-Execution-Name}, already checked against the model ({@link #checkDurableName}): no
     * function here is durable (created with DurableConfig). No answer of AWS to this case is recorded; the error is
     * local-lambda's choice.
     */
    static void refuseDurableName(String functionArn) {
        throw ApiException.invalidParameter("The function " + functionArn + " is not a durable function (it has no "
                + "DurableConfig): X-Amz-Durable-Execution-Name is only accepted by durable functions.");
    }
}
