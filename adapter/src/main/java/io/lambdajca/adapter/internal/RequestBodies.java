package io.lambdajca.adapter.internal;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationType;

/** The bytes an invocation sends, checked before any network call; shared by invoke and invokeStream. */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The request's input mapped to JSON by JSON-B (JSON by construction: only its size is checked), or its payload,
     * checked to be one JSON value within the limit of {@code type}; empty when it has neither.
     */
    static byte[] of(JsonMapper json, String name, InvocationType type, InvocationRequest request) {
        if (request.input() != null) {
            byte[] mapped = json.toJson(name, request.input());
            RequestValidator.payloadSize(name, type, mapped);
            return mapped;
        }
        byte[] payload = request.payload(); // a copy: read it once
        payload = payload == null ? new byte[0] : payload;
        RequestValidator.payload(name, type, payload);
        return payload;
    }
}
