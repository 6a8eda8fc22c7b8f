package io.lambdajca.local.auth;

import java.util.List;

import io.lambdajca.local.ApiException;

/**
 * The parts of a SigV4-style {@code Authorization: ALGORITHM Credential=ID/DATE/REGION/SERVICE/aws4_request,
 * SignedHeaders=..., Signature=...} header. ID is an access key id for HMAC signatures, and the certificate's serial
 * number for IAM Roles Anywhere's X.509 signatures.
 */
final class AuthorizationHeader {

    final String algorithm;
    String credentialId;
    String date;
    String region;
    String service;
    List<String> signedHeaders;
    String signature;

    private AuthorizationHeader(String algorithm) {
        this.algorithm = algorithm;
    }

    /** Parses the header, which must use one of the given algorithms; throws the 400 AWS sends otherwise. */
    static AuthorizationHeader parse(String header, String... algorithms) {
        String algorithm = null;
        for (String a : algorithms) {
            if (header.startsWith(a + " ")) {
                algorithm = a;
            }
        }
        if (algorithm == null) {
            throw new ApiException(400, "IncompleteSignatureException", "Unsupported signing algorithm in "
                    + "Authorization header; only " + String.join(" or ", algorithms) + " is accepted.");
        }
        AuthorizationHeader a = new AuthorizationHeader(algorithm);
        for (String part : header.substring(algorithm.length() + 1).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                String[] scope = p.substring("Credential=".length()).split("/");
                if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
                    throw new ApiException(400, "IncompleteSignatureException", "Credential must have exactly "
                            + "5 slash-delimited elements, e.g. keyid/date/region/service/term");
                }
                a.credentialId = scope[0];
                a.date = scope[1];
                a.region = scope[2];
                a.service = scope[3];
            } else if (p.startsWith("SignedHeaders=")) {
                a.signedHeaders = List.of(p.substring("SignedHeaders=".length()).split(";"));
            } else if (p.startsWith("Signature=")) {
                a.signature = p.substring("Signature=".length());
            }
        }
        if (a.credentialId == null || a.signedHeaders == null || a.signature == null) {
            throw new ApiException(400, "IncompleteSignatureException", "Authorization header requires "
                    + "'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }
        return a;
    }

    /** The credential scope, {@code DATE/REGION/SERVICE/aws4_request}. */
    String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }
}
