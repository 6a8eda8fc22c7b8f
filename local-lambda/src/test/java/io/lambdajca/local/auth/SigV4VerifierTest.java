package io.lambdajca.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.lambdajca.local.ApiException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The verifier against requests signed by the SDK's own signer: what it accepts, and that the string to sign it builds
 * from the request's stated time and scope cannot be steered by a scope that only starts like the request's date.
 */
class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:30:00Z");
    private static final String BODY = "{\"hello\":\"world\"}";

    private final IdentityStore identities = new IdentityStore();
    private final SigV4Verifier verifier = new SigV4Verifier(identities, "lambda", SigV4Verifier.LAMBDA_SKEW,
            Clock.fixed(NOW, ZoneOffset.UTC));

    SigV4VerifierTest() {
        identities.add(Identity.permanent("AKIDTEST", "secret-test"));
    }

    @Test
    void acceptsTheSdkSignatureAndRepeatsItWithTheCachedKey() {
        Map<String, String> headers = sign("secret-test", NOW);
        assertThat(verifier.verify(request(headers, BODY)).accessKeyId()).isEqualTo("AKIDTEST");
        assertThat(verifier.verify(request(headers, BODY)).accessKeyId()).isEqualTo("AKIDTEST");
    }

    @Test
    void refusesAChangedBodyOrAnotherSecret() {
        assertThatThrownBy(() -> verifier.verify(request(sign("secret-test", NOW), "{\"hello\":\"there\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                        .isEqualTo("InvalidSignatureException"));
        assertThatThrownBy(() -> verifier.verify(request(sign("other-secret", NOW), BODY)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                        .isEqualTo("InvalidSignatureException"));
    }

    @Test
    void refusesACredentialScopeDateThatIsOnlyAPrefixOfTheRequestDate() {
        Map<String, String> headers = sign("secret-test", NOW);
        headers.put("Authorization", headers.get("Authorization").replace("/20261124/", "/2026112/"));
        assertThatThrownBy(() -> verifier.verify(request(headers, BODY)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidSignatureException");
                    assertThat(e.getMessage()).contains("'2026112' != '20261124'");
                });
    }

    private static Map<String, String> sign(String secret, Instant at) {
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIDTEST", secret))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                        .uri(URI.create("http://127.0.0.1:9001/2015-03-31/functions/echo/invocations"))
                        .putHeader("Content-Type", "application/json").build())
                .payload(ContentStreamProvider.fromUtf8String(BODY))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    private static SignedRequest request(Map<String, String> headers, String body) {
        return new SignedRequest("POST", "/2015-03-31/functions/echo/invocations", null, headers::get,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
