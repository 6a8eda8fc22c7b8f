package io.lambdajca.adapter.internal.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The credential profiles' log messages (ids LAMBDAJCA1100-1199 of the adapter's range). They name the profile by its
 * type and role or key id; no secret, token, password or key is ever passed in.
 */
final class CredentialsLog {

    private static final Logger LOG = Logger.getLogger("io.lambdajca.adapter.credentials");

    private CredentialsLog() {
    }

    static void refreshed(String profile, Instant expiration) {
        LOG.fine(() -> "LAMBDAJCA1101: Fetched temporary credentials for " + profile + ", valid until " + expiration);
    }

    static void refreshFailed(String profile, Duration retry, RuntimeException e) {
        LOG.warning(() -> "LAMBDAJCA1102: Refreshing the temporary credentials of " + profile + " failed (the current "
                + "ones are used while they last; next try in " + retry.toMillis() + " ms): " + e.getMessage());
    }

    static void providersClosed(int count) {
        LOG.fine(() -> "LAMBDAJCA1103: Closed " + count + " credentials provider(s)");
    }
}
