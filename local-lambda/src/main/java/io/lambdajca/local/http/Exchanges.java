package io.lambdajca.local.http;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;

/** Writing Lambda-shaped responses on an Undertow exchange. */
final class Exchanges {

    static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
    static final HttpString ERROR_TYPE = new HttpString("X-Amzn-ErrorType");
    static final HttpString CONTENT_TYPE = new HttpString("Content-Type");
    static final String JSON = "application/json";

    private Exchanges() {
    }

    static String newRequestId(HttpServerExchange exchange) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // a version-4 UUID without SecureRandom, whose shared generator serialises concurrent requests
        String id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
        exchange.getResponseHeaders().put(REQUEST_ID, id);
        return id;
    }

    static void json(HttpServerExchange exchange, int status, JsonStructure body) {
        send(exchange, status, JSON, Jsons.bytes(body));
    }

    static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        if (contentType != null) {
            exchange.getResponseHeaders().put(CONTENT_TYPE, contentType);
        }
        exchange.setResponseContentLength(body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    static void empty(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
    }

    /**
     * An error as Lambda sends it: {@code X-Amzn-ErrorType} header and a JSON body with {@code Type} and the message
     * under the key of the error's shape ({@code Message} or {@code message}).
     */
    static void error(HttpServerExchange exchange, ApiException e) {
        exchange.getResponseHeaders().put(ERROR_TYPE, e.code());
        for (Map.Entry<String, String> h : e.extraHeaders().entrySet()) {
            exchange.getResponseHeaders().put(new HttpString(h.getKey()), h.getValue());
        }
        JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder();
        e.extraFields().forEach((k, v) -> body.add(k, String.valueOf(v)));
        if (!e.withoutTypeField()) {
            body.add("Type", "User");
        }
        if (e.getMessage() != null) {
            body.add(e.lowerCaseMessageKey() ? "message" : "Message", e.getMessage());
        }
        json(exchange, e.status(), body.build());
    }
}
