package io.lambdajca.adapter.internal;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationType;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * The bytes and the invocation and log type headers an invocation sends, checked before any network call; shared by
 * invoke and invokeStream.
 */
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
        byte[] payload = request.payloadUnsafe(); // the request's own array, only read from here on
        payload = payload == null ? new byte[0] : payload;
        RequestValidator.payload(name, type, payload);
        return payload;
    }

    /**
     * The {@code X-Amz-Invocation-Type} header's value: none for {@code RequestResponse}, Lambda's default, so that a
     * synchronous invocation has one header fewer to send, sign and check (as the SDK sends it when the application
     * does not set the type).
     */
    static String wireType(InvocationType type) {
        return type == InvocationType.REQUEST_RESPONSE ? null : type.wireName();
    }

    /** The {@code X-Amz-Log-Type} header's value: {@code Tail} when the log tail is asked for, else none (None). */
    static LogType wireLogType(InvocationRequest request) {
        return request.tailLog() ? LogType.TAIL : null;
    }
}
