package io.lambdajca.local.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;

/**
 * Lambda's function-name rules: a name, partial ARN or full ARN, optionally qualified; the patterns and lengths are
 * those of the API reference (Invoke 1-170 with dots allowed; other operations 1-140 without dots).
 */
public final class FunctionNames {

    private static final String INVOKE_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final String MANAGE_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern INVOKE = Pattern.compile(INVOKE_PATTERN);
    private static final Pattern MANAGE = Pattern.compile(MANAGE_PATTERN);
    private static final Pattern QUALIFIER = Pattern.compile("|[a-zA-Z0-9$_-]+");

    private FunctionNames() {
    }

    /** A resolved reference: the bare function name and the qualifier the name itself carried, if any. */
    public static final class Ref {
        public final String name;
        public final String qualifier;

        Ref(String name, String qualifier) {
            this.name = name;
            this.qualifier = qualifier;
        }
    }

    /** Names already resolved for Invoke: the pattern match is a measurable share of a small invocation. */
    private static final java.util.Map<String, Ref> INVOKE_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    public static Ref forInvoke(String value) {
        Ref cached = INVOKE_CACHE.get(value);
        if (cached != null) {
            return cached;
        }
        Ref ref = resolve(value, INVOKE, INVOKE_PATTERN, 170);
        if (INVOKE_CACHE.size() > 10_000) {
            INVOKE_CACHE.clear();
        }
        INVOKE_CACHE.put(value, ref);
        return ref;
    }

    public static Ref forManagement(String value) {
        return resolve(value, MANAGE, MANAGE_PATTERN, 140);
    }

    private static Ref resolve(String value, Pattern pattern, String patternText, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength) {
            throw ApiException.validation(value, "functionName",
                    "Member must have length less than or equal to " + maxLength);
        }
        Matcher m = pattern.matcher(value);
        if (!m.matches()) {
            throw ApiException.validation(value, "functionName",
                    "Member must satisfy regular expression pattern: " + patternText);
        }
        String name = m.group(7);
        if (name.length() > 64) {
            throw ApiException.validation(value, "functionName", "Function name must be at most 64 characters");
        }
        return new Ref(name, m.group(9));
    }

    /** Checks a Qualifier query parameter: 1-128 characters of {@code [a-zA-Z0-9$_-]}. */
    public static void checkQualifier(String qualifier) {
        if (qualifier != null && (qualifier.length() > 128 || !QUALIFIER.matcher(qualifier).matches())) {
            throw ApiException.validation(qualifier, "qualifier",
                    "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
        }
    }
}
