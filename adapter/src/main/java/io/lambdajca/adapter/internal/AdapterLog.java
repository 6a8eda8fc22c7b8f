package io.lambdajca.adapter.internal;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every message the adapter logs, each with a stable id (project code LAMBDAJCA, ids 1000-1999 reserved for the
 * adapter). INFO only for lifecycle events. Never logs credentials: the callers pass no secret in.
 */
public final class AdapterLog {

    private static final Logger LOG = Logger.getLogger("io.lambdajca.adapter");

    private AdapterLog() {
    }

    public static void adapterStarted(String version) {
        LOG.info(() -> "LAMBDAJCA1001: Lambda resource adapter " + version + " started");
    }

    public static void adapterStopped() {
        LOG.info("LAMBDAJCA1002: Lambda resource adapter stopped");
    }

    static void clientCreated(String region, URI endpoint, String credentials) {
        LOG.info(() -> "LAMBDAJCA1003: Created an AWS Lambda client for region " + region
                + (endpoint == null ? "" : " at endpoint " + endpoint) + " with credentials " + credentials);
    }

    static void clientsClosed(int count) {
        LOG.fine(() -> "LAMBDAJCA1004: Closed " + count + " AWS Lambda client(s)");
    }

    static void clientCloseFailed(String region, RuntimeException e) {
        LOG.log(Level.WARNING, "LAMBDAJCA1005: Closing the AWS Lambda client for region " + region + " failed", e);
    }

    static void warmUpFailed(String region, URI endpoint, RuntimeException e) {
        LOG.warning(() -> "LAMBDAJCA1007: The first call to Lambda in region " + region
                + (endpoint == null ? "" : " at " + endpoint) + " failed at activation (calls will still be tried): "
                + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    static void deferredDropped(String functionName) {
        LOG.fine(() -> "LAMBDAJCA1008: Event invocation of " + functionName
                + " deferred until commit was not sent: the transaction rolled back");
    }

    static void deferredFailed(String functionName, RuntimeException e) {
        LOG.warning(() -> "LAMBDAJCA1009: Event invocation of " + functionName + " deferred until commit could not be "
                + "sent after the commit: " + e.getMessage());
    }

    public static void workRejected(Exception e) {
        LOG.warning(() -> "LAMBDAJCA1010: The container's work manager refused the adapter's activation work: " + e);
    }

    public static void profileNotBound(String profile, long waitedMillis) {
        LOG.warning(() -> "LAMBDAJCA1011: The credential profile " + profile + " is still not bound in JNDI "
                + waitedMillis + " ms after the adapter started; calls through its connection definitions fail "
                + "until it is configured");
    }

    public static void deferredActivationFailed(String profile, Exception e) {
        LOG.warning(() -> "LAMBDAJCA1012: Activating a connection definition with credential profile " + profile
                + " failed: " + e.getMessage());
    }

    static void retrying(String operation, String functionName, int attempt, long delayMillis, String cause) {
        LOG.fine(() -> "LAMBDAJCA1006: Retrying " + operation + (functionName == null ? "" : " of " + functionName)
                + " (attempt " + (attempt + 1) + ") in " + delayMillis + " ms after " + cause);
    }
}
