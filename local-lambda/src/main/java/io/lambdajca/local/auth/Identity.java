package io.lambdajca.local.auth;

import java.time.Instant;

/** A key the endpoint accepts: its secret, and for temporary credentials a session token and an expiry. */
public final class Identity {

    private final String accessKeyId;
    private final String secretKey;
    private final String sessionToken;
    private final Instant expiration;

    public Identity(String accessKeyId, String secretKey, String sessionToken, Instant expiration) {
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
        this.sessionToken = sessionToken;
        this.expiration = expiration;
    }

    public static Identity permanent(String accessKeyId, String secretKey) {
        return new Identity(accessKeyId, secretKey, null, null);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretKey() {
        return secretKey;
    }

    public String sessionToken() {
        return sessionToken;
    }

    public Instant expiration() {
        return expiration;
    }

    @Override
    public String toString() {
        return "Identity[" + accessKeyId + (sessionToken == null ? "" : ", temporary until " + expiration) + "]";
    }
}
