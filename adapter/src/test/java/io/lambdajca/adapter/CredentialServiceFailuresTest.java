package io.lambdajca.adapter;

import static io.lambdajca.adapter.TestArns.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;

import javax.naming.Context;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.testing.CapturedLog;
import io.lambdajca.adapter.testing.SystemProperties;
import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import jakarta.resource.ResourceException;

/**
 * Credentials that cannot be had, through a real connection with the real AWS SDK: whatever an ASSUME_ROLE profile's
 * STS answers (an answer without credentials, a page that is no AWS error) the application gets an
 * {@code AccessDeniedException} that names the role and what STS did, never an {@code UnexpectedFailureException};
 * the same for the SDK's default chain finding no credentials. Nothing is sent to Lambda.
 */
class CredentialServiceFailuresTest {

    private static final String PROFILE = "java:/lambda/profiles/BrokenSts";
    private static final String CALLER_KEY = "AKIASTSCALLERTEST";
    /** How the adapter names the profile. */
    private static final String DESCRIBED = "ASSUME_ROLE " + ROLE + " as session lambdajca (calling with STATIC "
            + "access key " + CALLER_KEY + ")";
    private static final String ISSUED_SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYISSUEDSECRET";
    private static final String ISSUED_TOKEN = "FwoGZXIvYXdzEISSUEDSESSIONTOKEN";
    private static final String NO_CREDENTIALS = "<AssumeRoleResponse "
            + "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><AssumedRoleUser>"
            + "<Arn>arn:aws:sts::123456789012:assumed-role/invoker/s</Arn>"
            + "<AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
            + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>";

    /** The Lambda endpoint: it must get no request. */
    private static JsonEndpoint lambda;
    private static final AtomicInteger LAMBDA_REQUESTS = new AtomicInteger();
    private static SystemProperties naming;

    @BeforeAll
    static void start() throws IOException {
        lambda = JsonEndpoint.start(exchange -> {
            LAMBDA_REQUESTS.incrementAndGet();
            return "{}";
        });
        naming = new SystemProperties().set(Context.INITIAL_CONTEXT_FACTORY, MapNaming.class.getName());
    }

    @AfterAll
    static void stop() throws ResourceException {
        naming.close();
        lambda.close();
    }

    @AfterEach
    void unbind() {
        MapNaming.BOUND.remove(PROFILE);
        assertThat(LAMBDA_REQUESTS.get()).as("requests that reached Lambda").isZero();
    }

    @Test
    void anStsAnswerWithoutCredentials_isAccessDenied_namingTheRole() throws Exception {
        try (StsStandIn sts = StsStandIn.answering(200, "text/xml", NO_CREDENTIALS)) {
            assertThatThrownBy(() -> invokeWith(sts, 0)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Invoke of function 'echo' was not sent: no credentials could be had. STS AssumeRole "
                            + "of " + ROLE + " answered without credentials (HTTP 200, no <Credentials>)");
        }
    }

    @Test
    void anHtmlPageServedWith200AsTheStsAnswer_isAccessDenied_namingTheRole_andIsNotRetried() throws Exception {
        try (StsStandIn sts = StsStandIn.answering(200, "text/html",
                "<html><body><h1>Welcome to the hotel network</h1></body></html>")) {
            assertThatThrownBy(() -> invokeWith(sts, 2)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageEndingWith("no credentials could be had. STS AssumeRole of " + ROLE
                            + " answered without credentials (HTTP 200, no <Credentials>)");
            // the new client's warm-up call and the invocation: the same page would come again
            assertThat(sts.requests()).as("requests STS got").isEqualTo(2);
        }
    }

    @Test
    void stsCredentialsWithoutAnExpiration_areAccessDenied_namingTheRole_andQuotingNoSecret() throws Exception {
        String answer = NO_CREDENTIALS.replace("</AssumeRoleResult>", "<Credentials>"
                + "<AccessKeyId>ASIAISSUEDKEY</AccessKeyId><SecretAccessKey>" + ISSUED_SECRET + "</SecretAccessKey>"
                + "<SessionToken>" + ISSUED_TOKEN + "</SessionToken></Credentials></AssumeRoleResult>");
        try (StsStandIn sts = StsStandIn.answering(200, "text/xml", answer)) {
            assertThatThrownBy(() -> invokeWith(sts, 0)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageEndingWith("no credentials could be had. STS AssumeRole of " + ROLE
                            + " answered without credentials (HTTP 200, no <Expiration>)")
                    .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain(ISSUED_SECRET)
                            .doesNotContain(ISSUED_TOKEN));
        }
    }

    @Test
    void aGatewaysHtml502_isAccessDenied_quotingTheStartOfThePage_withItsSecretsMasked() throws Exception {
        try (StsStandIn sts = StsStandIn.answering(502, "text/html", "<html>\r\n<head><title>502 Bad Gateway</title>"
                + "</head>\n<body>upstream said x-amz-security-token=" + ISSUED_TOKEN + " " + "lorem ipsum ".repeat(30)
                + "</body></html>")) {
            assertThatThrownBy(() -> invokeWith(sts, 0)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageStartingWith("Invoke of function 'echo' was not sent: no credentials could be had. STS "
                            + "AssumeRole of " + ROLE + " failed: HTTP 502, no AWS error code; the answer began: "
                            + "<html> <head><title>502 Bad Gateway</title></head> <body>upstream said "
                            + "x-amz-security-token=**** lorem ipsum")
                    .hasMessageEndingWith("...")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ISSUED_TOKEN).doesNotContain("null"));
            // once for the new client's warm-up call, once for the invocation (MaxRetries 0): the SDK retries nothing
            assertThat(sts.requests()).as("requests STS got").isEqualTo(2);
        }
    }

