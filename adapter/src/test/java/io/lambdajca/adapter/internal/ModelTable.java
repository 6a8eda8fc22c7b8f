package io.lambdajca.adapter.internal;

import java.util.List;

/**
 * Values derived from the shapes of the current service model (botocore 1.43's Lambda model), both ways: accepted
 * values (the adapter must send them, Lambda answers for them) and refused ones, with the rule the refusal names.
 * Where AWS's answer for the value is recorded, the row says where: test_lambda_api.snapshot.json,
 * test_function_name_and_qualifier_validation[&lt;id&gt;-(invoke|get_function|delete_function)].
 */
public final class ModelTable {

    /** One value and why it is in the table (the shape's rule, or the recorded AWS answer). */
    public record Row(String value, String why) {
        @Override
        public String toString() {
            return why;
        }
    }

    private static final String ACCOUNT = "123456789012";

    /** NamespacedFunctionName (1-256) values the pattern accepts. */
    public static final List<Row> ACCEPTED_NAMES = List.of(
            new Row("echo", "a bare name"),
            new Row("my-function_1", "hyphen, underscore, digit"),
            new Row("with.dot", "a dot: NamespacedFunctionName allows [.] in the name"),
            new Row("a".repeat(64), "a bare name of 64"),
            // recorded: function_name_too_long, "ResourceNotFoundException ... function:<a:len(65)>": Lambda answers
            // not-found, it does not refuse the request
            new Row("a".repeat(65), "a bare name of 65 (recorded: not-found, not a validation error)"),
            new Row("echo:prod", "a name with an alias"),
            new Row("echo:7", "a name with a version"),
            new Row("echo:$LATEST", "a name with $LATEST"),
            new Row("echo:$LATEST.PUBLISHED", "a name with $LATEST.PUBLISHED"),
            new Row("function:echo", "a partial ARN without account"),
            new Row(ACCOUNT + ":function:echo", "a partial ARN"),
            new Row(ACCOUNT + ":echo", "a partial ARN without function:"),
            new Row("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:echo", "a full ARN"),
            new Row("arn:aws-cn:lambda:cn-north-1:" + ACCOUNT + ":function:echo:prod", "the China partition"),
            new Row("arn:aws-us-gov:lambda:us-gov-west-1:" + ACCOUNT + ":function:echo:$LATEST", "GovCloud"),
            new Row("arn:aws-iso:lambda:us-iso-east-1:" + ACCOUNT + ":function:echo", "an -iso region"),
            new Row("arn:aws-iso-b:lambda:us-isob-east-1:" + ACCOUNT + ":function:echo", "an -isob region"),
            new Row("arn:aws-eusc:lambda:eusc-de-east-1:" + ACCOUNT + ":function:echo",
                    "the European Sovereign Cloud (eusc-, quoted in AWS's own pattern)"),
            // recorded: incomplete_arn, "ResourceNotFoundException ... function:function"
            new Row("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function", "an ARN without name (recorded: not-found)"),
            new Row(longArn(256), "a full ARN of 256 characters"));

    /** NamespacedFunctionName values refused, each with what the message must say. */
    public static final List<Row> REFUSED_NAMES = List.of(
            new Row("", "1 to 256"),
            new Row("a".repeat(257), "1 to 256"),
            new Row(longArn(257), "1 to 256"),
            // recorded: invalid_characters_in_function_name, "Member must satisfy regular expression pattern"
            new Row("my-function!", "must match"),
            // recorded: function_name_is_single_invalid
            new Row("*", "must match"),
            new Row("bad name", "must match"),
            new Row("é", "must match"),
            // recorded: invalid_account_id_in_partial_arn
            new Row("invalid-account:function:my-function", "must match"),
            // recorded: invalid_region_in_arn
            new Row("arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function", "must match"),
            // recorded: function_name_too_long_and_invalid_region (the pattern, not the length, at 232 characters)
            new Row("arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + "a".repeat(170),
                    "must match"),
            // recorded: non_lambda_arn
            new Row("arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance:i-1234567890abcdef0", "must match"),
            // recorded: full_arn_with_multiple_qualifiers
            new Row("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:my-function:1:2", "must match"),
            // recorded: partial_arn_with_extra_qualifier
            new Row("function:my-function:$LATEST:extra", "must match"),
            // recorded: missing_region_in_arn
            new Row("arn:aws:lambda::" + ACCOUNT + ":function:my-function", "must match"),
            // recorded: missing_account_id_in_arn
            new Row("arn:aws:lambda:us-east-1::function:my-function", "must match"),
            // recorded: misspelled_latest_in_arn
            new Row("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:my-function:$LATES", "must match"),
            new Row("echo:$latest", "must match"),
            new Row("echo:$LATEST.published", "must match"),
            new Row("echo:v.1", "must match"));

    /** NumericLatestPublishedOrAliasQualifier (1-128) values the pattern accepts. */
    public static final List<Row> ACCEPTED_QUALIFIERS = List.of(
            new Row("$LATEST", "$LATEST"),
            new Row("$LATEST.PUBLISHED", "$LATEST.PUBLISHED"),
            new Row("7", "a version"),
            new Row("blue-green_2", "an alias"),
            // recorded: lowercase_latest_qualifier, "ResourceNotFoundException ... my-function:$latest"
            new Row("$latest", "$latest (recorded: not-found)"),
            // recorded: qualifier_too_long1, "ResourceNotFoundException ... my-function:<a:len(65)>"
            new Row("a".repeat(65), "65 characters (recorded: not-found)"),
            new Row("a".repeat(128), "128 characters"));

    /** Qualifiers refused. */
    public static final List<Row> REFUSED_QUALIFIERS = List.of(
            new Row("", "1 to 128"),
            // recorded: qualifier_too_long, "Member must have length less than or equal to 128"
            new Row("a".repeat(129), "1 to 128"),
            // recorded: invalid_characters_in_qualifier
            new Row("invalid!", "must match"),
            new Row("v 1", "must match"),
            new Row("v.1", "must match"),
            new Row("$LATEST.X", "must match"));

    /** TenantId (1-256, [a-zA-Z0-9\._:\/=+\-@ ]+) values accepted. */
    public static final List<Row> ACCEPTED_TENANT_IDS = List.of(
            new Row("tenant-a", "letters and a hyphen"),
            new Row("Acme Corp", "a space"),
            new Row("org/unit=x+y@z:1.2_3", "every punctuation the pattern has"),
            new Row("t".repeat(256), "256 characters"));

    /** Tenant ids refused. */
    public static final List<Row> REFUSED_TENANT_IDS = List.of(
            new Row("", "1 to 256"),
            new Row("t".repeat(257), "1 to 256"),
            new Row("a;b", "must match"),
            new Row("tenant#1", "must match"),
            new Row("é", "must match"));

    /** DurableExecutionName (1-64, [a-zA-Z0-9-_]+) values accepted. */
    public static final List<Row> ACCEPTED_DURABLE_NAMES = List.of(
            new Row("order-42", "letters, digits, hyphen"),
            new Row("A_b-9", "underscore"),
            new Row("d".repeat(64), "64 characters"));

    /** Durable execution names refused. */
    public static final List<Row> REFUSED_DURABLE_NAMES = List.of(
            new Row("", "1 to 64"),
            new Row("d".repeat(65), "1 to 64"),
            new Row("order.42", "must match"),
            new Row("a b", "must match"));

    private ModelTable() {
    }

    /** A full ARN padded to {@code length} characters with its function name. */
    private static String longArn(int length) {
        String prefix = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:";
        return prefix + "f".repeat(length - prefix.length());
    }
}
