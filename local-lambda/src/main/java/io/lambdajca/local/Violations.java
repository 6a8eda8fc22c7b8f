package io.lambdajca.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraint violations of one request, reported together as AWS's front end does:
 * {@code 2 validation errors detected: Value '...' at 'functionName' failed to satisfy constraint: ...; Value ...}.
 * AWS's recordings give the set of violations, not their order; they are sent sorted, which reproduces every
 * recorded list.
 */
public final class Violations {

    private final List<String> items = new ArrayList<>(2);

    /** One violation; a null value is quoted as AWS quotes it ({@code Value null at ...}). */
    public Violations add(String value, String member, String constraint) {
        items.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    /**
     * Adds the violations of a string member's length bounds (in characters) and pattern, both when both are violated,
     * as AWS reports them; none for null (the member is absent).
     */
    public Violations string(String value, String member, int min, int max, Pattern pattern) {
        length(value, member, min, max);
        if (value != null && !pattern.matcher(value).matches()) {
            add(value, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    /** Adds the violation of a string member's length bounds, in characters; none for null (the member is absent). */
    public Violations length(String value, String member, int min, int max) {
        if (value != null && value.length() < min) {
            add(value, member, "Member must have length greater than or equal to " + min);
        } else if (value != null && value.length() > max) {
            add(value, member, "Member must have length less than or equal to " + max);
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
