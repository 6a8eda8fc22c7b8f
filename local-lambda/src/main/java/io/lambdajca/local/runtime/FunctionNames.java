package io.lambdajca.local.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Violations;

/**
 * Lambda's function-name and qualifier rules, per operation as the service model gives them: a name, partial ARN or
 * full ARN, optionally qualified. The pattern texts are those AWS quotes in its ValidationException messages (recorded
 * in 2025: they accept an {@code eusc-} region prefix that the published model does not show yet).
 */
public final class FunctionNames {

    /** {@code NamespacedFunctionName}: Invoke, GetFunction, GetFunctionConfiguration, DeleteFunction; 1-256. */
    static final String NAMESPACED_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?"
            + "-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?";
    /** {@code FunctionName}: CreateFunction, PublishVersion, the concurrency operations; 1-140, no dots. */
    static final String FUNCTION_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?"
            + "-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    /** {@code NumericLatestPublishedOrAliasQualifier}: the Qualifier parameter; 1-128. */
    static final String QUALIFIER_PATTERN = "\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+";
    /** A bare function name: at most 64 characters (CreateFunction refuses longer ones). */
    public static final int MAX_BARE_NAME = 64;

    private static final Pattern NAMESPACED = Pattern.compile(NAMESPACED_PATTERN);
    private static final Pattern FUNCTION_NAME = Pattern.compile(FUNCTION_NAME_PATTERN);
    private static final Pattern QUALIFIER = Pattern.compile(QUALIFIER_PATTERN);
    // capturing groups of both patterns
    private static final int REGION = 3;
    private static final int ACCOUNT = 9;
    private static final int NAME = 11;
    private static final int QUALIFIER_IN_NAME = 13;

    /** Names already resolved for Invoke: the pattern match is a measurable share of a small invocation. */
    private static final Map<String, Ref> INVOKE_CACHE = new ConcurrentHashMap<>();

    private FunctionNames() {
    }

    /**
     * A function reference as given: the bare name, the qualifier the value itself carried, the region and account of
     * an ARN (null when not given), or the constraints it violates.
     */
    public static final class Ref {
        public final String value;
        public final String name;
        public final String qualifier;
        final String region;
        final String account;
        final List<String> violations;

        private Ref(String value, String name, String qualifier, String region, String account,
                List<String> violations) {
            this.value = value;
            this.name = name;
            this.qualifier = qualifier;
            this.region = region;
            this.account = account;
            this.violations = violations;
        }

        public boolean valid() {
            return violations.isEmpty();
        }

        /**
         * Checks that an ARN's region and account are the endpoint's: another region is 404 "Functions from 'R' are not
         * reachable in this region ('R2')", another account 403 AccessDeniedException without a message, as AWS
         * answers them.
         */
        public Ref checkReachable(String endpointRegion, String endpointAccount) {
            if (region != null && !region.equals(endpointRegion)) {
                throw ApiException.notFound("Functions from '" + region + "' are not reachable in this region ('"
                        + endpointRegion + "')");
            }
            if (account != null && !account.equals(endpointAccount)) {
                throw ApiException.unmodeled(403, "AccessDeniedException", null);
            }
            return this;
        }
    }

    /** Invoke's name ({@code NamespacedFunctionName}), from a cache of valid names. */
    public static Ref forInvoke(String value) {
        Ref cached = INVOKE_CACHE.get(value);
        if (cached != null) {
            return cached;
        }
        Ref ref = namespaced(value);
        if (ref.valid()) {
            if (INVOKE_CACHE.size() > 10_000) {
                INVOKE_CACHE.clear();
            }
            INVOKE_CACHE.put(value, ref);
        }
        return ref;
    }

    /** A {@code NamespacedFunctionName} (GetFunction, GetFunctionConfiguration, DeleteFunction). */
    public static Ref namespaced(String value) {
        return parse(value, NAMESPACED, 256);
    }

    /** A {@code FunctionName} (CreateFunction, PublishVersion, Put/Get/DeleteFunctionConcurrency). */
    public static Ref functionName(String value) {
        return parse(value, FUNCTION_NAME, 140);
    }

    /**
     * Throws the ValidationException of a name and a Qualifier parameter (null when absent) together, as AWS reports
     * every violation of a request in one message; returns the name when both are valid.
     */
    public static Ref checked(Ref ref, String qualifierParameter) {
        return checked(ref, qualifierParameter, null);
    }

    /**
     * As {@link #checked(Ref, String)}, with the violations of the request's other members (null: none) in the same
     * message: the model's constraints are all checked by Lambda's front end, before anything looks the function up.
     */
    public static Ref checked(Ref ref, String qualifierParameter, Violations others) {
        if (ref.valid() && qualifierParameter == null && (others == null || others.isEmpty())) {
            return ref;
        }
        Violations v = new Violations().addAll(ref.violations);
        checkQualifier(qualifierParameter, v);
        if (others != null) {
            v.addAll(others.items());
        }
        v.throwIfAny();
        return ref;
    }

    /**
     * CreateFunction's checks of the name it creates, for its request and for the functions deployed with the
     * endpoint: a {@code FunctionName}'s violations reported with those of the request's other members (null: none)
     * in one ValidationException, then a bare name longer than 64 characters refused with
     * InvalidParameterValueException, though in the words of a validation error, as AWS answers them. The region and
     * account of an ARN are left to {@link FunctionRegistry#reachable}.
     */
    public static Ref checkCreatable(String value, Violations others) {
        Ref ref = checked(functionName(value), null, others);
        if (ref.name.length() > MAX_BARE_NAME) {
            throw ApiException.invalidParameter(new Violations().add(ref.name, "functionName",
                    "Member must have length less than or equal to " + MAX_BARE_NAME).message());
        }
        return ref;
    }

    /**
     * Adds the violations of a Qualifier parameter (null when absent): 1-128 characters of its pattern, both reported
     * when both are violated, as for the name.
     */
    public static void checkQualifier(String qualifier, Violations violations) {
        violations.string(qualifier, "qualifier", 1, 128, QUALIFIER);
    }

    private static Ref parse(String value, Pattern pattern, int maxLength) {
        Violations v = new Violations().length(value, "functionName", 1, maxLength);
        Matcher m = pattern.matcher(value);
        if (!m.matches()) {
            return new Ref(value, null, null, null, null, v.pattern(value, "functionName", pattern).items());
        }
        String region = m.group(REGION);
        String account = m.group(ACCOUNT);
        return new Ref(value, m.group(NAME), m.group(QUALIFIER_IN_NAME),
                region == null ? null : region.substring(0, region.length() - 1),
                account == null ? null : account.substring(0, account.length() - 1), v.items());
    }
}