    @Test
    void stsThrottling_isRetriedByTheAdapter_thenAccessDenied_quotingSts() throws Exception {
        try (StsStandIn sts = StsStandIn.answering(400, "text/xml", "<ErrorResponse "
                + "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>Throttling</Code>"
                + "<Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>")) {
            assertThatThrownBy(() -> invokeWith(sts, 2)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageEndingWith("no credentials could be had. STS AssumeRole of " + ROLE + " failed: "
                            + "Throttling (HTTP 400): Rate exceeded");
            // the new client's warm-up call, then the invocation and its two retries: the SDK's own retries are off
            assertThat(sts.requests()).as("requests STS got").isEqualTo(4);
        }
    }

    @Test
    void aProxysBare407_isAccessDenied_sayingTheBodyWasEmpty_andIsNotRetried() throws Exception {
        try (StsStandIn sts = StsStandIn.answering(407, "text/plain", "")) {
            assertThatThrownBy(() -> invokeWith(sts, 2)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageEndingWith("no credentials could be had. STS AssumeRole of " + ROLE + " failed: "
                            + "HTTP 407, no AWS error code; an HTTP proxy on the way asks for credentials that it did "
                            + "not get or did not take (the JVM's http.proxyUser and http.proxyPassword give them); "
                            + "the answer began: (an empty body)");
            // the new client's warm-up call and the invocation: a refusal on the way is not worth a retry
            assertThat(sts.requests()).as("requests STS got").isEqualTo(2);
        }
    }

    @Test
    void aRedirect_isAccessDenied_namingWhereItLeads_andIsNotRetried() throws Exception {
        try (StsStandIn sts = StsStandIn.redirecting(307, "https://sts.example.com/?X-Amz-Signature=abc123")) {
            assertThatThrownBy(() -> invokeWith(sts, 2)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageEndingWith("no credentials could be had. STS AssumeRole of " + ROLE + " failed: "
                            + "HTTP 307, no AWS error code; a redirect to https://sts.example.com/ (its query, "
                            + "fragment or user information left out), which is not followed (set the endpoint to "
                            + "where it leads); the answer began: (an empty body)");
            assertThat(sts.requests()).as("requests STS got").isEqualTo(2);
        }
    }

    @Test
    void theDefaultChainFindingNoCredentials_isAccessDenied_sayingSo_andIsNotRetried() throws Exception {
        // no keys in system properties, no profile file, no instance metadata service; the environment is the
        // machine's, so the test needs one without the default chain's variables (a CI job's keys or role)
        List<String> inEnvironment = List.of("AWS_ACCESS_KEY_ID", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE").stream()
                .filter(name -> System.getenv(name) != null).toList();
        assumeTrue(inEnvironment.isEmpty(), "the default chain would find credentials through " + inEnvironment);
        Map<String, String> noCredentials = Map.of("aws.accessKeyId", "", "aws.secretAccessKey", "",
                "aws.sessionToken", "", "aws.sharedCredentialsFile", "/nonexistent/aws/credentials",
                "aws.configFile", "/nonexistent/aws/config", "aws.disableEc2Metadata", "true");
        SystemProperties withoutCredentials = SystemProperties.set(noCredentials);
        try (withoutCredentials;
                DirectConnection direct = DirectConnection.with(mcf -> {
                    mcf.setRegion("us-east-1");
                    mcf.setEndpointOverride(lambda.url());
                    mcf.setMaxRetries(2);
                });
                CapturedLog log = CapturedLog.of("io.lambdajca.adapter", Level.FINE)) {
            assertThatThrownBy(() -> direct.connection().listFunctions()).isInstanceOf(AccessDeniedException.class)
                    .hasMessageStartingWith("ListFunctions was not sent: no credentials could be had. The AWS SDK's "
                            + "default credentials chain found no credentials: Unable to load credentials from any of "
                            + "the providers in the chain");
            assertThatThrownBy(() -> direct.connection().getFunction("echo"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> direct.connection().deleteFunction("echo"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(log.messagesStartingWith("LAMBDAJCA1006")).as("retries logged").isEmpty();
        }
    }

    @Test
    void aCallWhoseTimeRunsOutWaitingForASilentSts_isAccessDenied_sayingItWaitedForTheCredentials() throws Exception {
        theCallTimeoutEndsTheWaitForASilentSts("Invoke", connection -> connection.invoke(
                InvocationRequest.builder("echo").payload("{}").build()));
    }

    @Test
    void aStreamWhoseTimeRunsOutWaitingForASilentSts_isAccessDenied_atItsCallTimeout() throws Exception {
        // the SDK's async client waits for the credentials on the caller's thread, before it sends anything: that
        // wait ends with the call's time too, not with the fetch's 30 s socket timeout
        theCallTimeoutEndsTheWaitForASilentSts("InvokeWithResponseStream", connection -> connection.invokeStream(
                InvocationRequest.builder("echo").payload("{}").build()));
    }

    /**
     * The call, through a connection with CallTimeoutMillis 1500 whose STS never answers, returns within seconds: its
     * time ran out while the fetch it waited for still waits for STS; the application's thread is not left
     * interrupted.
     */
    private static void theCallTimeoutEndsTheWaitForASilentSts(String operation,
            Function<LambdaConnection, Object> call) throws Exception {
        StsStandIn sts = StsStandIn.silent();
        DirectConnection direct = null;
        try {
            direct = connectionThrough(sts, mcf -> mcf.setCallTimeoutMillis(1_500L));
            LambdaConnection connection = direct.connection();
            long started = System.nanoTime();
            assertThatThrownBy(() -> call.apply(connection)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage(operation + " of function 'echo' was not sent: no credentials could be had. Waited "
                            + "for the credentials of " + DESCRIBED + " until the call's time ran out "
                            + "(CallTimeoutMillis; or its thread was interrupted): their fetch was still under way");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(millis).as("milliseconds the caller waited, CallTimeoutMillis being 1500")
                    .isBetween(1_400L, 5_000L);
            assertThat(Thread.currentThread().isInterrupted()).as("the application's thread left interrupted")
                    .isFalse();
        } finally {
            sts.close(); // the fetch ends now, not at its 30 s socket timeout, so the adapter stops at once
            if (direct != null) {
                direct.close();
            }
        }
    }

    /**
     * An invocation through a connection whose profile assumes {@link TestArns#ROLE} at that STS, with that
     * MaxRetries; the connection is closed when it returns or throws.
     */
    private static void invokeWith(StsStandIn sts, int maxRetries) throws ResourceException {
        try (DirectConnection direct = connectionThrough(sts, mcf -> mcf.setMaxRetries(maxRetries))) {
            direct.connection().invoke(InvocationRequest.builder("echo").payload("{}").build());
        }
    }

    /** A connection whose profile assumes {@link TestArns#ROLE} at that STS, with the test's further settings. */
    private static DirectConnection connectionThrough(StsStandIn sts, Consumer<LambdaManagedConnectionFactory> more)
            throws ResourceException {
        LambdaCredentialProfile role = new LambdaCredentialProfile();
        role.setType("ASSUME_ROLE");
        role.setRoleArn(ROLE);
        role.setRegion("us-east-1");
        role.setEndpointOverride(sts.url().toString());
        role.setAccessKeyId(CALLER_KEY);
        role.setSecretAccessKey("sts-caller-test-secret");
        MapNaming.BOUND.put(PROFILE, role);
        return DirectConnection.with(mcf -> {
            mcf.setRegion("us-east-1");
            mcf.setEndpointOverride(lambda.url());
            mcf.setCredentialProfile(PROFILE);
            more.accept(mcf);
        });
    }
}
