package io.lambdajca.adapter.internal.credentials;

import java.net.URI;
import java.util.Objects;

import software.amazon.awssdk.regions.Region;

/**
 * IAM Roles Anywhere CreateSession: trust anchor, profile and role, duration, optional session name, the region (of
 * the trust anchor), an endpoint override (null for the region's endpoint) and the client certificate with its key.
 */
public record RolesAnywhere(String trustAnchorArn, String profileArn, String roleArn, int durationSeconds,
        String sessionName, Region region, URI endpointOverride, ClientCertificate certificate)
        implements CredentialSource {

    public RolesAnywhere {
        Objects.requireNonNull(trustAnchorArn, "trustAnchorArn");
        Objects.requireNonNull(profileArn, "profileArn");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public CredentialType type() {
        return CredentialType.ROLES_ANYWHERE;
    }

    @Override
    public String describe() {
        return "ROLES_ANYWHERE " + roleArn + " with " + certificate;
    }

    /** Where CreateSession is sent: the override, or the Roles Anywhere endpoint of the trust anchor's region. */
    public URI endpoint() {
        return endpointOverride != null ? endpointOverride
                : URI.create("https://rolesanywhere." + region.id() + "." + region.metadata().partition().dnsSuffix());
    }
}
