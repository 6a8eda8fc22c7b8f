package io.lambdajca.local.http;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * What IAM Roles Anywhere derives from the certificate that signed CreateSession: the session name (the serial number,
 * hex-encoded in lower case, as AWS's trust-model guide says and its answers show), the source identity (the subject's
 * common name, {@code CN=name}, as CloudTrail records it), and the id in the subject's ARN (a UUID, the shape of the
 * service's subject ids; the same for every certificate with the same subject).
 */
final class CertificateIdentity {

    private CertificateIdentity() {
    }

    /** The serial number's bytes in lower-case hex, without the sign byte DER adds before a high first bit. */
    static String sessionName(X509Certificate certificate) {
        byte[] bytes = certificate.getSerialNumber().abs().toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code CN=name} for each common name of the subject, in the order the subject lists them; null without one. */
    static String sourceIdentity(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253))
                    .getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                Rdn rdn = rdns.get(i);
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add("CN=" + rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    /** The subject's id: a name-based UUID of the subject's distinguished name. */
    static String subjectId(X509Certificate certificate) {
        return UUID.nameUUIDFromBytes(certificate.getSubjectX500Principal().getName(X500Principal.CANONICAL)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
