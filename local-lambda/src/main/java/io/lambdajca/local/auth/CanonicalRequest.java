package io.lambdajca.local.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lambdajca.local.ApiException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;

/**
 * A received request's SigV4 string to sign, around the hex SHA-256 of its canonical request as the AWS SDK signer's
 * own code writes it, so that the endpoint checks signatures exactly as AWS defines them. Shared by the HMAC (SigV4) and X.509 (IAM Roles Anywhere) checks.
 */
final class CanonicalRequest {

    private static final V4CanonicalRequest.Options OPTIONS = new V4CanonicalRequest.Options(true, true);

    private CanonicalRequest() {
    }

    /**
     * SigV4's string to sign: the algorithm, the request's time ({@code X-Amz-Date}, as sent), its credential scope and
     * the hash of its canonical request; a missing signed header is an error with the given code.
     */
    static String stringToSign(SignedRequest request, AuthorizationHeader auth, String amzDate, String errorCode) {
        return auth.algorithm + "\n" + amzDate + "\n" + auth.scope() + "\n"
                + hash(request, auth.signedHeaders, errorCode);
    }

    /** Hashes the request over the signed headers; a missing header is an error with the given code. */
    private static String hash(SignedRequest request, List<String> signedHeaders, String errorCode) {
        String payloadHash = Hashes.sha256Hex(request.body);
        return Hashes.sha256Hex(sdkCanonicalRequest(request, signedHeaders, errorCode, payloadHash));
    }

    /** The canonical request as the AWS SDK signer's own code writes it. */
    private static String sdkCanonicalRequest(SignedRequest request, List<String> signedHeaders, String errorCode,
            String payloadHash) {
        String hostHeader = host(request, errorCode);
        SdkHttpRequest.Builder http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method))
                .protocol("http")
                .encodedPath(request.rawPath);
        int colon = hostHeader.lastIndexOf(':');
        if (colon > 0 && hostHeader.indexOf(']') < colon) {
            http.host(hostHeader.substring(0, colon)).port(Integer.parseInt(hostHeader.substring(colon + 1)));
        } else {
            http.host(hostHeader);
        }
        queryParameters(request.rawQuery).forEach(http::putRawQueryParameter);
        for (String name : signedHeaders) {
            String value = request.header.apply(name);
            if (value == null) {
                throw ApiException.forbidden(errorCode,
                        "The request signature we calculated does not match the signature you provided.");
            }
            http.putHeader(name, value);
        }
        return new V4CanonicalRequest(http.build(), payloadHash, OPTIONS).getCanonicalRequestString();
    }

    private static String host(SignedRequest request, String errorCode) {
        String hostHeader = request.header.apply("Host");
        if (hostHeader == null) {
            throw ApiException.forbidden(errorCode, "Host header is required");
        }
        return hostHeader;
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
