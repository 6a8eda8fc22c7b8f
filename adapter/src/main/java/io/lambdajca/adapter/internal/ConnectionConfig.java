package io.lambdajca.adapter.internal;

/**
 * The validated configuration of a connection definition: its SDK client settings, its retry policy, and the JNDI
 * name of the credential profile it uses (null when its credentials are its own static keys or the default chain, as
 * given in the client settings).
 */
public record ConnectionConfig(ClientConfig client, RetryPolicy retry, String credentialProfile) {
}
