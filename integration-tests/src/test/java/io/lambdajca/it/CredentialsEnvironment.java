package io.lambdajca.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.lambdajca.local.testing.TestPki;

/**
 * The credential side of the test world: IAM roles, a Roles Anywhere trust anchor and profile at the local endpoint
 * (which issues 10-second credentials), X.509 material generated for this run (RSA PKCS12, EC PEM, and a certificate
 * from an untrusted CA), the credential profiles configured with the project's CLI script, the connection definitions
 * that use them, and an Elytron credential store for container-managed sign-on.
 */
final class CredentialsEnvironment {

    static final String INVOKER_ROLE = "arn:aws:iam::123456789012:role/lambda-invoker";
    static final String PARTNER_ROLE = "arn:aws:iam::123456789012:role/partner-invoker";
    static final String PARTNER_EXTERNAL_ID = "partner-42";
    static final String TRUST_ANCHOR = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/"
            + "4a1f0c3e-9d2b-4c7e-8f6a-2b3c4d5e6f70";
    static final String RA_PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/"
            + "5b2a1d4f-0e3c-4d8f-9a7b-3c4d5e6f7081";
    /** Temporary credentials live 10 seconds, so that a minute of calls spans several refreshes. */
    static final Duration CREDENTIAL_LIFETIME = Duration.ofSeconds(10);

    static final String STATIC_PROFILE_JNDI = "java:/lambda/StaticProfile";
    static final String ASSUME_ROLE_A_JNDI = "java:/lambda/AssumeRoleA";
    static final String ASSUME_ROLE_B_JNDI = "java:/lambda/AssumeRoleB";
    static final String ROLES_ANYWHERE_JNDI = "java:/lambda/RolesAnywhere";
    static final String DEFAULT_CHAIN_JNDI = "java:/lambda/DefaultChain";
    static final String SIGN_ON_JNDI = "java:/lambda/SignOn";
    /**
     * Static keys of its own; used by one test only, whose first request names a profile (a pool that remembers its
     * first request's info must not give it to later plain requests).
     */
    static final String FIRST_REQUEST_PROFILE_JNDI = "java:/lambda/FirstRequestProfile";
    /** Chosen per call with a LambdaConnectionSpec. */
    static final String SENSOR_PROFILE = "java:/lambda/profiles/Sensor";
    static final String STRANGER_PROFILE = "java:/lambda/profiles/Stranger";
    static final String PARTNER_PROFILE = "java:/lambda/profiles/Partner";
    static final String WRONG_SECRET_PROFILE = "java:/lambda/profiles/WrongSecret";
    /** ASSUME_ROLE whose STS endpoint is a port the test itself listens on, answering nothing. */
    static final String HANGING_STS_PROFILE = "java:/lambda/profiles/HangingSts";
    /** The server's system property that holds that port. */
    static final String HANGING_STS_PORT = "lambdajca.test.hanging-sts.port";

    static final List<String> POOLS = List.of("StaticProfile", "AssumeRoleA", "AssumeRoleB", "RolesAnywhere",
            "DefaultChain", "SignOn", "FirstRequestProfile");

    /** Secrets of this run, which must never appear in the server log. Client JVM only. */
    static final String KEYSTORE_PASSWORD = "ks-" + UUID.randomUUID();
    static final String STORE_PASSWORD = "cs-" + UUID.randomUUID();
    static final List<String> PRIVATE_KEY_PEMS = new ArrayList<>();

    private static TestPki pki;

    private CredentialsEnvironment() {
    }

    /** Adds the roles, trust anchor and Roles Anywhere profile to the endpoint being built. */
    static synchronized LocalLambda.Builder iam(LocalLambda.Builder b) {
        if (pki == null) {
            pki = TestPki.newCa("Lambda JCA test CA");
        }
        return b.role(RoleDefinition.of(INVOKER_ROLE))
                .role(RoleDefinition.of(PARTNER_ROLE).withExternalId(PARTNER_EXTERNAL_ID))
                .trustAnchor(new TrustAnchorDefinition(TRUST_ANCHOR, pki.caCertificate()))
                .rolesAnywhereProfile(new RolesAnywhereProfileDefinition(RA_PROFILE, Set.of(INVOKER_ROLE), false))
                .credentialLifetime(CREDENTIAL_LIFETIME);
    }

