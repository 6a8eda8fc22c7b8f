package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.adapter.LambdaCredentialProfile;
import io.lambdajca.adapter.LambdaManagedConnectionFactory;
import io.lambdajca.adapter.LambdaResourceAdapter;
import io.lambdajca.adapter.internal.credentials.CredentialProfileProperties;
import io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException;
import io.lambdajca.adapter.internal.credentials.StaticKeys;
import io.lambdajca.adapter.testing.CapturedLog;
import io.lambdajca.local.testing.TestPki;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The adapter's message catalogue: every method of {@link AdapterLog} emits one message with its own id of the
 * project code LAMBDAJCA in the adapter's range 1000-1999; only lifecycle events are INFO. And no secret (secret key,
 * session token, keystore password) reaches a log record, a configuration object's {@code toString()} or an
 * exception message, even when the SDK or a service hands one back: an error echoing the canonical request with its
 * session token, an unparsable STS or Roles Anywhere answer quoted in a message or in a cause, a credentials file line.
 */
class AdapterLogTest {

    private static final Pattern ID = Pattern.compile("^LAMBDAJCA(\\d{4}): ");
    private static final Set<String> LIFECYCLE = Set.of("adapterStarted", "adapterStopped", "clientCreated",
            "asyncClientCreated");

    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYs3cr3tK3y";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHs3ss10nT0k3n==";
    private static final String KEYSTORE_PASSWORD = "k3yst0re-Pa55phrase";
    private static final List<String> SECRETS = List.of(SECRET_KEY, SESSION_TOKEN, KEYSTORE_PASSWORD);

    private CapturedLog log;

