package io.lambdajca.adapter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lambdajca.api.LambdaConnection;
import jakarta.resource.ResourceException;

/**
 * A stand-in for Lambda on 127.0.0.1 that answers every request 200 with a JSON body chosen by the test, for what the
 * local endpoint never answers (a durable execution's ARN, answers Lambda never gives). The request's body is read;
 * the answer function may add headers to the response.
 */
final class JsonEndpoint implements AutoCloseable {

    private final HttpServer server;
    private DirectConnection direct;

    private JsonEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Starts it; {@code answer} gives the JSON body for a request (its headers, path and method are there to read). */
    static JsonEndpoint start(Function<HttpExchange, String> answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = answer.apply(exchange).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new JsonEndpoint(server);
    }

    /** This endpoint's URL, for a connection definition's EndpointOverride. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A connection to this endpoint (test keys, no retries), closed with the endpoint. */
    LambdaConnection connect() throws ResourceException {
        direct = DirectConnection.with(mcf -> {
            mcf.setRegion("us-east-1");
            mcf.setEndpointOverride(url());
            mcf.setAccessKeyId("AKIAJSONENDPOINTTEST");
            mcf.setSecretAccessKey("json-endpoint-test-secret");
            mcf.setMaxRetries(0);
        });
        return direct.connection();
    }

    @Override
    public void close() throws ResourceException {
        try {
            if (direct != null) {
                direct.close();
            }
        } finally {
            server.stop(0);
        }
    }
}