    /** Configures the profiles, their connection definitions and container-managed sign-on. */
    static void configure(ManagementClient management, String endpoint, String encryptedSecret) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("lambdajca.pki.dir")));
        TestPki.Issued rsa = pki.issue("RSA", "device-001");
        TestPki.Issued ec = pki.issue("EC", "sensor-001");
        TestPki.Issued stranger = TestPki.newCa("Untrusted CA").issue("EC", "stranger");
        Path p12 = rsa.writePkcs12(dir.resolve("device.p12"), KEYSTORE_PASSWORD.toCharArray());
        Path ecCert = ec.writeCertificatePem(dir.resolve("sensor.pem"));
        Path ecKey = ec.writeKeyPem(dir.resolve("sensor.key"));
        PRIVATE_KEY_PEMS.add(Files.readString(ecKey));
        Path strangerCert = stranger.writeCertificatePem(dir.resolve("stranger.pem"));
        Path strangerKey = stranger.writeKeyPem(dir.resolve("stranger.key"));
        PRIVATE_KEY_PEMS.add(Files.readString(strangerKey));

        String secret = LocalLambda.DEFAULT_SECRET_KEY;
        String keystorePassword = EncryptedExpressions.encrypt(management, KEYSTORE_PASSWORD);
        profile("Static", "STATIC", List.of("LAMBDA_SECRET_ACCESS_KEY=" + encryptedSecret),
                "AccessKeyId=" + LocalLambda.DEFAULT_ACCESS_KEY);
        profile("WrongSecret", "STATIC", List.of("LAMBDA_SECRET_ACCESS_KEY=not-the-secret"),
                "AccessKeyId=" + LocalLambda.DEFAULT_ACCESS_KEY);
        profile("Invoker", "ASSUME_ROLE", List.of(), "RoleArn=" + INVOKER_ROLE, "RoleSessionName=it-invoker",
                "DurationSeconds=900", "SourceProfile=java:/lambda/profiles/Static", "EndpointOverride=" + endpoint);
        profile("Partner", "ASSUME_ROLE", List.of(), "RoleArn=" + PARTNER_ROLE,
                "SourceProfile=java:/lambda/profiles/Static", "EndpointOverride=" + endpoint);
        profile("Device", "ROLES_ANYWHERE", List.of("LAMBDA_KEYSTORE_PASSWORD=" + keystorePassword),
                "TrustAnchorArn=" + TRUST_ANCHOR, "ProfileArn=" + RA_PROFILE, "RoleArn=" + INVOKER_ROLE,
                "DurationSeconds=900", "KeystoreFile=" + p12, "EndpointOverride=" + endpoint);
        profile("Sensor", "ROLES_ANYWHERE", List.of(), "TrustAnchorArn=" + TRUST_ANCHOR, "ProfileArn=" + RA_PROFILE,
                "RoleArn=" + INVOKER_ROLE, "CertificateFile=" + ecCert, "PrivateKeyFile=" + ecKey,
                "EndpointOverride=" + endpoint);
        profile("Stranger", "ROLES_ANYWHERE", List.of(), "TrustAnchorArn=" + TRUST_ANCHOR,
                "ProfileArn=" + RA_PROFILE, "RoleArn=" + INVOKER_ROLE, "CertificateFile=" + strangerCert,
                "PrivateKeyFile=" + strangerKey, "EndpointOverride=" + endpoint);
        profile("Chain", "DEFAULT_CHAIN", List.of());
        int hangingPort = freePort();
        // its own role, so that its client is not counted with the Invoker profile's (CredentialProfilesIT)
        profile("HangingSts", "ASSUME_ROLE", List.of(), "RoleArn=arn:aws:iam::123456789012:role/never-answered",
                "SourceProfile=java:/lambda/profiles/Static", "EndpointOverride=http://127.0.0.1:" + hangingPort);
        LambdaEnvironment.execute(management, LambdaEnvironment.systemProperty(HANGING_STS_PORT,
                String.valueOf(hangingPort)));
        // the SDK's default chain finds these system properties of the server first
        LambdaEnvironment.execute(management, LambdaEnvironment.systemProperty("aws.accessKeyId", LocalLambda.DEFAULT_ACCESS_KEY));
        LambdaEnvironment.execute(management, LambdaEnvironment.systemProperty("aws.secretAccessKey", encryptedSecret));
        signOn(management, secret);

        LambdaEnvironment.configure("StaticProfile", STATIC_PROFILE_JNDI, endpoint, List.of("3", "5000"),
                "--credential-profile", "java:/lambda/profiles/Static");
        LambdaEnvironment.configure("AssumeRoleA", ASSUME_ROLE_A_JNDI, endpoint, List.of("5", "5000"),
                "--credential-profile", "java:/lambda/profiles/Invoker");
        LambdaEnvironment.configure("AssumeRoleB", ASSUME_ROLE_B_JNDI, endpoint, List.of("5", "5000"),
                "--credential-profile", "java:/lambda/profiles/Invoker");
        LambdaEnvironment.configure("RolesAnywhere", ROLES_ANYWHERE_JNDI, endpoint, List.of("5", "5000"),
                "--credential-profile", "java:/lambda/profiles/Device");
        LambdaEnvironment.configure("DefaultChain", DEFAULT_CHAIN_JNDI, endpoint, List.of("3", "5000"));
        LambdaEnvironment.configure("SignOn", SIGN_ON_JNDI, endpoint, List.of("3", "5000"),
                "--authentication-context", "lambda-sign-on");
        LambdaEnvironment.configureWithKeys("FirstRequestProfile", FIRST_REQUEST_PROFILE_JNDI, endpoint,
                encryptedSecret, "3", "5000");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void profile(String name, String type, List<String> env, String... properties)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", System.getProperty("lambdajca.profile.script"),
                "--profile", name, "--type", type));
        for (String p : properties) {
            cmd.add("--property");
            cmd.add(p);
        }
        LambdaEnvironment.run(cmd, env, name);
    }

    /** An Elytron credential store holding the secret key, and an authentication context that signs on with it. */
    private static void signOn(ManagementClient management, String secret) throws IOException {
        ModelNode store = Operations.createAddOperation(Operations.createAddress("subsystem", "elytron",
                "credential-store", "lambda-keys"));
        store.get("path").set("lambda-keys-" + UUID.randomUUID() + ".cs");
        store.get("relative-to").set("jboss.server.data.dir");
        store.get("create").set(true);
        store.get("credential-reference", "clear-text").set(STORE_PASSWORD);
        LambdaEnvironment.execute(management, store);
        ModelNode alias = Operations.createOperation("add-alias", Operations.createAddress("subsystem", "elytron",
                "credential-store", "lambda-keys"));
        alias.get("alias").set("lambda-secret-key");
        alias.get("secret-value").set(secret);
        LambdaEnvironment.execute(management, alias);
        ModelNode config = Operations.createAddOperation(Operations.createAddress("subsystem", "elytron",
                "authentication-configuration", "lambda-sign-on"));
        config.get("authentication-name").set(LocalLambda.DEFAULT_ACCESS_KEY);
        config.get("credential-reference", "store").set("lambda-keys");
        config.get("credential-reference", "alias").set("lambda-secret-key");
        LambdaEnvironment.execute(management, config);
        ModelNode context = Operations.createAddOperation(Operations.createAddress("subsystem", "elytron",
                "authentication-context", "lambda-sign-on"));
        ModelNode rule = new ModelNode();
        rule.get("authentication-configuration").set("lambda-sign-on");
        context.get("match-rules").add(rule);
        LambdaEnvironment.execute(management, context);
    }
}
