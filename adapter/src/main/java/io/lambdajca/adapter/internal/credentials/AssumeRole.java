package io.lambdajca.adapter.internal.credentials;

import java.net.URI;
import java.util.Objects;

import software.amazon.awssdk.regions.Region;

/**
 * STS AssumeRole: the role, session name, duration and external id (null when none), the STS region and endpoint
 * override (null for the region's endpoint), and the source of the calling credentials.
 */
public record AssumeRole(String roleArn, String sessionName, int durationSeconds, String externalId, Region region,
        URI endpointOverride, CredentialSource caller) implements CredentialSource {

    public AssumeRole {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(caller, "caller");
    }

    @Override
    public CredentialType type() {
        return CredentialType.ASSUME_ROLE;
    }

    @Override
    public String describe() {
        return "ASSUME_ROLE " + roleArn + " as session " + sessionName + " (calling with " + caller.describe() + ")";
    }

    @Override
    public String toString() {
        return "AssumeRole[" + roleArn + ", session " + sessionName + ", " + durationSeconds + " s"
                + (externalId == null ? "" : ", with external id") + ", " + region.id()
                + (endpointOverride == null ? "" : " at " + endpointOverride) + ", caller " + caller + "]";
    }
}
