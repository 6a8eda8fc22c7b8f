package io.lambdajca.local.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import io.lambdajca.local.ApiException;

/** A function's tags: at most 50, as Lambda allows per resource. */
public final class FunctionTags {

    /** Lambda's limit of tags per resource (recorded: 50 accepted, 51 refused). */
    public static final int MAX_TAGS = 50;

    private final TreeMap<String, String> tags = new TreeMap<>();

    /**
     * Adds or overwrites tags.
     *
     * @throws ApiException 400 when the function would have more than {@link #MAX_TAGS}
     */
    public synchronized void tag(Map<String, String> more) {
        TreeMap<String, String> merged = new TreeMap<>(tags);
        merged.putAll(more);
        checkCount(merged.size());
        tags.putAll(more);
    }

    /** Removes tags; keys the function does not have are ignored. */
    public synchronized void untag(Collection<String> keys) {
        keys.forEach(tags::remove);
    }

    public synchronized Map<String, String> snapshot() {
        return Map.copyOf(tags);
    }

    /** The error Lambda answers for too many tags, on TagResource and CreateFunction. */
    public static void checkCount(int count) {
        if (count > MAX_TAGS) {
            throw ApiException.lowerCaseMessage(400, "InvalidParameterValueException",
                    "Number of tags exceeds resource tag limit.");
        }
    }
}