    @BeforeEach
    void captureTheAdaptersLog() {
        log = CapturedLog.of("io.lambdajca.adapter", Level.ALL).withoutParentHandlers();
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void everyMessage_hasItsOwnIdInTheRange_andInfoIsForLifecycleOnly() throws Exception {
        Map<String, String> idByMethod = new HashMap<>();
        for (Method m : messages()) {
            log.clear();
            m.invoke(null, arguments(m, 0));
            assertThat(log.records()).as(m.getName()).hasSize(1);
            LogRecord r = log.records().get(0);
            Matcher id = ID.matcher(r.getMessage());
            assertThat(id.find()).as(m.getName() + ": " + r.getMessage()).isTrue();
            int number = Integer.parseInt(id.group(1));
            assertThat(number).as(m.getName()).isBetween(1000, 1999);
            assertThat(idByMethod.values()).as(m.getName()).doesNotContain(id.group(1));
            idByMethod.put(m.getName(), id.group(1));
            assertThat(r.getLevel() == Level.INFO).as(m.getName() + " at INFO").isEqualTo(
                    LIFECYCLE.contains(m.getName()));
        }
        assertThat(idByMethod).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void noMessage_showsASecret_whateverTheExceptionsAndDescriptionsHandedToItCarry() throws Exception {
        SimpleFormatter formatter = new SimpleFormatter();
        int logged = 0;
        for (Method m : messages()) {
            for (int variant = 0; variant < exceptionsCarryingSecrets().size(); variant++) {
                log.clear();
                m.invoke(null, arguments(m, variant));
                assertThat(log.records()).as(m.getName()).hasSize(1);
                // the record as a handler writes it: message, parameters and any attached exception with its causes
                String written = formatter.format(log.records().get(0));
                assertNoSecret(written, m.getName() + " with input " + variant);
                logged++;
            }
        }
        assertThat(logged).isGreaterThanOrEqualTo(17 * 5);
    }

    @Test
    void anExceptionWithASecretInItsCause_isLoggedWithTheCauseMasked() {
        RuntimeException e = new IllegalStateException("closing failed",
                new IOException("answer was <SessionToken>" + SESSION_TOKEN + "</SessionToken>"));
        AdapterLog.clientCloseFailed("us-east-1", e);
        String written = new SimpleFormatter().format(log.records().get(0));
        assertNoSecret(written, "clientCloseFailed");
        assertThat(written).contains("closing failed", "caused by java.io.IOException", "<SessionToken>****");
    }

    @Test
    void configurationObjects_showNoSecret() throws Exception {
        for (Object config : configurationsHoldingSecrets()) {
            assertNoSecret(config.toString(), config.getClass().getSimpleName() + ".toString()");
        }
        LambdaManagedConnectionFactory mcf = mcf();
        assertThat(mcf.toString()).contains("AKIAIOSFODNN7EXAMPLE", "****");
        assertThat(mcf.getSecretAccessKey()).isEqualTo("****");
        LambdaCredentialProfile profile = profile();
        assertThat(profile.getSecretAccessKey()).isEqualTo("****");
        assertThat(profile.getSessionToken()).isEqualTo("****");
        assertThat(profile.getKeystorePassword()).isEqualTo("****");
    }

    @Test
    void configurationErrors_quoteNoSecret(@TempDir Path dir) throws Exception {
        LambdaManagedConnectionFactory mcf = mcf();
        mcf.setRegion("moon-1");
        mcf.setResourceAdapter(new LambdaResourceAdapter());
        assertThatThrownBy(() -> mcf.createConnectionFactory(null)).satisfies(e -> assertNoSecret(
                describe(e), "invalid connection definition")).hasMessageContaining("moon-1");

        // a real keystore opened with a wrong password (the configured one)
        Path keystore = TestPki.newCa("Log test CA").issue("RSA", "device").writePkcs12(dir.resolve("device.p12"),
                "the-right-one".toCharArray());
        CredentialProfileProperties wrongPassword = new CredentialProfileProperties("ROLES_ANYWHERE", null, null,
                null, "arn:aws:iam::123456789012:role/invoker", null, 900, null, null, null, null,
                "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/0b5c0a52-3c2e-4c4f-9c1e-7d2a3c4b5d6e",
                "arn:aws:rolesanywhere:us-east-1:123456789012:profile/1c6d1b63-4d3f-4d50-8d2f-8e3b4d5c6e7f",
                keystore.toString(), Secret.of(KEYSTORE_PASSWORD), null, null, null, null);
        assertThatThrownBy(() -> wrongPassword.toSource(n -> null)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertNoSecret(describe(e), "wrong keystore password"))
                .hasMessageContaining("KeystorePassword");

        // the secret access key set as the access key id by mistake
        CredentialProfileProperties swapped = new CredentialProfileProperties("STATIC", SECRET_KEY,
                Secret.of("AKIAIOSFODNN7EXAMPLE"), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThatThrownBy(() -> swapped.toSource(n -> null)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertNoSecret(describe(e), "a secret key as AccessKeyId"))
                .hasMessageContaining("AccessKeyId of " + SECRET_KEY.length() + " characters");

        // an endpoint with a password in its user information, which EndpointOverride refuses
        LambdaManagedConnectionFactory withPassword = new LambdaManagedConnectionFactory();
        withPassword.setEndpointOverride("https://proxyuser:" + KEYSTORE_PASSWORD + "@lambda.example.com");
        withPassword.setResourceAdapter(new LambdaResourceAdapter());
        assertThatThrownBy(() -> withPassword.createConnectionFactory(null))
                .satisfies(e -> assertNoSecret(describe(e), "an endpoint's password"))
                .hasMessageContaining("https://proxyuser:****@lambda.example.com");
    }

    @Test
    void anAnswerWithoutAnAwsErrorCode_isQuotedWithItsSecretsMasked() {
        // a proxy or a stand-in endpoint that echoes the request's headers in its error page
        AwsServiceException echo = LambdaException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
                .builder().rawResponse(SdkBytes.fromUtf8String("<pre>X-Amz-Security-Token: " + SESSION_TOKEN
                        + "</pre>")).build()).build();
        io.lambdajca.api.LambdaException mapped = ExceptionMapper.map(Operation.INVOKE, "echo", echo, 1);
        assertThat(mapped.getMessage()).contains("no AWS error code", "X-Amz-Security-Token: ****");
        assertNoSecret(mapped.getMessage(), "the quoted answer");
    }

    @Test
    void anAwsErrorEchoingTheSessionToken_reachesTheApplicationWithoutIt() {
        io.lambdajca.api.LambdaException mapped = ExceptionMapper.map(Operation.INVOKE, "echo", signatureMismatch(),
                1);
        assertThat(mapped.getMessage()).contains("InvalidSignatureException", "x-amz-security-token:****");
        assertNoSecret(mapped.getMessage(), "the mapped exception's message");
    }

    @Test
    void aCredentialsFailureQuotingTheIssuedKeys_reachesTheApplicationWithoutThem() {
        RuntimeException sdk = exceptionsCarryingSecrets().get(1);
        CredentialsUnavailableException failure = new CredentialsUnavailableException("STS AssumeRole of "
                + "arn:aws:iam::123456789012:role/invoker failed: " + sdk.getMessage(), null, sdk);
        assertNoSecret(failure.getMessage(), "the credentials failure");
        io.lambdajca.api.LambdaException mapped = ExceptionMapper.map(Operation.INVOKE, "echo",
                SdkClientException.create("no credentials", failure), 1);
        assertThat(mapped).isInstanceOf(io.lambdajca.api.AccessDeniedException.class);
        assertThat(mapped.getMessage()).contains("STS AssumeRole", "<SecretAccessKey>****");
        assertNoSecret(mapped.getMessage(), "the mapped exception's message");
    }

    // ---- inputs that carry secrets ----

    /** Exceptions as the SDK and the services may produce them, each carrying secrets in its message or cause. */
    private static List<RuntimeException> exceptionsCarryingSecrets() {
        return List.of(
                signatureMismatch(),
                SdkClientException.create("Unable to unmarshall response (ParseError at [row,col]:[1,80]). "
                        + "Response: <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAEXAMPLE"
                        + "</AccessKeyId><SecretAccessKey>" + SECRET_KEY + "</SecretAccessKey><SessionToken>"
                        + SESSION_TOKEN + "</SessionToken>"),
                new IllegalStateException("CreateSession failed", new IOException("unexpected answer: "
                        + "{\"credentialSet\":[{\"credentials\":{\"accessKeyId\":\"ASIAEXAMPLE\",\"secretAccessKey\":\""
                        + SECRET_KEY + "\",\"sessionToken\":\"" + SESSION_TOKEN + "\"}}]}")),
                new IllegalArgumentException("profile file line 3: aws_secret_access_key = " + SECRET_KEY
                        + ", line 4: aws_session_token=" + SESSION_TOKEN),
                new IllegalStateException("cannot load /etc/device.p12 (-Djavax.net.ssl.keyStorePassword="
                        + KEYSTORE_PASSWORD + ")"));
    }

    private static LambdaException signatureMismatch() {
        String message = "The request signature we calculated does not match the signature you provided. Check "
                + "your AWS Secret Access Key and signing method.\n\nThe Canonical String for this request should "
                + "have been\n'POST\n/2015-03-31/functions/echo/invocations\n\nhost:lambda.us-east-1.amazonaws.com\n"
                + "x-amz-date:20260101T000000Z\nx-amz-security-token:" + SESSION_TOKEN + "\n\n"
                + "host;x-amz-date;x-amz-security-token\n'\n";
        return (LambdaException) LambdaException.builder().statusCode(403).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidSignatureException")
                        .errorMessage(message).build())
                .build();
    }

    private static List<Object> configurationsHoldingSecrets() throws Exception {
        StaticKeys keys = new StaticKeys("ASIAEXAMPLE", Secret.of(SECRET_KEY), Secret.of(SESSION_TOKEN));
        CredentialProfileProperties props = new CredentialProfileProperties("STATIC", "ASIAEXAMPLE",
                Secret.of(SECRET_KEY), Secret.of(SESSION_TOKEN), null, null, null, null, null, null, null, null, null,
                "/etc/device.p12", Secret.of(KEYSTORE_PASSWORD), null, null, null, null);
        ClientConfig client = new ClientConfig(Region.US_EAST_1, null, keys, Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofSeconds(35), 50);
        return List.of(mcf(), profile(), keys, props, client, Secret.of(SECRET_KEY));
    }

    private static LambdaManagedConnectionFactory mcf() {
        LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
        mcf.setAccessKeyId("AKIAIOSFODNN7EXAMPLE");
        mcf.setSecretAccessKey(SECRET_KEY);
        mcf.setSessionToken(SESSION_TOKEN);
        return mcf;
    }

    private static LambdaCredentialProfile profile() {
        LambdaCredentialProfile p = new LambdaCredentialProfile();
        p.setType("STATIC");
        p.setAccessKeyId("ASIAEXAMPLE");
        p.setSecretAccessKey(SECRET_KEY);
        p.setSessionToken(SESSION_TOKEN);
        p.setKeystorePassword(KEYSTORE_PASSWORD);
        return p;
    }

    // ---- helpers ----

    private static List<Method> messages() {
        List<Method> out = new ArrayList<>();
        for (Method m : AdapterLog.class.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Arguments for one message: exceptions carrying secrets (the {@code variant}-th first), and for text the
     * descriptions of configurations holding secrets and the texts of those exceptions (as a caller passing
     * {@code e.toString()} as the cause of a retry would).
     */
    private static Object[] arguments(Method m, int variant) throws Exception {
        List<RuntimeException> exceptions = exceptionsCarryingSecrets();
        List<String> texts = new ArrayList<>();
        configurationsHoldingSecrets().forEach(c -> texts.add(c.toString()));
        exceptions.forEach(e -> texts.add(e.toString()));
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == String.class) {
                args[i] = texts.get((variant + i) % texts.size());
            } else if (t == URI.class) {
                args[i] = URI.create("http://127.0.0.1:9001");
            } else if (t == int.class) {
                args[i] = 1;
            } else if (t == long.class) {
                args[i] = 1L;
            } else if (t == Duration.class) {
                args[i] = Duration.ofSeconds(1);
            } else if (t == Instant.class) {
                args[i] = Instant.EPOCH;
            } else if (Throwable.class.isAssignableFrom(t)) {
                args[i] = exceptions.get(variant % exceptions.size());
            } else {
                throw new IllegalStateException("no test value for " + t + " of " + m);
            }
        }
        return args;
    }

    private static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append('\n');
        }
        return b.toString();
    }

    private static void assertNoSecret(String text, String where) {
        for (String secret : SECRETS) {
            assertThat(text).as(where + " shows a secret").doesNotContain(secret);
        }
    }
}
