package io.lambdajca.adapter.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Every message the adapter logs, each with a stable id (project code LAMBDAJCA, ids 1000-1999 reserved for the
 * adapter: 1001-1099 adapter and connections, 1100-1199 credentials, 1200-1299 metrics). INFO only for lifecycle events
 * (adapter started and stopped, client created). Never logs credentials: the callers pass no secret in, and every
 * message goes through {@link Redaction} on its way out, for what an exception from the SDK or a service may quote
 * (an exception is logged as its chain of messages, never as a stack trace that would print them raw). Through
 * java.util.logging, so that it works unchanged in WildFly, Open Liberty and GlassFish.
 */
public final class AdapterLog {

    private static final Masked LOG = new Masked(Logger.getLogger("io.lambdajca.adapter"));

    private AdapterLog() {
    }

    public static void adapterStarted(String version) {
        LOG.info(() -> "LAMBDAJCA1001: Lambda resource adapter " + version + " started");
    }

    public static void adapterStopped() {
        LOG.info("LAMBDAJCA1002: Lambda resource adapter stopped");
    }

    public static void clientCreated(String region, URI endpoint, String credentials) {
        LOG.info(() -> "LAMBDAJCA1003: Created an AWS Lambda client for region " + region
                + (endpoint == null ? "" : " at endpoint " + endpoint) + " with credentials " + credentials);
    }

    public static void asyncClientCreated(String region, URI endpoint, String credentials) {
        LOG.info(() -> "LAMBDAJCA1014: Created an AWS Lambda streaming client for region " + region
                + (endpoint == null ? "" : " at endpoint " + endpoint) + " with credentials " + credentials);
    }

    public static void streamThreadsNotStopped(long waitedMillis) {
        LOG.warning(() -> "LAMBDAJCA1015: The response streaming threads (lambdajca-stream-*, Netty's "
                + "globalEventExecutor-*) had not ended " + waitedMillis + " ms after the adapter stopped");
    }

    public static void closingClassMissing(String name, String problem) {
        LOG.fine(() -> "LAMBDAJCA1016: Class " + name + ", which closing the clients needs, could not be loaded in "
                + "advance: " + problem);
    }

    public static void connectionReturnFailed(Throwable e) {
        LOG.warning(() -> "LAMBDAJCA1017: The server failed to take a closed Lambda connection back into its pool: "
                + Redaction.describe(e));
    }

    public static void clientsClosed(int count) {
        LOG.fine(() -> "LAMBDAJCA1004: Closed " + count + " AWS Lambda client(s)");
    }

    public static void clientCloseFailed(String region, RuntimeException e) {
        LOG.log(Level.WARNING, "LAMBDAJCA1005: Closing the AWS Lambda client for region " + region + " failed", e);
    }

    public static void warmUpFailed(String region, URI endpoint, String credentials, RuntimeException e) {
        String code = e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                && ase.awsErrorDetails().errorCode() != null ? " " + ase.awsErrorDetails().errorCode() : "";
        LOG.warning(() -> "LAMBDAJCA1007: The first call to Lambda in region " + region
                + (endpoint == null ? "" : " at " + endpoint) + " with " + credentials
                + " failed at activation (calls will still be tried):" + code + " " + e.getClass().getSimpleName()
                + ": " + e.getMessage());
    }

    public static void deferredDropped(String functionName) {
        LOG.fine(() -> "LAMBDAJCA1008: Event invocation of " + functionName
                + " deferred until commit was not sent: the transaction rolled back");
    }

    public static void deferredFailed(String functionName, RuntimeException e) {
        LOG.warning(() -> "LAMBDAJCA1009: Event invocation of " + functionName + " deferred until commit could not be "
                + "sent after the commit: " + e.getMessage());
    }

    public static void deferredFailureHandlerFailed(String functionName, RuntimeException e) {
        LOG.warning(() -> "LAMBDAJCA1013: The application's failure handler of the deferred Event invocation of "
                + functionName + " threw " + e.getClass().getName() + ": " + e.getMessage());
    }

    public static void profileNotBound(String profile, long waitedMillis) {
        LOG.warning(() -> "LAMBDAJCA1011: The credential profile " + profile + " is still not bound in JNDI "
                + waitedMillis + " ms after its connection definition was activated; calls through it fail "
                + "until it is configured");
    }

    public static void deferredActivationFailed(String profile, Exception e) {
        LOG.warning(() -> "LAMBDAJCA1012: Activating a connection definition"
                + (profile == null ? "" : " with credential profile " + profile) + " failed: " + e.getMessage());
    }

    public static void activationsNotStopped(long waitedMillis) {
        LOG.warning(() -> "LAMBDAJCA1010: An activation of a Lambda connection definition was still running "
                + waitedMillis + " ms after the adapter was told to stop");
    }

    public static void retrying(String operation, String functionName, int attempt, long delayMillis, String cause) {
        LOG.fine(() -> "LAMBDAJCA1006: Retrying " + operation + (functionName == null ? "" : " of " + functionName)
                + " (attempt " + (attempt + 1) + ") in " + delayMillis + " ms after " + cause);
    }

    public static void credentialsRefreshed(String profile, Instant expiration) {
        LOG.fine(() -> "LAMBDAJCA1101: Fetched temporary credentials for " + profile + ", valid until " + expiration);
    }

    public static void credentialsRefreshFailed(String profile, Duration retry, Throwable e) {
        LOG.warning(() -> "LAMBDAJCA1102: Refreshing the temporary credentials of " + profile + " failed (the current "
                + "ones are used while they last; next try in " + retry.toMillis() + " ms): "
                + (e instanceof Error ? e.toString() : e.getMessage()));
    }

    public static void credentialsExpired(String profile, Throwable e) {
        LOG.warning(() -> "LAMBDAJCA1104: The temporary credentials of " + profile + " have expired and refreshing "
                + "them failed; no more background refreshes: the next call that needs them fetches them (and fails "
                + "with this cause while the fetch fails): " + (e instanceof Error ? e.toString() : e.getMessage()));
    }

    public static void credentialProvidersClosed(int count) {
        LOG.fine(() -> "LAMBDAJCA1103: Closed " + count + " credentials provider(s)");
    }

    /** A management call changed a function (its versions, aliases, concurrency or tags). */
    public static void functionChanged(String operation, String function, String what) {
        LOG.fine(() -> "LAMBDAJCA1301: " + operation + " of " + function + ": " + what);
    }

    public static void metricsNotRegistered(String function, Exception e) {
        LOG.fine(() -> "LAMBDAJCA1201: The metrics of function " + function + " are not visible in JMX: " + e);
    }

    public static void metricsNotUnregistered(String name, Exception e) {
        LOG.fine(() -> "LAMBDAJCA1202: Could not unregister the metrics " + name + ": " + e);
    }

    /** The adapter's logger, with every message masked by {@link Redaction} once it is built. */
    private static final class Masked {
        private final Logger logger;

        Masked(Logger logger) {
            this.logger = logger;
        }

        void info(String message) {
            logger.info(() -> Redaction.redact(message));
        }

        void info(Supplier<String> message) {
            logger.info(() -> Redaction.redact(message.get()));
        }

        void fine(Supplier<String> message) {
            logger.fine(() -> Redaction.redact(message.get()));
        }

        void warning(Supplier<String> message) {
            logger.warning(() -> Redaction.redact(message.get()));
        }

        void log(Level level, String message, Throwable thrown) {
            logger.log(level, () -> Redaction.redact(message) + ": " + Redaction.describe(thrown));
        }
    }
}
