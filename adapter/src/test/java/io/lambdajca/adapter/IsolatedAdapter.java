package io.lambdajca.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import jakarta.resource.ResourceException;

/**
 * The adapter as a server holds it, for {@link StopWithItsFilesGoneTest}: made in a class loader of its own from
 * strings only, so that the test shares no class of the adapter or its libraries with it. {@link #run()} uses both
 * kinds of client the adapter has (a synchronous invoke, a response stream read to its end) and leaves a second stream
 * open, its reader waiting; {@link #close()} stops the adapter, as an undeploy does, and checks that the reader was
 * woken with the documented exception.
 */
public final class IsolatedAdapter implements Runnable, AutoCloseable {

    private final DirectConnection direct;
    private final String marker;
    private CompletableFuture<Throwable> reader;

    /**
     * A connection to {@code endpoint}, with these keys; the open stream's function waits for the file
     * {@code marker}.
     */
    public IsolatedAdapter(String endpoint, String region, String accessKeyId, String secretKey, String marker)
            throws ResourceException {
        this.marker = marker;
        this.direct = DirectConnection.with(mcf -> {
            mcf.setRegion(region);
            mcf.setEndpointOverride(endpoint);
            mcf.setAccessKeyId(accessKeyId);
            mcf.setSecretAccessKey(secretKey);
        });
    }

    @Override
    public void run() {
        direct.connection().invoke(request("echo", "{\"n\":1}"));
        try (InvocationStream lines = direct.connection().invokeStream(request("lines", "2"))) {
            lines.inputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InputStream open = direct.connection().invokeStream(request("gated", "\"" + marker + "\"")).inputStream();
        reader = CompletableFuture.supplyAsync(() -> {
            try {
                open.readAllBytes(); // "first", then it waits for the marker, which appears only after the stop
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
    }

    private static InvocationRequest request(String function, String json) {
        return InvocationRequest.builder(function).payload(json.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** Stops the adapter; fails unless the open stream's reader got a {@link ConnectionUnavailableException}. */
    @Override
    public void close() throws ResourceException {
        direct.close();
        Throwable read;
        try {
            read = reader.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the open stream's reader was not woken by the stop", e);
        }
        if (!(read instanceof ConnectionUnavailableException)) {
            throw new IllegalStateException("the open stream's reader got " + read + ", not the adapter's stop", read);
        }
    }
}
