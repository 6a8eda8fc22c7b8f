package io.lambdajca.adapter.internal;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import io.lambdajca.api.AliasRequest;
import io.lambdajca.api.InvalidRequestException;

/**
 * Lambda's rules for the parameters of the management calls (versions, aliases, concurrency, tags), checked before
 * any network call. The rules are the shapes of the service model (botocore 1.43's Lambda model) and never stricter:
 * what the model accepts is sent, and Lambda answers for it.
 */
final class ManagementValidator {

    /**
     * {@code FunctionName}, the FunctionName of the alias, concurrency and PublishVersion operations: a name, partial
     * ARN or ARN of 1-140 characters (no dot, unlike {@code NamespacedFunctionName}), with the {@code (eusc-)?} region
     * prefix that Lambda's answers quote, as {@link RequestValidator#FUNCTION_NAME_PATTERN} has.
     */
    static final int MAX_FUNCTION_NAME = 140;
    static final String FUNCTION_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?"
            + "((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)"
            + "(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    /** {@code Alias}: 1-128 characters, not all digits (a number is a version). */
    static final int MAX_ALIAS = 128;
    static final String ALIAS_PATTERN = "(?!^[0-9]+$)([a-zA-Z0-9-_]+)";
    /** {@code VersionWithLatestPublished}, the FunctionVersion of CreateAlias and UpdateAlias. */
    static final int MAX_VERSION = 1024;
    static final String VERSION_PATTERN = "(\\$LATEST(\\.PUBLISHED)?|[0-9]+)";
    /** {@code AdditionalVersion}, a key of an alias's routing. */
    static final String ADDITIONAL_VERSION_PATTERN = "[0-9]+";
    /** {@code Description}: at most 256 characters, empty allowed. */
    static final int MAX_DESCRIPTION = 256;
    /** {@code TaggableResource}: the ARN of a function (or code signing config, event source mapping...). */
    static final int MAX_TAGGABLE = 256;
    static final String TAGGABLE_PATTERN = "arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+"
            + "-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|code-signing-config:csc-"
            + "[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)";

    private static final Pattern FUNCTION_NAME = Pattern.compile(FUNCTION_NAME_PATTERN);
    private static final Pattern ALIAS = Pattern.compile(ALIAS_PATTERN);
    private static final Pattern VERSION = Pattern.compile(VERSION_PATTERN);
    private static final Pattern ADDITIONAL_VERSION = Pattern.compile(ADDITIONAL_VERSION_PATTERN);
    private static final Pattern TAGGABLE = Pattern.compile(TAGGABLE_PATTERN);

    private ManagementValidator() {
    }

    /** The FunctionName of the alias, concurrency and PublishVersion operations ({@code FunctionName}). */
    static void functionName(String name) {
        if (name == null) {
            throw new InvalidRequestException(null, "functionName must not be null");
        }
        RequestValidator.optional(name, "functionName", name, MAX_FUNCTION_NAME, FUNCTION_NAME, FUNCTION_NAME_PATTERN,
                " (a function name, partial ARN or ARN)");
    }

    static void aliasName(String functionName, String alias) {
        RequestValidator.notNull(functionName, "aliasName", alias);
        RequestValidator.optional(functionName, "aliasName", alias, MAX_ALIAS, ALIAS, ALIAS_PATTERN,
                " (letters, digits, '-' and '_', not only digits)");
    }

    /** The alias's version: required to create one, optional in an update. */
    static void functionVersion(String functionName, String version, boolean required) {
        if (version == null) {
            if (required) {
                throw new InvalidRequestException(functionName, "functionVersion must not be null: an alias points "
                        + "to a version");
            }
            return;
        }
        RequestValidator.optional(functionName, "functionVersion", version, MAX_VERSION, VERSION, VERSION_PATTERN,
                " (a version number, $LATEST or $LATEST.PUBLISHED)");
    }

    /** At most 256 characters, counted as the model's length counts them: in code points, not UTF-16 units. */
    static void description(String functionName, String description) {
        int length = description == null ? 0 : description.codePointCount(0, description.length());
        if (length > MAX_DESCRIPTION) {
            throw new InvalidRequestException(functionName, "description '" + RequestValidator.abbreviate(description)
                    + "' has " + length + " characters; Lambda accepts at most " + MAX_DESCRIPTION);
        }
    }

