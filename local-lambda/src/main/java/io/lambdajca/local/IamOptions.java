package io.lambdajca.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Set;

import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;

/** Parses the command line's --role, --trust-anchor and --roles-anywhere-profile values. */
final class IamOptions {

    private IamOptions() {
    }

    /** {@code ROLE_ARN[,external-id=ID][,max-session=SECONDS]}. */
    static RoleDefinition role(String spec) {
        String[] parts = spec.split(",");
        RoleDefinition role = RoleDefinition.of(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.startsWith("external-id=")) {
                role = role.withExternalId(part.substring("external-id=".length()));
            } else if (part.startsWith("max-session=")) {
                role = role.withMaxSessionSeconds(Main.number("--role max-session",
                        part.substring("max-session=".length())));
            } else {
                throw new IllegalArgumentException("--role: unknown field '" + part + "' in '" + spec + "'");
            }
        }
        return role;
    }

    /** {@code TRUST_ANCHOR_ARN=CA_CERTIFICATE_FILE}. */
    static TrustAnchorDefinition trustAnchor(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--trust-anchor needs ARN=CA_CERTIFICATE_FILE, not '" + spec + "'");
        }
        Path file = Path.of(spec.substring(eq + 1));
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return new TrustAnchorDefinition(spec.substring(0, eq), ca);
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("--trust-anchor: cannot read a certificate from " + file + ": "
                    + e.getMessage());
        }
    }

    /** {@code PROFILE_ARN,role=ROLE_ARN[,role=...][,accept-session-name=true]}. */
    static RolesAnywhereProfileDefinition profile(String spec) {
        String[] parts = spec.split(",");
        Set<String> roles = new LinkedHashSet<>();
        boolean acceptSessionName = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.startsWith("role=")) {
                roles.add(part.substring("role=".length()));
            } else if (part.startsWith("accept-session-name=")) {
                acceptSessionName = Boolean.parseBoolean(part.substring("accept-session-name=".length()));
            } else {
                throw new IllegalArgumentException("--roles-anywhere-profile: unknown field '" + part + "' in '"
                        + spec + "'");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("--roles-anywhere-profile needs at least one role=ROLE_ARN: '" + spec
                    + "'");
        }
        return new RolesAnywhereProfileDefinition(parts[0].trim(), roles, acceptSessionName);
    }
}
