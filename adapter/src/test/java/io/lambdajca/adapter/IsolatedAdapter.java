package io.lambdajca.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * kinds of client the adapter has (a synchronous invoke, a response stream read to its end), invokes with an
 * AssumeRole, a Roles Anywhere, a chained AssumeRole (with the Roles Anywhere credentials) and a default-chain
 * credential profile (so that their STS and Roles Anywhere clients, refreshes and providers are closed too), and leaves
 * a second stream open, its reader waiting; {@link #close()} stops the adapter, as an undeploy does, and checks that
 * the reader was woken with the documented exception.
 */
public final class IsolatedAdapter implements Runnable, AutoCloseable {

    private static final String ROLE = "java:/lambda/profiles/Role";
    private static final String ROLES_ANYWHERE = "java:/lambda/profiles/RolesAnywhere";
    private static final String CHAIN = "java:/lambda/profiles/Chain";
    private static final String CHAINED_ROLE = "java:/lambda/profiles/ChainedRole";

    private final DirectConnection direct;
    private final String marker;
    private CompletableFuture<Throwable> reader;

    /**
     * A connection to the local endpoint with the {@code settings} {@code endpoint}, {@code region},
     * {@code accessKeyId} and {@code secretAccessKey}; the open stream's function waits for the file {@code marker}.
     * Four credential profiles are bound in {@link MapNaming}: {@value #ROLE}, which assumes {@code roleArn} with
     * those keys, {@value #ROLES_ANYWHERE}, which gets credentials for it from Roles Anywhere with
     * {@code trustAnchorArn}, {@code profileArn}, {@code certificateFile} and {@code privateKeyFile},
     * {@value #CHAINED_ROLE}, which assumes it with those, and {@value #CHAIN}, the SDK's default chain (the test gives
     * it the keys as system properties).
     */
    public IsolatedAdapter(Map<String, String> settings) throws ResourceException {
        this.marker = settings.get("marker");
        this.direct = DirectConnection.with(mcf -> {
            mcf.setRegion(settings.get("region"));
            mcf.setEndpointOverride(settings.get("endpoint"));
            mcf.setAccessKeyId(settings.get("accessKeyId"));
            mcf.setSecretAccessKey(settings.get("secretAccessKey"));
        });
        LambdaCredentialProfile role = profile("ASSUME_ROLE", settings);
        role.setAccessKeyId(settings.get("accessKeyId"));
        role.setSecretAccessKey(settings.get("secretAccessKey"));
        MapNaming.BOUND.put(ROLE, role);
        LambdaCredentialProfile anywhere = profile("ROLES_ANYWHERE", settings);
        anywhere.setTrustAnchorArn(settings.get("trustAnchorArn"));
        anywhere.setProfileArn(settings.get("profileArn"));
        anywhere.setCertificateFile(settings.get("certificateFile"));
        anywhere.setPrivateKeyFile(settings.get("privateKeyFile"));
        MapNaming.BOUND.put(ROLES_ANYWHERE, anywhere);
        LambdaCredentialProfile chained = profile("ASSUME_ROLE", settings);
        chained.setSourceProfile(ROLES_ANYWHERE);
        MapNaming.BOUND.put(CHAINED_ROLE, chained);
        LambdaCredentialProfile chain = new LambdaCredentialProfile();
        chain.setType("DEFAULT_CHAIN");
        MapNaming.BOUND.put(CHAIN, chain);
    }

    private static LambdaCredentialProfile profile(String type, Map<String, String> settings) {
        LambdaCredentialProfile p = new LambdaCredentialProfile();
        p.setType(type);
        p.setRoleArn(settings.get("roleArn"));
        p.setRegion(settings.get("region"));
        p.setEndpointOverride(settings.get("endpoint"));
        return p;
    }

    @Override
    public void run() {
        direct.connection().invoke(request("echo", "{\"n\":1}"));
        try {
            direct.withProfile(ROLE).invoke(request("echo", "{\"n\":2}"));
            direct.withProfile(ROLES_ANYWHERE).invoke(request("echo", "{\"n\":3}"));
            direct.withProfile(CHAIN).invoke(request("echo", "{\"n\":4}"));
            direct.withProfile(CHAINED_ROLE).invoke(request("echo", "{\"n\":5}"));
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
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
