package io.lambdajca.ct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.lambdajca.local.testing.TestPki;
import io.lambdajca.testfunctions.Handlers;

/**
 * The world the portable suite runs in, client side, once per test JVM: a local Lambda endpoint (Lambda, STS and
 * Roles Anywhere on one port) with the test functions, two IAM roles, a trust anchor and a Roles Anywhere profile,
 * and a PKCS12 keystore for that profile written for this run. Each server's setup layer starts it before it
 * configures the server, and {@link #resources()} says what to configure. It lives until the JVM exits.
 */
public final class TestWorld {

    public static final String ACCESS_KEY = LocalLambda.DEFAULT_ACCESS_KEY;
    public static final String SECRET_KEY = LocalLambda.DEFAULT_SECRET_KEY;
    public static final String INVOKER_ROLE = "arn:aws:iam::123456789012:role/lambda-invoker";
    public static final String PARTNER_ROLE = "arn:aws:iam::123456789012:role/partner-invoker";
    /** The role of the ROLES_ANYWHERE profile (its own, so that each profile type's credentials can be counted). */
    public static final String DEVICE_ROLE = "arn:aws:iam::123456789012:role/device-invoker";
    public static final String PARTNER_EXTERNAL_ID = "partner-42";
    public static final String TRUST_ANCHOR = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/"
            + "4a1f0c3e-9d2b-4c7e-8f6a-2b3c4d5e6f70";
    public static final String RA_PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/"
            + "5b2a1d4f-0e3c-4d8f-9a7b-3c4d5e6f7081";
    /** More than one page of ListFunctions (50). */
    public static final int PAGED_FUNCTIONS = 55;

    private static TestWorld instance;

    private final LocalLambda lambda;
    private final Path keystoreFile;
    private final String keystorePassword = "ks-" + UUID.randomUUID();
    private final List<String> privateKeyLines;
    private final Resources resources;

    private TestWorld(Path dir) throws IOException {
        TestPki pki = TestPki.newCa("Lambda JCA portable test CA");
        Files.createDirectories(dir);
        TestPki.Issued device = pki.issue("RSA", "device-001");
        keystoreFile = device.writePkcs12(dir.resolve("device.p12"), keystorePassword.toCharArray());
        // the lines a PEM file of the key would have (base64 of its PKCS#8 encoding, 64 characters each)
        privateKeyLines = Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(device.privateKey().getEncoded()).lines().filter(l -> l.length() >= 40).toList();
        Path zip = Path.of(TestEnvironment.required("lambdajca.functions.zip"));
        LocalLambda.Builder b = LocalLambda.builder().port(0).retryAfterSeconds(1)
                .role(RoleDefinition.of(INVOKER_ROLE))
                .role(RoleDefinition.of(PARTNER_ROLE).withExternalId(PARTNER_EXTERNAL_ID))
                .role(RoleDefinition.of(DEVICE_ROLE))
                .trustAnchor(new TrustAnchorDefinition(TRUST_ANCHOR, pki.caCertificate()))
                .rolesAnywhereProfile(new RolesAnywhereProfileDefinition(RA_PROFILE, Set.of(DEVICE_ROLE), false))
                .credentialLifetime(Duration.ofMinutes(15));
        b.function(FunctionDefinition.builder("echo", Handlers.ECHO, zip).build());
        b.function(FunctionDefinition.builder("pricing", Handlers.PRICING, zip).build());
        b.function(FunctionDefinition.builder("failing", Handlers.FAILING, zip).build());
        b.function(FunctionDefinition.builder("reporter", Handlers.REPORTER, zip)
                .environment("GREETING", "Bonjour").build());
        b.function(FunctionDefinition.builder("doomed", Handlers.ECHO, zip).build());
        b.function(FunctionDefinition.builder("tenanted", Handlers.COUNTING, zip).tenantIsolation().build());
        for (int i = 0; i < PAGED_FUNCTIONS; i++) {
            b.function(FunctionDefinition.builder(String.format("page-%03d", i), Handlers.ECHO, zip).build());
        }
        b.function(FunctionDefinition.builder("stream-lines", Handlers.STREAM_LINES, zip).build());
        b.function(FunctionDefinition.builder("stream-gated", Handlers.STREAM_GATED, zip).timeoutSeconds(60).build());
        b.function(FunctionDefinition.builder(ManagementIT.RELEASE, Handlers.GREETING, zip)
                .environment("GREETING", "Blue").build());
        lambda = b.build().start();
        // as a release pipeline leaves it: version 1 greets "Blue", $LATEST (version 2 once published) "Green"
        lambda.publishVersion(ManagementIT.RELEASE, "blue");
        lambda.updateEnvironment(ManagementIT.RELEASE, Map.of("GREETING", "Green"));
        Runtime.getRuntime().addShutdownHook(new Thread(lambda::close, "local-lambda-stop"));
        resources = new Resources(this);
    }

    /** Starts the world on first use. */
    public static synchronized TestWorld get() {
        if (instance == null) {
            try {
                instance = new TestWorld(Path.of(TestEnvironment.required("lambdajca.world.dir")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The endpoint URL every resource uses: http://127.0.0.1:PORT. */
    public String endpoint() {
        return lambda.endpoint().toString();
    }

    public LocalLambda lambda() {
        return lambda;
    }

    public Path keystoreFile() {
        return keystoreFile;
    }

    public String keystorePassword() {
        return keystorePassword;
    }

    /** The keystore's private key as the full lines of its PEM text: none may show in a log. */
    public List<String> privateKeyLines() {
        return privateKeyLines;
    }

    /** What each server's setup layer configures. */
    public Resources resources() {
        return resources;
    }

    /** The standalone RAR built by the adapter module. */
    public static Path rar() {
        return Path.of(TestEnvironment.required("lambdajca.rar"));
    }
}
