package io.lambdajca.local.iam;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.regex.Pattern;

/** An IAM Roles Anywhere trust anchor: its ARN and the CA certificate that client certificates must chain to. */
public record TrustAnchorDefinition(String arn, X509Certificate certificate) {

    public static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:rolesanywhere:[a-z0-9-]+:\\d{12}:trust-anchor/[a-f0-9-]{36}");

    public TrustAnchorDefinition {
        Objects.requireNonNull(certificate, "certificate");
        if (arn == null || !ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("not a trust anchor ARN (arn:aws:rolesanywhere:REGION:ACCOUNT:"
                    + "trust-anchor/UUID): " + arn);
        }
    }
}
