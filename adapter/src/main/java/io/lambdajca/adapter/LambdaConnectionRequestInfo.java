package io.lambdajca.adapter;

import java.util.Objects;

import jakarta.resource.spi.ConnectionRequestInfo;

/** What an application asked for beyond the connection definition: the JNDI name of a credential profile. Immutable. */
final class LambdaConnectionRequestInfo implements ConnectionRequestInfo {

    private final String credentialProfile;

    LambdaConnectionRequestInfo(String credentialProfile) {
        this.credentialProfile = Objects.requireNonNull(credentialProfile, "credentialProfile");
    }

    String credentialProfile() {
        return credentialProfile;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LambdaConnectionRequestInfo
                && credentialProfile.equals(((LambdaConnectionRequestInfo) o).credentialProfile);
    }

    @Override
    public int hashCode() {
        return credentialProfile.hashCode();
    }

    @Override
    public String toString() {
        return "LambdaConnectionRequestInfo[credentialProfile=" + credentialProfile + "]";
    }
}
