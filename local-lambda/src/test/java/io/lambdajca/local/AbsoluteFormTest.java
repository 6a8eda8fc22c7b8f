package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.lambdajca.local.testing.TestPki;
import io.lambdajca.testfunctions.Handlers;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A request whose request line names its target in absolute form ({@code POST http://host:port/path HTTP/1.1}), as a
 * client going through a forward proxy that passes that form on sends it, is routed and its signature checked as the
 * same request in origin form: a server must accept the absolute form (RFC 9112, section 3.2.2). Lambda's API, STS
 * and Roles Anywhere, each signed once and sent in both forms over a raw socket; a bad signature is refused in either,
 * and a target naming another authority than the (signed) Host header is refused by Undertow itself.
 */
class AbsoluteFormTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/absolute";
    private static final String ANCHOR = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/"
            + "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/"
            + "0a1b2c3d-0000-4000-8000-000000000002";
    private static final String INVOKE_PATH = "/2015-03-31/functions/echo/invocations";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final TestPki PKI = TestPki.newCa("absolute-form-ca");
    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.builder().port(0)
                .function(FunctionDefinition.builder("echo", Handlers.ECHO, TestFunctions.zip()).build())
                .role(RoleDefinition.of(ROLE))
                .trustAnchor(new TrustAnchorDefinition(ANCHOR, PKI.caCertificate()))
                .rolesAnywhereProfile(new RolesAnywhereProfileDefinition(PROFILE, Set.of(ROLE), false))
                .build().start();
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void invoke_inAbsoluteForm_isAnsweredAsInOriginForm() throws IOException {
        String body = "{\"form\":\"absolute\"}";
        Map<String, String> headers = signed("lambda", INVOKE_PATH, "application/json", body);

        Response origin = send(INVOKE_PATH, headers, body);
        Response absolute = send(absolute(INVOKE_PATH), headers, body);

        assertThat(origin.status).isEqualTo(200);
        assertThat(origin.body).isEqualTo(body);
        assertThat(absolute.status).as(absolute.toString()).isEqualTo(200);
        assertThat(absolute.body).isEqualTo(origin.body);
    }

    @Test
    void invokeWithAQuery_inAbsoluteForm_isSignedOverItsQueryAsInOriginForm() throws IOException {
        String body = "{\"form\":\"absolute\",\"query\":true}";
        String target = INVOKE_PATH + "?Qualifier=%24LATEST";
        Map<String, String> headers = signed("lambda", target, "application/json", body);

        Response origin = send(target, headers, body);
        Response absolute = send(absolute(target), headers, body);
        Response otherQuery = send(absolute(INVOKE_PATH + "?Qualifier=1"), headers, body);

        assertThat(origin.status).as(origin.toString()).isEqualTo(200);
        assertThat(absolute.status).as(absolute.toString()).isEqualTo(200);
        assertThat(absolute.body).isEqualTo(origin.body).isEqualTo(body);
        assertThat(otherQuery.status).as("signed for another query").isEqualTo(403);
        assertThat(otherQuery.errorType).isEqualTo("InvalidSignatureException");
    }

    @Test
    void assumeRole_inAbsoluteForm_withOrWithoutItsRootSlash_isAnsweredAsInOriginForm() throws IOException {
        String body = "Action=AssumeRole&Version=2011-06-15&RoleArn=" + ROLE.replace(":", "%3A").replace("/", "%2F")
                + "&RoleSessionName=absolute";
        Map<String, String> headers = signed("sts", "/", "application/x-www-form-urlencoded; charset=utf-8", body);

        // an empty path in an http URI is "/" (RFC 9112, section 3.2.1): both are the origin form's "/"
        for (String target : new String[] {"/", absolute("/"), absolute("")}) {
            Response answer = send(target, headers, body);
            assertThat(answer.status).as(target + ": " + answer).isEqualTo(200);
            assertThat(answer.body).contains("<AccessKeyId>ASIA");
        }
    }

    @Test
    void createSession_inAbsoluteForm_isAnsweredAsInOriginForm() throws IOException {
        String body = "{\"trustAnchorArn\":\"" + ANCHOR + "\",\"profileArn\":\"" + PROFILE + "\",\"roleArn\":\""
                + ROLE + "\"}";
        Map<String, String> headers = signedWithCertificate("/sessions", body);

        for (String target : new String[] {"/sessions", absolute("/sessions")}) {
            Response answer = send(target, headers, body);
            assertThat(answer.status).as(target + ": " + answer).isEqualTo(201);
            assertThat(answer.body).contains("\"accessKeyId\":\"ASIA");
        }
    }

    @Test
    void absoluteForm_withABadSignature_isRefusedAsInOriginForm() throws IOException {
        String body = "{\"form\":\"absolute\"}";
        Map<String, String> headers = signed("lambda", INVOKE_PATH, "application/json", body);
        String tampered = "{\"form\":\"tampered\"}";

        Response origin = send(INVOKE_PATH, headers, tampered);
        Response absolute = send(absolute(INVOKE_PATH), headers, tampered);

        assertThat(origin.status).isEqualTo(403);
        assertThat(origin.errorType).isEqualTo("InvalidSignatureException");
        assertThat(absolute.status).isEqualTo(403);
        assertThat(absolute.errorType).isEqualTo("InvalidSignatureException");
        assertThat(absolute.body).isEqualTo(origin.body);
        // signed for another path, sent with this one in absolute form
        Response otherPath = send(absolute("/2015-03-31/functions/other/invocations"), headers, body);
        assertThat(otherPath.status).isEqualTo(403);
        assertThat(otherPath.errorType).isEqualTo("InvalidSignatureException");
    }

    @Test
    void absoluteForm_namingAnotherAuthorityThanTheSignedHost_isRefused400() throws IOException {
        String body = "{\"form\":\"absolute\"}";
        Map<String, String> headers = signed("lambda", INVOKE_PATH, "application/json", body);

        Response answer = send("http://localhost:" + lambda.port() + INVOKE_PATH, headers, body);

        assertThat(answer.status).as("Undertow's own answer").isEqualTo(400);
    }

    private static String absolute(String path) {
        return "http://" + host() + path;
    }

    private static String host() {
        return lambda.endpoint().getAuthority();
    }

    /** The headers of a request signed with the default test key by the SDK's own SigV4 signer, Host included. */
    private static Map<String, String> signed(String service, String path, String contentType, String body) {
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                        .uri(URI.create("http://" + host() + path))
                        .putHeader("Content-Type", contentType).build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, lambda.region())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)).request();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", host());
        signed.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    /**
     * The headers of a Roles Anywhere request (a POST without query) signed as the service defines it: SigV4's
     * canonical request, signed with a client certificate's RSA key ({@code AWS4-X509-RSA-SHA256}).
     */
    private static Map<String, String> signedWithCertificate(String path, String body) {
        TestPki.Issued client = PKI.issue("RSA", "absolute-form-client");
        String amzDate = AMZ_DATE.format(Instant.now());
        String scope = amzDate.substring(0, 8) + "/" + lambda.region() + "/rolesanywhere/aws4_request";
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/json");
        headers.put("host", host());
        headers.put("x-amz-date", amzDate);
        try {
            headers.put("x-amz-x509", Base64.getEncoder().encodeToString(client.certificate().getEncoded()));
            StringBuilder canonical = new StringBuilder("POST\n").append(path).append("\n\n");
            headers.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
            String signedHeaders = String.join(";", headers.keySet());
            canonical.append('\n').append(signedHeaders).append('\n').append(sha256Hex(body));
            String stringToSign = "AWS4-X509-RSA-SHA256\n" + amzDate + "\n" + scope + "\n"
                    + sha256Hex(canonical.toString());
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(client.privateKey());
            rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            headers.put("authorization", "AWS4-X509-RSA-SHA256 Credential=" + client.certificate().getSerialNumber()
                    + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature="
                    + HexFormat.of().formatHex(rsa.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return headers;
    }

    private static String sha256Hex(String text) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a POST with this request target, these headers and body, and reads the answer (Content-Length framed). */
    private static Response send(String target, Map<String, String> headers, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                request.append(name).append(": ").append(value).append("\r\n");
            }
        });
        request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(lambda.endpoint().getHost(), lambda.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return Response.read(socket.getInputStream());
        }
    }

    /** An answer's status, {@code X-Amzn-ErrorType} (null if none) and body. */
    private record Response(int status, String errorType, String body) {

        static Response read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers.get("x-amzn-errortype"),
                    text.substring(end + 4));
        }
    }
}
