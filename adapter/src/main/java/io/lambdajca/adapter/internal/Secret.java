package io.lambdajca.adapter.internal;

import java.io.Serializable;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/** A secret value (secret key, session token) that never shows itself in {@code toString()}. */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a value; null and empty give null, meaning "not set". */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    /** The secret itself; only for handing to the AWS SDK. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                ((Secret) o).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
