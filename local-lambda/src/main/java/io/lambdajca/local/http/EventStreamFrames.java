package io.lambdajca.local.http;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lambdajca.local.Jsons;
import jakarta.json.JsonObjectBuilder;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * InvokeWithResponseStream's events in {@code application/vnd.amazon.eventstream} framing, encoded by the codec the
 * AWS SDK uses: {@code PayloadChunk} (the bytes as payload) and {@code InvokeComplete} (JSON {@code ErrorCode},
 * {@code ErrorDetails}, {@code LogResult}; shapes InvokeResponseStreamUpdate, InvokeWithResponseStreamCompleteEvent).
 */
final class EventStreamFrames {

    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    private EventStreamFrames() {
    }

    static ByteBuffer payloadChunk(byte[] bytes) {
        return event("PayloadChunk", "application/octet-stream", bytes);
    }

    /** The last event; each argument may be null (left out), the log tail is base64-encoded here. */
    static ByteBuffer invokeComplete(String errorCode, String errorDetails, byte[] logTail) {
        JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder();
        if (errorCode != null) {
            body.add("ErrorCode", errorCode);
        }
        if (errorDetails != null) {
            body.add("ErrorDetails", errorDetails);
        }
        if (logTail != null) {
            body.add("LogResult", Base64.getEncoder().encodeToString(logTail));
        }
        return event("InvokeComplete", Exchanges.JSON, Jsons.bytes(body.build()));
    }

    private static ByteBuffer event(String type, String contentType, byte[] payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString(contentType));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return new Message(headers, payload).toByteBuffer();
    }
}
