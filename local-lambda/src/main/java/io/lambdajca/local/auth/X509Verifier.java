package io.lambdajca.local.auth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.lambdajca.local.ApiException;

/**
 * Checks an IAM Roles Anywhere request signature: SigV4's canonical request and string to sign, signed with the
 * private key of the X.509 certificate sent in {@code X-Amz-X509} (RSA PKCS#1 v1.5 or ECDSA, SHA-256), whose serial
 * number is the credential id; the certificate (with any {@code X-Amz-X509-Chain} intermediates) must chain to the
 * trust anchor's CA and be valid now. Uses JDK crypto only.
 */
public final class X509Verifier {

    static final String RSA = "AWS4-X509-RSA-SHA256";
    static final String ECDSA = "AWS4-X509-ECDSA-SHA256";

    private final Clock clock;

    public X509Verifier(Clock clock) {
        this.clock = clock;
    }

    /** Verifies the request against the trust anchor's CA; returns the signing certificate or throws a 403. */
    public X509Certificate verify(SignedRequest request, X509Certificate trustAnchor) {
        String authorization = request.header.apply("Authorization");
        if (authorization == null) {
            throw ApiException.forbidden("AccessDeniedException", "Missing Authentication Token");
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization, RSA, ECDSA);
        Instant signedAt = SigV4Verifier.signingTime(request.header.apply("X-Amz-Date"));
        SigV4Verifier.checkSkew(signedAt, clock.instant(), SigV4Verifier.STS_SKEW, "AccessDeniedException");
        if (!"rolesanywhere".equals(auth.service)) {
            throw denied("Credential should be scoped to correct service: 'rolesanywhere'.");
        }
        List<X509Certificate> path = certificates(request);
        X509Certificate leaf = path.get(0);
        if (!leaf.getSerialNumber().toString().equals(auth.credentialId)) {
            throw denied("The certificate serial number does not match the credential in the Authorization header.");
        }
        String stringToSign = CanonicalRequest.stringToSign(request, auth, request.header.apply("X-Amz-Date"),
                "AccessDeniedException");
        if (!signatureValid(auth, leaf, stringToSign)) {
            throw denied("Signature could not be verified with the provided certificate.");
        }
        checkTrust(path, trustAnchor);
        return leaf;
    }

    private static List<X509Certificate> certificates(SignedRequest request) {
        String leaf = request.header.apply("X-Amz-X509");
        if (leaf == null) {
            throw denied("The X-Amz-X509 header with the signing certificate is missing.");
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(certificate(leaf));
        String chain = request.header.apply("X-Amz-X509-Chain");
        if (chain != null && !chain.isBlank()) {
            for (String c : chain.split(",")) {
                path.add(certificate(c.trim()));
            }
        }
        return path;
    }

    private static X509Certificate certificate(String base64Der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ApiException(400, "ValidationException", "Invalid certificate: it must be base64 DER");
        }
    }

    private static boolean signatureValid(AuthorizationHeader auth, X509Certificate leaf, String stringToSign) {
        String keyType = leaf.getPublicKey().getAlgorithm();
        boolean rsa = RSA.equals(auth.algorithm);
        if (!(rsa ? "RSA" : "EC").equals(keyType)) {
            throw denied("The signing algorithm " + auth.algorithm + " does not match the certificate's " + keyType
                    + " key.");
        }
        try {
            Signature verifier = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(HexFormat.of().parseHex(auth.signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private void checkTrust(List<X509Certificate> path, X509Certificate anchor) {
        Date now = Date.from(clock.instant());
        try {
            path.get(0).checkValidity(now);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw denied("Certificate is not valid at this time (valid from " + path.get(0).getNotBefore()
                    .toInstant() + " to " + path.get(0).getNotAfter().toInstant() + ").");
        }
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            params.setRevocationEnabled(false);
            params.setDate(now);
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        } catch (CertPathValidatorException e) {
            throw denied("Untrusted signing certificate.");
        } catch (GeneralSecurityException e) {
            throw denied("Untrusted signing certificate.");
        }
    }

    private static ApiException denied(String message) {
        return ApiException.forbidden("AccessDeniedException", message);
    }
}
