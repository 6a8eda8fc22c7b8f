package io.lambdajca.adapter.internal;

/** A Lambda API call the adapter makes, and whether repeating it after it may have reached Lambda is safe. */
enum Operation {
    LIST_FUNCTIONS("ListFunctions", true),
    GET_FUNCTION("GetFunction", true),
    INVOKE("Invoke", false),
    /** As Invoke; and never resent once its stream has opened (the adapter's retries end when Lambda answers). */
    INVOKE_STREAM("InvokeWithResponseStream", false),
    DELETE_FUNCTION("DeleteFunction", true),
    LIST_VERSIONS("ListVersionsByFunction", true),
    /**
     * Resent: Lambda publishes no new version when the code and configuration are unchanged since the last one, so a
     * resend after a lost answer gets the version the first attempt published.
     */
    PUBLISH_VERSION("PublishVersion", true),
    /** Not resent: a resend after a lost answer that created the alias would be refused as a conflict. */
    CREATE_ALIAS("CreateAlias", false),
    GET_ALIAS("GetAlias", true),
    LIST_ALIASES("ListAliases", true),
    /** Without a revision id: setting the same values again leaves the same alias. */
    UPDATE_ALIAS("UpdateAlias", true),
    /** With a revision id: a resend after a lost answer that applied it would fail on the revision it changed. */
    UPDATE_ALIAS_IF_REVISION("UpdateAlias", false),
    DELETE_ALIAS("DeleteAlias", true),
    GET_CONCURRENCY("GetFunctionConcurrency", true),
    PUT_CONCURRENCY("PutFunctionConcurrency", true),
    DELETE_CONCURRENCY("DeleteFunctionConcurrency", true),
    LIST_TAGS("ListTags", true),
    TAG("TagResource", true),
    UNTAG("UntagResource", true);

    private final String apiName;
    private final boolean idempotent;

    Operation(String apiName, boolean idempotent) {
        this.apiName = apiName;
        this.idempotent = idempotent;
    }

    String apiName() {
        return apiName;
    }

    boolean idempotent() {
        return idempotent;
    }
}
