package io.lambdajca.adapter.internal;

/** The validated configuration of a connection definition: its SDK client and its retry policy. */
public record ConnectionConfig(ClientConfig client, RetryPolicy retry) {
}
