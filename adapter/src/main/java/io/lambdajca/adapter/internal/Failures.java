package io.lambdajca.adapter.internal;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.function.Predicate;

import io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.Crc32MismatchException;

/** Classifies client-side failures by whether the request can have reached Lambda. */
final class Failures {

    private Failures() {
    }

    /** The connection was never made (refused, unknown host, no route, connect timeout, no pooled connection free). */
    static boolean beforeSending(Throwable e) {
        return anyCause(e, t -> t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException || t.getClass().getName().endsWith("ConnectTimeoutException")
                || t.getClass().getName().endsWith("ConnectionPoolTimeoutException"));
    }

    /** The credentials could not be had (STS or Roles Anywhere failed) before the request was sent, or null. */
    static CredentialsUnavailableException credentials(Throwable e) {
        return cause(e, CredentialsUnavailableException.class);
    }

    /** The answer's body did not match its x-amz-crc32 checksum. */
    static boolean checksumMismatch(Throwable e) {
        return cause(e, Crc32MismatchException.class) != null;
    }

    /** The answer arrived but was not JSON, so not Lambda's (a proxy's or a captive portal's page). */
    static boolean unreadableAnswer(Throwable e) {
        return anyCause(e, t -> t.getClass().getName().endsWith("JsonParseException"));
    }

    /** The call ran out of time: a socket read timeout or the SDK's call timeout. */
    static boolean timedOut(Throwable e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        return anyCause(e, t -> t instanceof SocketTimeoutException || t instanceof InterruptedIOException
                && !t.getClass().getName().endsWith("ConnectTimeoutException"));
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

    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
