package io.lambdajca.adapter.internal;

/** A Lambda API call the adapter makes, and whether repeating it after it may have reached Lambda is safe. */
enum Operation {
    LIST_FUNCTIONS("ListFunctions", true),
    GET_FUNCTION("GetFunction", true),
    INVOKE("Invoke", false),
    DELETE_FUNCTION("DeleteFunction", true);

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
