package io.lambdajca.local.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The access keys the endpoint knows: the configured permanent ones, and temporary ones it issued. */
public final class IdentityStore {

    /** Expired temporary keys are remembered this long, so that their use gets ExpiredToken, not an unknown key. */
    private static final Duration REMEMBER_EXPIRED = Duration.ofHours(1);

    private final Map<String, Identity> byAccessKey = new ConcurrentHashMap<>();

    public void add(Identity identity) {
        byAccessKey.put(identity.accessKeyId(), identity);
    }

    public Identity find(String accessKeyId) {
        return byAccessKey.get(accessKeyId);
    }

    /** Forgets temporary keys that expired long ago. */
    void prune(Instant now) {
        Instant horizon = now.minus(REMEMBER_EXPIRED);
        byAccessKey.values().removeIf(i -> i.expiration() != null && i.expiration().isBefore(horizon));
    }
}
