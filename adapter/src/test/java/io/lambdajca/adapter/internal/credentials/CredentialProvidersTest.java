package io.lambdajca.adapter.internal.credentials;

import static io.lambdajca.adapter.TestArns.ROLE;
import static io.lambdajca.adapter.TestArns.ROLES_ANYWHERE_PROFILE;
import static io.lambdajca.adapter.TestArns.TRUST_ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.adapter.StsStandIn;
import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.lambdajca.local.testing.Poll;
import io.lambdajca.local.testing.TestPki;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The credential profiles against the local endpoint's real STS and Roles Anywhere wire protocols: credentials are
 * fetched, signed for and refreshed before they expire (the endpoint issues 3-second credentials), and the services'
 * refusals arrive as clear exceptions.
 */
class CredentialProvidersTest {

    private static final String PARTNER_ROLE = "arn:aws:iam::123456789012:role/partner";

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        pki = TestPki.newCa("Test Roles Anywhere CA");
        lambda = LocalLambda.builder().port(0)
                .role(RoleDefinition.of(ROLE))
                .role(RoleDefinition.of(PARTNER_ROLE).withExternalId("partner-42"))
                .trustAnchor(new TrustAnchorDefinition(TRUST_ANCHOR, pki.caCertificate()))
                .rolesAnywhereProfile(new RolesAnywhereProfileDefinition(ROLES_ANYWHERE_PROFILE, Set.of(ROLE),
                        false))
                .credentialLifetime(Duration.ofSeconds(3))
                .build().start();
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void assumeRole_refreshesBeforeExpiry_soCallsNeverSeeExpiredCredentials() throws Exception {
        try (CredentialProviders providers = new CredentialProviders()) {
            AwsCredentialsProvider provider = providers.provider(assumeRole(ROLE, null));
            assertThat(providers.refreshThreads()).isLessThanOrEqualTo(CredentialProviders.REFRESH_THREADS);
            assertCallsSucceedAcrossRefreshes(provider, Duration.ofSeconds(7));
        }
    }

    @Test
    void rolesAnywhere_withRsaPkcs12_andEcPem_refreshesBeforeExpiry() throws Exception {
        TestPki.Issued rsa = pki.issue("RSA", "rsa-client");
        TestPki.Issued ec = pki.issue("EC", "ec-client");
        Path p12 = rsa.writePkcs12(dir.resolve("rsa.p12"), "changeit".toCharArray());
        CredentialSource rsaSource = props(p12.toString(), "changeit", null, null).toSource(n -> null);
        CredentialSource ecSource = props(null, null, ec.writeCertificatePem(dir.resolve("ec.pem")).toString(),
                ec.writeKeyPem(dir.resolve("ec.key")).toString()).toSource(n -> null);
        assertThat(((RolesAnywhere) ecSource).certificate().keyAlgorithm()).isEqualTo("EC");
        try (CredentialProviders providers = new CredentialProviders()) {
            assertCallsSucceedAcrossRefreshes(providers.provider(rsaSource), Duration.ofSeconds(4));
            assertCallsSucceedAcrossRefreshes(providers.provider(ecSource), Duration.ofSeconds(4));
        }
    }

