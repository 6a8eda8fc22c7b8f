package io.lambdajca.adapter.internal.credentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import io.lambdajca.adapter.internal.JsonP;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Fetches the temporary credentials of a {@link RolesAnywhere} profile: IAM Roles Anywhere's CreateSession
 * ({@code POST /sessions}, JSON), signed with the profile's X.509 certificate, sent on the adapter's shared HTTP client
 * for credential services. No AWS SDK implements this operation.
 */
final class RolesAnywhereSessions implements Supplier<AwsSessionCredentials> {

    private final RolesAnywhere profile;
    private final SdkHttpClient http;
    private final X509Signer signer;
    private final Clock clock;

    RolesAnywhereSessions(RolesAnywhere profile, SdkHttpClient http, Clock clock) {
        this.profile = profile;
        this.http = http;
        this.signer = new X509Signer(profile.certificate());
        this.clock = clock;
    }

    @Override
    public AwsSessionCredentials get() {
        URI endpoint = profile.endpoint();
        byte[] body = requestBody();
        String host = endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/sessions"));
        signer.sign("/sessions", host, profile.region().id(), body, clock.instant()).forEach(request::putHeader);
        request.putHeader("Content-Length", Integer.toString(body.length));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(request.build())
                    .contentStreamProvider(() -> new ByteArrayInputStream(body))
                    .build()).call();
            String text = read(response);
            int status = response.httpResponse().statusCode();
            if (status != 201 && status != 200) {
                String code = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType")
                        .map(t -> t.split(":")[0]).orElse("HTTP " + status);
                // its throttling (429) and its 5xx are worth the adapter's retry; its refusals are not
                throw new CredentialsUnavailableException("IAM Roles Anywhere CreateSession for " + profile.roleArn()
                        + " failed: " + code + " (HTTP " + status + "): " + message(text), code,
                        CredentialsUnavailableException.retryableStatus(status), null);
            }
            return credentials(text, status);
        } catch (IOException e) {
            throw new CredentialsUnavailableException("IAM Roles Anywhere CreateSession for " + profile.roleArn()
                    + " could not reach " + endpoint + ": " + e, null, e);
        }
    }

    private byte[] requestBody() {
        JsonObjectBuilder b = JsonP.PROVIDER.createObjectBuilder()
                .add("durationSeconds", profile.durationSeconds())
                .add("profileArn", profile.profileArn())
                .add("roleArn", profile.roleArn())
                .add("trustAnchorArn", profile.trustAnchorArn());
        if (profile.sessionName() != null) {
            b.add("roleSessionName", profile.sessionName());
        }
        return b.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The credentials of CreateSession's answer; the answer is not quoted: it may hold the issued keys. */
    private AwsSessionCredentials credentials(String text, int status) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
            JsonObject c = reader.readObject().getJsonArray("credentialSet").getJsonObject(0)
                    .getJsonObject("credentials");
            AwsSessionCredentials.Builder credentials = AwsSessionCredentials.builder()
                    .accessKeyId(c.getString("accessKeyId"))
                    .secretAccessKey(c.getString("secretAccessKey"))
                    .sessionToken(c.getString("sessionToken"));
            return credentials.expirationTime(expiration(c, status)).build();
        } catch (JsonException | ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw unusable("without a credential set", status);
        }
    }

    private Instant expiration(JsonObject credentials, int status) {
        if (!(credentials.get("expiration") instanceof JsonString expiration)) {
            throw unusable("credentials without an expiration", status);
        }
        try {
            return Instant.parse(expiration.getString());
        } catch (DateTimeParseException e) {
            String value = expiration.getString();
            throw unusable("credentials whose expiration '" + (value.length() <= 40 ? value : value.substring(0, 40)
                    + "...") + "' is not an ISO-8601 time", status);
        }
    }

    private CredentialsUnavailableException unusable(String what, int status) {
        return new CredentialsUnavailableException("IAM Roles Anywhere CreateSession for " + profile.roleArn() + " at "
                + profile.endpoint().resolve("/sessions") + " answered " + what + " (HTTP " + status + ")", null,
                false, null); // not a usable answer: a retry gets the same
    }

    private static String message(String text) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            return o.getString("message", o.getString("Message", text));
        } catch (JsonException | IllegalStateException e) {
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
