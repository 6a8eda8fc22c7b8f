package io.lambdajca.adapter.internal.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs an IAM Roles Anywhere request as the service defines it: SigV4's canonical request and string to sign, with
 * the algorithm {@code AWS4-X509-RSA-SHA256} or {@code AWS4-X509-ECDSA-SHA256}, the certificate's serial number (in
 * decimal) as the credential, and an RSA (PKCS#1 v1.5) or ECDSA (DER) SHA-256 signature of the string to sign, hex
 * encoded. The certificate goes in {@code X-Amz-X509} and intermediates in {@code X-Amz-X509-Chain} (base64 DER).
 * JDK crypto only. Signs only what this adapter sends: a POST with a JSON body and no query string.
 */
final class X509Signer {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ClientCertificate certificate;

    X509Signer(ClientCertificate certificate) {
        this.certificate = certificate;
    }

    /**
     * The headers to send with the request, Authorization included.
     *
     * @param host the Host header value as it will be sent (host, plus ":port" when not the scheme's default)
     */
    Map<String, String> sign(String path, String host, String region, byte[] body, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String scope = amzDate.substring(0, 8) + "/" + region + "/rolesanywhere/aws4_request";
        String algorithm = "RSA".equals(certificate.keyAlgorithm()) ? "AWS4-X509-RSA-SHA256" : "AWS4-X509-ECDSA-SHA256";
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/json");
        headers.put("host", host);
        headers.put("x-amz-date", amzDate);
        headers.put("x-amz-x509", der(certificate.certificate()));
        if (!certificate.chain().isEmpty()) {
            List<String> chain = new ArrayList<>();
            for (X509Certificate c : certificate.chain()) {
                chain.add(der(c));
            }
            headers.put("x-amz-x509-chain", String.join(",", chain));
        }
        StringBuilder canonical = new StringBuilder("POST\n").append(path).append("\n\n");
        headers.forEach((name, value) -> canonical.append(name).append(':').append(value.trim()).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        canonical.append('\n').append(signedHeaders).append('\n').append(hex(sha256(body)));
        String stringToSign = algorithm + "\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        Map<String, String> result = new TreeMap<>(headers);
        result.remove("host");
        result.put("authorization", algorithm + " Credential=" + certificate.certificate().getSerialNumber() + "/"
                + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + hex(signature(stringToSign)));
        return result;
    }

    private byte[] signature(String stringToSign) {
        try {
            Signature s = Signature.getInstance("RSA".equals(certificate.keyAlgorithm()) ? "SHA256withRSA"
                    : "SHA256withECDSA");
            s.initSign(certificate.privateKey());
            s.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the Roles Anywhere certificate's key: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static String der(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate " + c.getSerialNumber(), e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
