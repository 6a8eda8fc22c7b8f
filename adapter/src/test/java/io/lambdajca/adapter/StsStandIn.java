package io.lambdajca.adapter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for STS (or any credential service) on 127.0.0.1 that gives every request the same answer chosen by the
 * test, whatever STS would say: a status, a content type and a body; a {@link #redirecting redirect}; or,
 * {@link #silent()}, no answer at all (it
 * accepts the request and holds it until closed). It counts the requests it got. Closing it closes every connection.
 */
public final class StsStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    private StsStandIn(int status, String contentType, String body, String location) throws IOException {
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sts-stand-in");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            if (body == null) {
                try {
                    closed.await(); // silent: holds the request until closed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Answers every request with this status, content type and body. */
    public static StsStandIn answering(int status, String contentType, String body) throws IOException {
        return new StsStandIn(status, contentType, body, null);
    }

    /** Answers every request with this redirect status and {@code Location}, and no body. */
    public static StsStandIn redirecting(int status, String location) throws IOException {
        return new StsStandIn(status, "text/plain", "", location);
    }

    /** Accepts every request and never answers it. */
    public static StsStandIn silent() throws IOException {
        return new StsStandIn(0, null, null, null);
    }

    /** This endpoint's URL, for a profile's EndpointOverride. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests it has got (a silent one counts each as it starts holding it). */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
