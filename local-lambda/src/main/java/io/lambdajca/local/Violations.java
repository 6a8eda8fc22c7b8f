package io.lambdajca.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
