package io.lambdajca.local.runtime;

import java.util.List;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.Violations;
import jakarta.json.JsonObjectBuilder;

/**
 * A function's tenant isolation ({@code TenancyConfig}, fixed at creation). With {@code PER_TENANT} every invocation
 * names a tenant ({@code X-Amz-Tenant-Id}) and runs in an execution environment of that tenant only.
 */
public final class Tenancy {

    /** No tenant isolation: the function's environments serve every caller. */
    public static final Tenancy NONE = new Tenancy(false);
    /** {@code TenantIsolationMode: PER_TENANT}. */
    public static final Tenancy PER_TENANT = new Tenancy(true);

    /**
     * AWS's error for both a tenant-isolated function invoked without a tenant id and a tenant id sent to a function
     * without isolation (not recorded in a snapshot; the text of the Lambda developer guide's "Troubleshooting tenant
     * isolation" page, docs.aws.amazon.com/lambda/latest/dg/tenant-isolation-troubleshooting.html).
     */
    static final String TENANT_ID_MISMATCH = "Tenant ID configuration not specified or passed to a function when "
            + "tenant isolation is not enabled.";
    /** Model shape TenantId: 1-256 characters of this pattern. */
    static final String TENANT_ID_PATTERN = "[a-zA-Z0-9\\._:\\/=+\\-@ ]+";
    private static final Pattern TENANT_ID = Pattern.compile(TENANT_ID_PATTERN);
    private static final int MAX_TENANT_ID = 256;

    private final boolean perTenant;

    private Tenancy(boolean perTenant) {
        this.perTenant = perTenant;
    }

    public boolean perTenant() {
        return perTenant;
    }

    /**
     * The mode named in a CreateFunction request's TenancyConfig (null: the member was absent), or {@link #NONE} with
     * the violation of the model (a required member of enum TenantIsolationMode) added to the request's others.
     */
    public static Tenancy of(String mode, boolean configGiven, Violations violations) {
        if (!configGiven) {
            return NONE;
        }
        violations.required(mode, "tenancyConfig.tenantIsolationMode")
                .oneOf(mode, "tenancyConfig.tenantIsolationMode", List.of("PER_TENANT"));
        return "PER_TENANT".equals(mode) ? PER_TENANT : NONE;
    }

    /** The TenancyConfig member of FunctionConfiguration: empty without isolation. */
    public JsonObjectBuilder configJson() {
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder();
        if (perTenant) {
            out.add("TenancyConfig", Jsons.PROVIDER.createObjectBuilder().add("TenantIsolationMode", "PER_TENANT"));
        }
        return out;
    }

    /**
     * Adds the violations of an invocation's tenant id (null: none given) of the model's shape TenantId: Lambda's
     * front end checks them, with the request's other members, before the function is looked up.
     */
    public static void checkTenantId(String tenantId, Violations violations) {
        violations.string(tenantId, "tenantId", 1, MAX_TENANT_ID, TENANT_ID);
    }

    /**
     * Checks an invocation's tenant id, already checked against the model ({@link #checkTenantId}), against the
     * function: required with PER_TENANT, refused without.
     */
    public void checkInvoke(String tenantId) {
        boolean given = tenantId != null;
        if (given != perTenant) { // required with isolation, refused without: one error for both
            throw ApiException.invalidParameter(TENANT_ID_MISMATCH);
        }
    }
}
