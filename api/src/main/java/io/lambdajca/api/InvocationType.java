package io.lambdajca.api;

/** How Lambda runs an invocation (the {@code X-Amz-Invocation-Type} header). */
public enum InvocationType {
    /** Synchronous: waits for the function's result (HTTP 200). Payload at most 6 MB. */
    REQUEST_RESPONSE("RequestResponse"),
    /** Asynchronous: queued and acknowledged at once (HTTP 202). Payload at most 1 MB. */
    EVENT("Event"),
    /** Checks parameters and permissions without running the function (HTTP 204). */
    DRY_RUN("DryRun");

    private final String wireName;

    InvocationType(String wireName) {
        this.wireName = wireName;
    }

    /** The value Lambda's API uses for this type. */
    public String wireName() {
        return wireName;
    }
}
