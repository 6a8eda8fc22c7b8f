package io.lambdajca.local.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lambdajca.local.ApiException;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Checks a request's AWS Signature Version 4 as AWS does: the key must be known, the signing time within the service's
 * window ({@link #LAMBDA_SKEW}, {@link #STS_SKEW}),
 * a temporary key's session token present and unexpired, and the signature equal to the one the AWS SDK's own signer
 * computes for the same request with the key's secret (its canonical request, hashing and key derivation).
 */
public final class SigV4Verifier {

    /**
     * How far a signing time may be from the service's clock: 5 minutes for Lambda ("Signature expired: ... (... - 5
     * min.)", as users report Lambda's answer: serverless#27, pulumi-aws#55), 15 for STS (aws-cli#6676).
     */
    public static final Duration LAMBDA_SKEW = Duration.ofMinutes(5);
    public static final Duration STS_SKEW = Duration.ofMinutes(15);

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final IdentityStore identities;
    private final String service;
    private final Duration maxSkew;
    private final Clock clock;
    private static final int MAX_CACHED_KEYS = 1000;

    private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();

    public SigV4Verifier(IdentityStore identities, String service, Duration maxSkew, Clock clock) {
        this.identities = identities;
        this.service = service;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    /** Verifies the request and returns the identity that signed it; throws the 403 AWS would send. */
    public Identity verify(SignedRequest request) {
        String authorization = request.header.apply("Authorization");
        if (authorization == null) {
            throw ApiException.forbidden("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization, ALGORITHM);
        Instant signedAt = signingTime(request.header.apply("X-Amz-Date"));
        Identity identity = identities.find(auth.credentialId);
        if (identity == null) {
            throw ApiException.forbidden("UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        checkSkew(signedAt);
        if (!service.equals(auth.service)) {
            throw ApiException.forbidden("InvalidSignatureException",
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }
        String amzDate = request.header.apply("X-Amz-Date");
        if (auth.date.length() != 8 || !amzDate.startsWith(auth.date)) {
            throw ApiException.forbidden("InvalidSignatureException", "Date in Credential scope does not match "
                    + "YYYYMMDD from ISO-8601 version of date from HTTP: '" + auth.date + "' != '"
                    + amzDate.substring(0, Math.min(8, amzDate.length())) + "', from '" + amzDate + "'.");
        }
        checkSessionToken(identity, request.header.apply("X-Amz-Security-Token"));
        String expected = expectedSignature(request, auth, amzDate, identity, signedAt);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.forbidden("InvalidSignatureException", "The request signature we calculated does not "
                    + "match the signature you provided. Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details.");
        }
        return identity;
    }

    static Instant signingTime(String amzDate) {
        if (amzDate == null) {
            throw new ApiException(400, "IncompleteSignatureException",
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        try {
            // yyyyMMdd'T'HHmmss'Z', parsed by hand: DateTimeFormatter.parse is a measurable share of a request
            if (amzDate.length() != 16 || amzDate.charAt(8) != 'T' || amzDate.charAt(15) != 'Z') {
                throw new DateTimeParseException("not yyyyMMdd'T'HHmmss'Z'", amzDate, 0);
            }
            return LocalDateTime.of(digits(amzDate, 0, 4), digits(amzDate, 4, 6), digits(amzDate, 6, 8),
                    digits(amzDate, 9, 11), digits(amzDate, 11, 13), digits(amzDate, 13, 15))
                    .toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new ApiException(400, "IncompleteSignatureException", "Date must be in ISO-8601 'basic format'. "
                    + "Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a digit", s, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private void checkSkew(Instant signedAt) {
        checkSkew(signedAt, clock.instant(), maxSkew, "InvalidSignatureException");
    }

    /** Throws the 403 AWS sends (with that error code) when a signing time is more than {@code maxSkew} off. */
    static void checkSkew(Instant signedAt, Instant now, Duration maxSkew, String code) {
        long minutes = maxSkew.toMinutes();
        if (signedAt.isBefore(now.minus(maxSkew))) {
            throw ApiException.forbidden(code, "Signature expired: " + AMZ_DATE.format(signedAt)
                    + " is now earlier than " + AMZ_DATE.format(now.minus(maxSkew)) + " (" + AMZ_DATE.format(now)
                    + " - " + minutes + " min.)");
        }
        if (signedAt.isAfter(now.plus(maxSkew))) {
            throw ApiException.forbidden(code, "Signature not yet current: "
                    + AMZ_DATE.format(signedAt) + " is still later than " + AMZ_DATE.format(now.plus(maxSkew)) + " ("
                    + AMZ_DATE.format(now) + " + " + minutes + " min.)");
        }
    }

    private void checkSessionToken(Identity identity, String token) {
        if (identity.sessionToken() == null) {
            return;
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                identity.sessionToken().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.forbidden("UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        if (identity.expiration() != null && !clock.instant().isBefore(identity.expiration())) {
            throw ApiException.forbidden("ExpiredTokenException",
                    "The security token included in the request is expired");
        }
    }

    private String expectedSignature(SignedRequest request, AuthorizationHeader auth, String amzDate,
            Identity identity, Instant signedAt) {
        // The SDK signer's own steps: canonical request, its hash, the string to sign, the signature. The string to
        // sign takes the time and scope as the request states them, which verify() has checked are exactly what the
        // SDK's CredentialScope would format from the signing time. Only the derived signing key is cached (per key,
        // day, region and service), as the SDK signer recomputes it with four HMACs on every call.
        String stringToSign = CanonicalRequest.stringToSign(request, auth, amzDate, "InvalidSignatureException");
        byte[] key = signingKeys.computeIfAbsent(identity.accessKeyId() + "/" + auth.scope(), k -> {
            if (signingKeys.size() > MAX_CACHED_KEYS) {
                signingKeys.clear();
            }
            AwsCredentialsIdentity credentials = identity.sessionToken() == null
                    ? AwsCredentialsIdentity.create(identity.accessKeyId(), identity.secretKey())
                    : AwsSessionCredentialsIdentity.create(identity.accessKeyId(), identity.secretKey(),
                            identity.sessionToken());
            return SignerUtils.deriveSigningKey(credentials, new CredentialScope(auth.region, auth.service, signedAt));
        });
        return Hashes.hmacSha256Hex(key, stringToSign);
    }

}