    @Test
    void rolesAnywhere_withAnUntrustedOrExpiredCertificate_failsWithTheServiceError() throws Exception {
        TestPki other = TestPki.newCa("Some Other CA");
        TestPki.Issued untrusted = other.issue("RSA", "stranger");
        TestPki.Issued expired = pki.issue("EC", "expired", Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1)));
        try (CredentialProviders providers = new CredentialProviders()) {
            AwsCredentialsProvider p1 = providers.provider(props(null, null,
                    untrusted.writeCertificatePem(dir.resolve("u.pem")).toString(),
                    untrusted.writeKeyPem(dir.resolve("u.key")).toString()).toSource(n -> null));
            assertThatThrownBy(p1::resolveCredentials).isInstanceOf(SdkClientException.class).cause()
                    .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e).hasMessageContaining("Untrusted signing certificate")
                                .hasMessageContaining(ROLE);
                    });
            AwsCredentialsProvider p2 = providers.provider(props(null, null,
                    expired.writeCertificatePem(dir.resolve("x.pem")).toString(),
                    expired.writeKeyPem(dir.resolve("x.key")).toString()).toSource(n -> null));
            assertThatThrownBy(p2::resolveCredentials).isInstanceOf(SdkClientException.class).cause()
                    .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("not valid at this time");
        }
    }

    @Test
    void rolesAnywhere_answeringWithoutUsableCredentials_failsNamingTheEndpointStatusAndWhatIsMissing()
            throws Exception {
        TestPki.Issued ec = pki.issue("EC", "ec-client-2");
        String cert = ec.writeCertificatePem(dir.resolve("ec2.pem")).toString();
        String key = ec.writeKeyPem(dir.resolve("ec2.key")).toString();
        String credentials = "{\"credentialSet\":[{\"credentials\":{\"accessKeyId\":\"ASIAISSUED\","
                + "\"secretAccessKey\":\"issued-secret\",\"sessionToken\":\"issued-token\"%s}}]}";
        assertThat(rolesAnywhereFailure(200, "<html><body>Sign in to the network</body></html>", cert, key))
                .matches("IAM Roles Anywhere CreateSession for " + ROLE + " at http://127\\.0\\.0\\.1:\\d+/sessions "
                        + "answered without a credential set \\(HTTP 200\\)");
        assertThat(rolesAnywhereFailure(201, "{}", cert, key))
                .endsWith("/sessions answered without a credential set (HTTP 201)");
        assertThat(rolesAnywhereFailure(201, String.format(credentials, ""), cert, key))
                .endsWith("/sessions answered credentials without an expiration (HTTP 201)")
                .doesNotContain("issued-secret");
        assertThat(rolesAnywhereFailure(201, String.format(credentials, ",\"expiration\":\"tomorrow\""), cert, key))
                .endsWith("/sessions answered credentials whose expiration 'tomorrow' is not an ISO-8601 time "
                        + "(HTTP 201)");
    }

    @Test
    void rolesAnywhere_throttlingOrA5xx_isWorthARetry_aRefusalIsNot() throws Exception {
        TestPki.Issued ec = pki.issue("EC", "ec-client-3");
        String cert = ec.writeCertificatePem(dir.resolve("ec3.pem")).toString();
        String key = ec.writeKeyPem(dir.resolve("ec3.key")).toString();
        String error = "{\"message\":\"%s\"}";
        assertThat(rolesAnywhereUnavailable(429, String.format(error, "Rate exceeded"), cert, key).retryable())
                .as("429").isTrue();
        assertThat(rolesAnywhereUnavailable(503, String.format(error, "Unavailable"), cert, key).retryable())
                .as("503").isTrue();
        assertThat(rolesAnywhereUnavailable(403, String.format(error, "Untrusted"), cert, key).retryable())
                .as("403").isFalse();
    }

    /** The message of the credentials' failure when Roles Anywhere answers this. */
    private static String rolesAnywhereFailure(int status, String answer, String cert, String key) throws Exception {
        return rolesAnywhereUnavailable(status, answer, cert, key).getMessage();
    }

    /** The credentials' failure when Roles Anywhere answers this. */
    private static CredentialsUnavailableException rolesAnywhereUnavailable(int status, String answer, String cert,
            String key) throws Exception {
        try (StsStandIn rolesAnywhere = StsStandIn.answering(status, "application/json", answer);
                CredentialProviders providers = new CredentialProviders()) {
            AwsCredentialsProvider p = providers.provider(props(rolesAnywhere.url().toString(), null, null, cert, key)
                    .toSource(n -> null));
            Throwable thrown = catchThrowable(p::resolveCredentials);
            assertThat(thrown).isInstanceOf(SdkClientException.class)
                    .cause().isInstanceOf(CredentialsUnavailableException.class);
            return (CredentialsUnavailableException) thrown.getCause();
        }
    }

    @Test
    void assumeRole_withoutTheRequiredExternalId_isAccessDenied_andWithIt_works() throws Exception {
        try (CredentialProviders providers = new CredentialProviders()) {
            assertThatThrownBy(() -> providers.provider(assumeRole(PARTNER_ROLE, null)).resolveCredentials())
                    .isInstanceOf(SdkClientException.class).cause()
                    .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("AccessDenied");
                        assertThat(e).hasMessageContaining("sts:AssumeRole on resource: " + PARTNER_ROLE);
                    });
            assertThat(providers.provider(assumeRole(PARTNER_ROLE, "partner-42")).resolveCredentials()
                    .accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void equalSources_shareOneProvider_andCloseStopsRefreshing() throws Exception {
        CredentialProviders providers = new CredentialProviders();
        AwsCredentialsProvider a = providers.provider(assumeRole(ROLE, null));
        assertThat(providers.provider(assumeRole(ROLE, null))).isSameAs(a);
        a.resolveCredentials();
        assertThat(providers.size()).isEqualTo(2); // the role, and the static keys that call STS
        providers.close();
        assertThatThrownBy(() -> providers.provider(assumeRole(ROLE, null))).isInstanceOf(IllegalStateException.class);
        assertThat(providers.refreshThreads()).as("refresh threads after close").isZero();
    }

    @Test
    void anSdkClientClosing_leavesTheSharedProviderOpen_forTheOtherClients() throws Exception {
        try (CredentialProviders providers = new CredentialProviders()) {
            AwsCredentialsProvider shared = providers.provider(assumeRole(ROLE, null));
            LambdaClient.builder().region(Region.US_EAST_1).endpointOverride(lambda.endpoint())
                    .credentialsProvider(shared).httpClientBuilder(Apache5HttpClient.builder()).build().close();
            assertThat(shared.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void close_letsARefreshUnderWayEnd_andRefusesNewWork() throws Exception {
        CredentialProviders providers = new CredentialProviders(Clock.systemUTC(), Duration.ofSeconds(30));
        ScheduledExecutorService clientsScheduler = providers.scheduler(); // as an SDK client holds it
        Task refresh = Task.on(providers);
        Thread closer = new Thread(providers::close, "closer");
        closer.start();
        awaitState(closer, Thread.State.TIMED_WAITING); // in close(), waiting for the task
        assertThatThrownBy(() -> providers.provider(assumeRole(ROLE, null))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> clientsScheduler.execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class);
        refresh.release.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).as("close() once the task ended").isFalse();
        assertThat(refresh.interrupted).as("the task was interrupted").isFalse();
        awaitState(refresh.thread, Thread.State.TERMINATED);
    }

    @Test
    void close_interruptsARefreshThatDoesNotEndInTime() throws Exception {
        CredentialProviders providers = new CredentialProviders(Clock.systemUTC(), Duration.ofMillis(100));
        Task refresh = Task.on(providers);
        providers.close();
        assertThat(refresh.ended.await(10, TimeUnit.SECONDS)).as("the task ended").isTrue();
        assertThat(refresh.interrupted).as("the task was interrupted").isTrue();
    }

    /** A task on the providers' scheduler, as a refresh runs, that waits for {@link #release}. */
    private static final class Task {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean interrupted;
        volatile Thread thread;

        static Task on(CredentialProviders providers) throws InterruptedException {
            Task task = new Task();
            CountDownLatch started = new CountDownLatch(1);
            providers.scheduler().execute(() -> {
                task.thread = Thread.currentThread();
                started.countDown();
                try {
                    task.release.await();
                } catch (InterruptedException e) {
                    task.interrupted = true;
                }
                task.ended.countDown();
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the task started").isTrue();
            return task;
        }
    }

    private static void awaitState(Thread thread, Thread.State state) {
        Poll.value(Duration.ofSeconds(10), thread::getState, state::equals, thread.getName() + " " + state);
    }

    /** Calls Lambda continuously with the provider's credentials; every call must succeed, across several keys. */
    private static void assertCallsSucceedAcrossRefreshes(AwsCredentialsProvider provider, Duration period) {
        Set<String> keys = new HashSet<>();
        int calls = 0;
        try (LambdaClient client = LambdaClient.builder().region(Region.US_EAST_1).endpointOverride(lambda.endpoint())
                .credentialsProvider(provider).httpClientBuilder(Apache5HttpClient.builder()).build()) {
            Instant end = Instant.now().plus(period);
            while (Instant.now().isBefore(end)) {
                client.listFunctions(b -> b.maxItems(1));
                AwsCredentials c = provider.resolveCredentials();
                assertThat(c).isInstanceOf(AwsSessionCredentials.class);
                keys.add(c.accessKeyId());
                calls++;
            }
        }
        assertThat(calls).isGreaterThan(10);
        assertThat(keys).as("credentials were refreshed").hasSizeGreaterThanOrEqualTo(2);
    }

    private static AssumeRole assumeRole(String role, String externalId) {
        return new AssumeRole(role, "unit-test", 900, externalId, Region.US_EAST_1, lambda.endpoint(),
                new StaticKeys(LocalLambda.DEFAULT_ACCESS_KEY, Secret.of(LocalLambda.DEFAULT_SECRET_KEY), null));
    }

    private static CredentialProfileProperties props(String keystore, String password, String cert, String key) {
        return props(lambda.endpoint().toString(), keystore, password, cert, key);
    }

    private static CredentialProfileProperties props(String endpoint, String keystore, String password, String cert,
            String key) {
        return new CredentialProfileProperties("ROLES_ANYWHERE", null, null, null, ROLE, null, 900, null, null, null,
                endpoint, TRUST_ANCHOR, ROLES_ANYWHERE_PROFILE, keystore, Secret.of(password), null,
                cert, key, null);
    }
}
