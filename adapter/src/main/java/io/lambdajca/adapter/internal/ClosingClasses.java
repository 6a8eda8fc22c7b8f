package io.lambdajca.adapter.internal;

import java.util.List;

/**
 * Classes that stopping the adapter needs and that using it may never load (closing the clients and ending their
 * threads, failing a stream the stop aborts), loaded (and initialised) before the first client is built. A server may
 * remove an undeployed RAR's files while its {@code stop()} still runs (Open Liberty does, from another thread), and a
 * class first needed then cannot be read: an error in the server's log, and a streaming thread that ends seconds late.
 * {@code StopWithItsFilesGoneTest} stops the adapter after its class loader can read nothing more, and fails if
 * stopping needs any class not loaded by then; {@code ClosingClassesTest} fails if a library upgrade renames one of
 * these.
 */
final class ClosingClasses {

    /**
     * Found by recording, over many runs, what stopping the adapter loaded after a synchronous invoke and a response
     * stream (its last part, as the stream ends, may still be under way when the adapter stops), with a second stream
     * open, its reader waiting.
     */
    static final List<String> NAMES = List.of(
            // the Apache 5 client's connection pool, as it closes
            "org.apache.hc.core5.io.Closer",
            // the SDK's Netty client, as it cancels a pooled connection's subscription, takes back or closes the
            // connection of a stream that has just ended, and takes the handlers off a connection it closes
            "software.amazon.awssdk.http.nio.netty.internal.nrs.HandlerPublisher$ChannelSubscription$2",
            "software.amazon.awssdk.http.nio.netty.internal.IdleConnectionCountingChannelPool$1",
            "software.amazon.awssdk.http.nio.netty.internal.utils.BetterFixedChannelPool$3",
            "software.amazon.awssdk.http.nio.netty.internal.http2.FlushOnReadHandler",
            // Netty, as the pool closes its channels
            "io.netty.channel.AbstractChannelHandlerContext$11",
            "io.netty.channel.AbstractChannel$AbstractUnsafe$7",
            // Netty, as the event loop's threads end: its global executor, and freeing their pooled buffer caches
            "io.netty.util.concurrent.GlobalEventExecutor$2",
            "io.netty.util.concurrent.GlobalEventExecutor$3",
            "io.netty.buffer.PoolArena$1",
            // the SDK, as it fails a call that the stop ended (an open stream), and the adapter, as it hands that
            // failure to the stream's reader: what the first failure of a call loads
            "software.amazon.awssdk.core.exception.SdkClientException$Builder",
            "software.amazon.awssdk.core.exception.SdkClientException$BuilderImpl",
            "software.amazon.awssdk.core.exception.SdkException$BuilderImpl",
            "software.amazon.awssdk.core.exception.SdkDiagnostics",
            "software.amazon.awssdk.core.exception.SdkDiagnostics$Builder",
            "software.amazon.awssdk.core.exception.SdkDiagnostics$BuilderImpl",
            "software.amazon.awssdk.core.internal.http.pipeline.stages.utils.ExceptionReportingUtils",
            "software.amazon.awssdk.core.internal.interceptor.DefaultFailedExecutionContext",
            "software.amazon.awssdk.core.internal.interceptor.DefaultFailedExecutionContext$Builder",
            "software.amazon.awssdk.core.internal.metrics.SdkErrorType",
            "software.amazon.awssdk.core.internal.util.ThrowableUtils",
            "software.amazon.awssdk.core.retry.RetryUtils",
            "software.amazon.awssdk.retries.api.RefreshRetryTokenRequest",
            "software.amazon.awssdk.retries.api.RefreshRetryTokenRequest$Builder",
            "software.amazon.awssdk.retries.api.RefreshRetryTokenResponse",
            "software.amazon.awssdk.retries.api.internal.RefreshRetryTokenRequestImpl",
            "software.amazon.awssdk.retries.api.internal.RefreshRetryTokenRequestImpl$Builder",
            StreamFailures.class.getName(),
            // SLF4J's java.util.logging binding (the RAR's), so that a library that logs a warning while it closes
            // is heard, rather than its thread failing
            "org.slf4j.event.Level",
            "org.slf4j.helpers.MessageFormatter",
            "org.slf4j.helpers.FormattingTuple",
            "org.slf4j.jul.JDK14LoggerAdapter$1");

    private ClosingClasses() {
    }

    /** Loads every class of {@link #NAMES}; one that is not there is logged (FINE) and skipped. */
    static void load() {
        ClassLoader loader = ClosingClasses.class.getClassLoader();
        for (String name : NAMES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                AdapterLog.closingClassMissing(name, e.toString());
            }
        }
    }
}
