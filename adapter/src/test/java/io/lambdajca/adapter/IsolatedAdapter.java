package io.lambdajca.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import jakarta.resource.ResourceException;

/**
 * The adapter as a server holds it, for {@link StopWithItsFilesGoneTest}: made in a class loader of its own from
 * strings only, so that the test shares no class of the adapter or its libraries with it. {@link #run()} uses both
 * kinds of client the adapter has (a synchronous invoke, a response stream read to its end); {@link #close()} stops the
 * adapter, as an undeploy does.
 */
public final class IsolatedAdapter implements Runnable, AutoCloseable {

    private final DirectConnection direct;

    /** A connection to {@code endpoint}, with these keys. */
    public IsolatedAdapter(String endpoint, String region, String accessKeyId, String secretKey)
            throws ResourceException {
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
    }

    private static InvocationRequest request(String function, String json) {
        return InvocationRequest.builder(function).payload(json.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Override
    public void close() throws ResourceException {
        direct.close();
    }
}
