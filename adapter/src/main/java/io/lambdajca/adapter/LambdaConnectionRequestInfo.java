package io.lambdajca.adapter;

import java.util.Objects;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * What an application asked for beyond the connection definition: the JNDI name of a credential profile, or
 * {@link #OWN} for the definition's own credentials. Immutable. Every request carries one, never null: a pool that
 * substitutes its first request's info for a null one (WildFly's IronJacamar does) would otherwise give a plain
 * {@code getConnection()} the credentials of a profile some earlier caller named.
 */
final class LambdaConnectionRequestInfo implements ConnectionRequestInfo {

    /** The connection definition's own credentials (or the container's sign-on). */
    static final LambdaConnectionRequestInfo OWN = new LambdaConnectionRequestInfo();

    private final String credentialProfile;

    private LambdaConnectionRequestInfo() {
        this.credentialProfile = null;
    }

    LambdaConnectionRequestInfo(String credentialProfile) {
        this.credentialProfile = Objects.requireNonNull(credentialProfile, "credentialProfile");
    }

    /** The JNDI name of the credential profile asked for; null for the definition's own credentials. */
    String credentialProfile() {
        return credentialProfile;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LambdaConnectionRequestInfo
                && Objects.equals(credentialProfile, ((LambdaConnectionRequestInfo) o).credentialProfile);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(credentialProfile);
    }

    @Override
    public String toString() {
        return "LambdaConnectionRequestInfo[credentialProfile="
                + (credentialProfile == null ? "(the definition's own)" : credentialProfile) + "]";
    }
}
