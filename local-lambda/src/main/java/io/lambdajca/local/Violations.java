package io.lambdajca.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraint violations of one request, reported together as AWS's front end does:
 * {@code 2 validation errors detected: Value '...' at 'functionName' failed to satisfy constraint: ...; Value ...}.
 * The member is named in lower camel case, in the body as in the path ('functionName', 'name', 'role',
 * 'routingConfig.additionalVersionWeights'). The recordings of Lambda's function operations give the set of
 * violations, not their order (LocalStack's test sorts them); they are sent sorted, which reproduces every such list.
 */
public final class Violations {

    private final List<String> items = new ArrayList<>(2);

    /** One violation; a null value is quoted as AWS quotes it ({@code Value null at ...}). */
    public Violations add(String value, String member, String constraint) {
        items.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    /** Adds the violation of a required member that is absent ({@code Value null at ...: Member must not be null}). */
    public Violations required(Object value, String member) {
        if (value == null) {
            add(null, member, "Member must not be null");
        }
        return this;
    }

    /**
     * Adds the violations of a string member's length bounds and pattern, both when both are violated, as AWS reports
     * them (recorded: test_lambda_api.snapshot.json,
     * test_function_name_and_qualifier_validation[function_name_too_long_and_invalid_region-create_function]); none
     * for null (the member is absent).
     */
    public Violations string(String value, String member, int min, int max, Pattern pattern) {
        length(value, member, min, max);
        return pattern(value, member, pattern);
    }

    /** Adds the violation of a string member's pattern, quoted as the model gives it; none for null (absent). */
    public Violations pattern(String value, String member, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(value, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    /**
     * Adds the violation of a string member's length bounds, counted in code points as the model's length constraint
     * counts a string (Smithy's {@code @length}: a character outside the BMP is one, not two UTF-16 units); none for
     * null (the member is absent).
     */
    public Violations length(String value, String member, int min, int max) {
        return value == null ? this : length(value, value.codePointCount(0, value.length()), member, min, max);
    }

    /**
     * Adds the violation of a list member's length bounds, the list quoted as AWS quotes it (recorded:
     * test_lambda_api.snapshot.json, TestLambdaFunction::test_create_lambda_exceptions, "multiple_architectures":
     * {@code Value '[x86_64, arm64]' at 'architectures' ...}); none for null (the member is absent).
     */
    public Violations size(List<?> value, String member, int min, int max) {
        return value == null ? this : length(value.toString(), value.size(), member, min, max);
    }

    private Violations length(String shown, int length, String member, int min, int max) {
        if (length < min) {
            add(shown, member, "Member must have length greater than or equal to " + min);
        } else if (length > max) {
            add(shown, member, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /**
     * Adds the violation of a number member's range ({@code Long.MAX_VALUE}: no upper bound), in AWS's words ("Member
     * must have value greater than or equal to 1", recorded: test_lambda_api.snapshot.json,
     * TestLambdaProvisionedConcurrency::test_provisioned_concurrency_exceptions, "put_provisioned_invalid_param_0");
     * none for null (the member is absent).
     */
    public Violations range(Long value, String member, long min, long max) {
        if (value != null && value < min) {
            add(value.toString(), member, "Member must have value greater than or equal to " + min);
        } else if (value != null && value > max) {
            add(value.toString(), member, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /**
     * Adds the violation of an enum member whose value is not one of {@code values}, listed in the order AWS lists
     * them (recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_list_functions,
     * "list_functions_invalid_functionversion"); none for null (the member is absent).
     */
    public Violations oneOf(String value, String member, List<String> values) {
        if (value != null && !values.contains(value)) {
            add(value, member, "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
        }
        return this;
    }

    public Violations addAll(List<String> violations) {
        items.addAll(violations);
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<String> items() {
        return Collections.unmodifiableList(items);
    }

    /** The text AWS sends: "N validation error(s) detected: " and the violations separated by "; ". */
    public String message() {
        List<String> sorted = new ArrayList<>(items);
        Collections.sort(sorted);
        return sorted.size() + (sorted.size() == 1 ? " validation error detected: " : " validation errors detected: ")
                + String.join("; ", sorted);
    }

    /** The 400 ValidationException carrying these violations. */
    public ApiException exception() {
        return ApiException.unmodeled(400, "ValidationException", message());
    }

    /** Throws {@link #exception()} when there is any violation. */
    public void throwIfAny() {
        if (!items.isEmpty()) {
            throw exception();
        }
    }
}
