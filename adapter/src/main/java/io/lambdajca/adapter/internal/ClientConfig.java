package io.lambdajca.adapter.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.lambdajca.adapter.internal.credentials.CredentialSource;
import software.amazon.awssdk.regions.Region;

/**
 * Everything that makes one SDK {@code LambdaClient} differ from another: region, endpoint, credentials and HTTP
 * settings. Connection definitions with equal client configurations share one client. Immutable; {@code toString()}
 * hides the secrets.
 */
public record ClientConfig(Region region, URI endpointOverride, CredentialSource credentials,
        Duration connectTimeout, Duration readTimeout, Duration callTimeout, int maxConnections) {

    public ClientConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** The same settings with other credentials. */
    public ClientConfig withCredentials(CredentialSource source) {
        return new ClientConfig(region, endpointOverride, source, connectTimeout, readTimeout, callTimeout,
                maxConnections);
    }
}