    /** The routing weights: version numbers to shares between 0.0 and 1.0; null is no routing given. */
    static void weights(String functionName, Map<String, Double> weights) {
        if (weights == null) {
            return;
        }
        if (weights.size() > 1) {
            // Lambda refuses this before anything else: "Number of items in AdditionalVersionWeights cannot be
            // greater than 1"
            throw new InvalidRequestException(functionName, "additionalVersionWeights has " + weights.size()
                    + " versions " + weights.keySet() + "; Lambda routes an alias to at most one version besides "
                    + "its own");
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            String version = e.getKey();
            if (version == null) {
                throw new InvalidRequestException(functionName, "additionalVersionWeights has a null version");
            }
            RequestValidator.optional(functionName, "additional version", version, MAX_VERSION, ADDITIONAL_VERSION,
                    ADDITIONAL_VERSION_PATTERN, " (a published version number)");
            Double weight = e.getValue();
            if (weight == null || weight.isNaN() || weight < 0.0 || weight > 1.0) {
                throw new InvalidRequestException(functionName, "the weight " + weight + " of version " + version
                        + " is not between 0.0 and 1.0 (the share of the alias's invocations it gets)");
            }
        }
    }

    static void alias(AliasRequest request, boolean create) {
        RequestValidator.notNull(null, "request", request);
        String name = request.functionName();
        functionName(name);
        aliasName(name, request.aliasName());
        functionVersion(name, request.functionVersion(), create);
        description(name, request.description());
        weights(name, request.additionalVersionWeights());
        if (create) {
            routedBesidesItsVersion(name, request.functionVersion(), request.additionalVersionWeights());
        }
    }

    /**
     * CreateAlias's routing must add a version besides the alias's own, which must be a published one. Lambda's
     * answers (recorded: LocalStack's AWS-validated test_lambda_api snapshot,
     * test_notfound_and_invalid_routingconfigs):
     * "Invalid function version 1. Function version 1 is already included in routing configuration." and
     * "$LATEST is not supported for an alias pointing to more than 1 version".
     */
    private static void routedBesidesItsVersion(String functionName, String version, Map<String, Double> weights) {
        if (weights == null || weights.isEmpty()) {
            return;
        }
        String routed = weights.keySet().iterator().next(); // one at most (weights)
        if (routed.equals(version)) {
            throw new InvalidRequestException(functionName, "additionalVersionWeights routes to version " + version
                    + ", the alias's own version: Lambda routes an alias to a version besides its own");
        }
        if ("$LATEST".equals(version)) {
            throw new InvalidRequestException(functionName, "an alias of $LATEST cannot route to another version ("
                    + routed + "): Lambda routes only an alias of a published version");
        }
    }

    static void reservedConcurrency(String functionName, int reserved) {
        if (reserved < 0) {
            throw new InvalidRequestException(functionName, "reserved concurrency " + reserved + " is negative; "
                    + "Lambda accepts 0 (no invocations) or more");
        }
    }

    /** A tag operation's resource ({@code TaggableResource}): an ARN, as Lambda's tag operations take no names. */
    static void taggable(String arn) {
        if (arn == null) {
            throw new InvalidRequestException(null, "functionArn must not be null");
        }
        RequestValidator.optional(arn, "functionArn", arn, MAX_TAGGABLE, TAGGABLE, TAGGABLE_PATTERN,
                " (the tag operations take a function's ARN, FunctionInfo.arn(), not its name)");
    }

    /**
     * TagResource and ListTags take a function's unqualified ARN; for a version's or an alias's Lambda answers "Tags on
     * function aliases and versions are not supported. Please specify a function ARN." (recorded: test_lambda_api
     * snapshot, test_tag_exceptions and test_tag_versions).
     */
    static void notAVersionOrAlias(String arn) {
        String[] parts = arn.split(":", -1);
        if (parts.length == 8 && parts[5].equals("function")) {
            throw new InvalidRequestException(arn, "functionArn '" + RequestValidator.abbreviate(arn) + "' names a "
                    + "version or an alias (':" + parts[7] + "'): tags belong to the function, named by its ARN "
                    + "without a qualifier");
        }
    }

    /** At least one tag (Lambda refuses none: "An error occurred and the request cannot be processed.", recorded). */
    static void tags(String arn, Map<String, String> tags) {
        RequestValidator.notNull(arn, "tags", tags);
        if (tags.isEmpty()) {
            throw new InvalidRequestException(arn, "tags is empty: Lambda takes one tag or more");
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidRequestException(arn, "tags must have no null key or value (key " + e.getKey()
                        + ")");
            }
        }
    }

    /** At least one key (Lambda refuses none as a missing tagKeys, recorded in test_tag_exceptions). */
    static void tagKeys(String arn, Collection<String> keys) {
        RequestValidator.notNull(arn, "keys", keys);
        if (keys.isEmpty()) {
            throw new InvalidRequestException(arn, "keys is empty: Lambda takes one tag key or more");
        }
        for (String key : keys) {
            if (key == null) {
                throw new InvalidRequestException(arn, "keys must have no null key");
            }
        }
    }
}
