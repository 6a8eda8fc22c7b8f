package io.lambdajca.adapter.internal;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

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
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("ConnectTimeoutException") || name.endsWith("ConnectionPoolTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** The credentials could not be had (STS or Roles Anywhere failed) before the request was sent, or null. */
    static CredentialsUnavailableException credentials(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CredentialsUnavailableException) {
                return (CredentialsUnavailableException) t;
            }
        }
        return null;
    }

    /** The answer's body did not match its x-amz-crc32 checksum. */
    static boolean checksumMismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Crc32MismatchException) {
                return true;
            }
        }
        return false;
    }

    /** The call ran out of time: a socket read timeout or the SDK's call timeout. */
    static boolean timedOut(Throwable e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || t instanceof InterruptedIOException && !(t.getClass().getName().endsWith("ConnectTimeoutException"))) {
                return true;
            }
        }
        return false;
    }
}
