package io.lambdajca.adapter.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Classifies client-side failures by whether the request can have reached Lambda. */
final class Failures {

    /**
     * How the HTTP clients name a connection not made or not had: Apache 4's and 5's connect timeouts, Apache 4's
     * pool timeout and Apache 5's ({@code org.apache.hc.core5.http.ConnectionRequestTimeoutException}).
     */
    private static final List<String> NO_CONNECTION = List.of("ConnectTimeoutException",
            "ConnectionPoolTimeoutException", "ConnectionRequestTimeoutException");
    /** How the SDK's Netty client says that no pooled connection came free (its acquire timeout and limit). */
    private static final List<String> NO_POOLED_CONNECTION = List.of("Acquire operation took longer",
            "Too many outstanding acquire operations", "Maximum pending connection acquisitions exceeded");
    /** How the SDK's Netty client says that the HTTP proxy answered its CONNECT with anything but 200. */
    private static final String PROXY_REFUSED_TUNNEL = "Could not connect to proxy";
    /** How the JDK's TLS says that the endpoint answered its handshake with bytes that are not TLS. */
    private static final String NOT_TLS = "Unsupported or unrecognized SSL message";
    /** How the SDK's message begins when it could not read an answer into its model. */
    private static final String UNMARSHALL = "Unable to unmarshall response";
    /** Netty's read and write timeouts on a stream's connection (not InterruptedIOExceptions). */
    private static final Set<String> NETTY_TIMEOUTS = Set.of("io.netty.handler.timeout.ReadTimeoutException",
            "io.netty.handler.timeout.WriteTimeoutException");

    private Failures() {
    }

    /**
     * The request was never sent: no connection was made (refused, unknown host, no route, connect timeout, a proxy's
     * tunnel refused, a TLS handshake failed) or none came free in the pool in time, in any HTTP client the adapter
     * uses (the Apache clients' exception names, the SDK's Netty client's messages).
     */
    static boolean beforeSending(Throwable e) {
        return anyCause(e, t -> t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException || noConnection(t.getClass().getName(), t.getMessage()))
                || proxyRefusedTunnel(e) || tlsHandshakeFailed(e);
    }

    /**
     * The TLS handshake with the endpoint failed (a certificate the JVM does not trust, an https:// endpoint on a port
     * that speaks plain HTTP), so the request was not processed: it is sent, if at all, only once the handshake is
     * done, and a server that refused the handshake took none of it.
     */
    static boolean tlsHandshakeFailed(Throwable e) {
        return anyCause(e, t -> t instanceof SSLHandshakeException
                || t instanceof SSLException && NOT_TLS.equals(t.getMessage()));
    }

    /**
     * The HTTP proxy did not open a tunnel to the endpoint (a stream's connection: its answer to {@code CONNECT} was
     * not 200, a 407 if it asks for credentials), so nothing was sent.
     */
    static boolean proxyRefusedTunnel(Throwable e) {
        return anyCause(e, t -> t instanceof IOException && PROXY_REFUSED_TUNNEL.equals(t.getMessage()));
    }

    private static boolean noConnection(String className, String message) {
        return NO_CONNECTION.stream().anyMatch(className::endsWith)
                || message != null && NO_POOLED_CONNECTION.stream().anyMatch(message::startsWith);
    }

    /** The credentials could not be had (STS or Roles Anywhere failed) before the request was sent, or null. */
    static CredentialsUnavailableException credentials(Throwable e) {
        return cause(e, CredentialsUnavailableException.class);
    }

    /** The answer's body did not match its x-amz-crc32 checksum. */
    static boolean checksumMismatch(Throwable e) {
        return cause(e, Crc32MismatchException.class) != null;
    }

    /**
     * The answer arrived but could not be read as Lambda's: it is not JSON ({@link #notJson}), or JSON of another shape
     * (a number where Lambda's has text, say), which the SDK reports as {@value #UNMARSHALL}; not when what the SDK
     * reports so is the connection failing under the read (an IOException: a truncated body, a reset).
     */
    static boolean unreadableAnswer(Throwable e) {
        return notJson(e) || anyCause(e, t -> t instanceof SdkClientException && t.getMessage() != null
                && t.getMessage().startsWith(UNMARSHALL)) && !anyCause(e, t -> t instanceof IOException);
    }

    /** The answer arrived but was not JSON, so not Lambda's (a proxy's or a captive portal's page). */
    static boolean notJson(Throwable e) {
        return anyCause(e, t -> t.getClass().getName().endsWith("JsonParseException"));
    }

    /**
     * The call ran out of time after the request may have reached Lambda: a read timeout (a socket's, or Netty's
     * handler's on a stream) or the SDK's call timeout; not a wait for a connection, when nothing was sent.
     */
    static boolean timedOut(Throwable e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        return !beforeSending(e) && anyCause(e, t -> t instanceof SocketTimeoutException
                || t instanceof InterruptedIOException || NETTY_TIMEOUTS.contains(t.getClass().getName()));
    }

    /** The first throwable of that type in the cause chain of e (e included), or null. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
