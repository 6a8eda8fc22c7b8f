package io.lambdajca.local.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Issues temporary credentials, as STS and IAM Roles Anywhere do: an ASIA access key id, a secret key, a session
 * token and an expiry, accepted by every service of the endpoint until they expire. For tests, the lifetime can be
 * forced short (seconds) whatever duration the caller asked for.
 */
public final class CredentialIssuer {

    private static final int MAX_RECORDED = 10_000;
    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final IdentityStore identities;
    private final Clock clock;
    private final Duration lifetimeOverride;
    private final SecureRandom random = new SecureRandom();
    private final Deque<Issued> issued = new ConcurrentLinkedDeque<>();

    /** With a null lifetimeOverride, credentials live as long as the caller asked. */
    public CredentialIssuer(IdentityStore identities, Clock clock, Duration lifetimeOverride) {
        this.identities = identities;
        this.clock = clock;
        this.lifetimeOverride = lifetimeOverride;
    }

    /** Issues credentials for a role (its ARN); they are also recorded, the newest 10,000, for tests. */
    public Identity issue(Duration requested, String roleArn) {
        identities.prune(clock.instant());
        StringBuilder key = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            key.append(KEY_CHARS[random.nextInt(KEY_CHARS.length)]);
        }
        Identity identity = new Identity(key.toString(), randomText(30), "LocalLambdaSession/" + randomText(96),
                clock.instant().plus(lifetimeOverride != null ? lifetimeOverride : requested));
        identities.add(identity);
        issued.addLast(new Issued(roleArn, identity));
        while (issued.size() > MAX_RECORDED) {
            issued.pollFirst();
        }
        return identity;
    }

    /** The credentials issued so far (the newest 10,000), oldest first. */
    public List<Issued> issued() {
        return List.copyOf(issued);
    }

    /** Credentials issued for a role. */
    public record Issued(String roleArn, Identity identity) {
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
