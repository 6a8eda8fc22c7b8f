package io.lambdajca.adapter.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.local.testing.TestPki;
import software.amazon.awssdk.regions.Region;

/** Validation of credential profiles: each misconfiguration fails naming the property and the rule. */
class CredentialProfilePropertiesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/invoker";
    private static final String ANCHOR = "arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/"
            + "0b5c0a52-3c2e-4c4f-9c1e-7d2a3c4b5d6e";
    private static final String PROFILE = "arn:aws:rolesanywhere:eu-west-1:123456789012:profile/"
            + "1c6d1b63-4d3f-4d50-8d2f-8e3b4d5c6e7f";

    @TempDir
    static Path dir;
    static String p12;
    static String certOnlyP12;
    static String pem;
    static String key;
    static String otherKey;

    @BeforeAll
    static void pki() throws Exception {
        TestPki ca = TestPki.newCa("Unit CA");
        TestPki.Issued rsa = ca.issue("RSA", "rsa");
        p12 = rsa.writePkcs12(dir.resolve("rsa.p12"), "right".toCharArray()).toString();
        TestPki.Issued ec = ca.issue("EC", "ec");
        pem = ec.writeCertificatePem(dir.resolve("ec.pem")).toString();
        key = ec.writeKeyPem(dir.resolve("ec.key")).toString();
        otherKey = ca.issue("EC", "other").writeKeyPem(dir.resolve("other.key")).toString();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca.caCertificate());
        certOnlyP12 = dir.resolve("certonly.p12").toString();
        try (var out = Files.newOutputStream(Path.of(certOnlyP12))) {
            ks.store(out, "right".toCharArray());
        }
    }

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                Arguments.of(b().type(null), "Type is required"),
                Arguments.of(b().type("KERBEROS"), "Type 'KERBEROS' is not a credential profile type"),
                Arguments.of(b().type("STATIC"), "AccessKeyId is required for type STATIC"),
                Arguments.of(b().type("STATIC").accessKeyId("AKIAIOSFODNN7EXAMPLE"),
                        "SecretAccessKey is required for type STATIC"),
                Arguments.of(b().type("STATIC").accessKeyId("short").secret("s"), "AccessKeyId 'short' is not"),
                Arguments.of(b().type("ASSUME_ROLE"), "RoleArn is required"),
                Arguments.of(b().type("ASSUME_ROLE").role("arn:aws:iam::12345:role/x"),
                        "RoleArn 'arn:aws:iam::12345:role/x' is not an IAM role ARN, arn:PARTITION:iam::ACCOUNT:"
                                + "role/[PATH/]NAME with a 12-digit account"),
                Arguments.of(b().type("ASSUME_ROLE").role("arn:aws:iam::123456789012:role/ops/" + "n".repeat(65)),
                        "a name of 1-64 letters"),
                Arguments.of(b().type("ASSUME_ROLE").role("arn:aws:iam::123456789012:role/a b/invoker"),
                        "a path of printable ASCII characters"),
                Arguments.of(b().type("ASSUME_ROLE").role("arn:aws:iam::123456789012:role/" + "p/".repeat(1100)
                        + "invoker"), "has 2238 characters: it is not an IAM role ARN"),
                Arguments.of(b().type("ASSUME_ROLE").role(ROLE).duration(899),
                        "DurationSeconds must be between 900 and 43200, not 899"),
                Arguments.of(b().type("ASSUME_ROLE").role(ROLE).duration(43_201),
                        "DurationSeconds must be between 900 and 43200, not 43201"),
                Arguments.of(b().type("ASSUME_ROLE").role(ROLE).session("a b"), "RoleSessionName 'a b' must be"),
                Arguments.of(b().type("ASSUME_ROLE").role(ROLE).externalId("x"), "ExternalId must be 2-1224"),
                Arguments.of(b().type("ASSUME_ROLE").role(ROLE).region("mars-1"), "Region 'mars-1'"),
                Arguments.of(b().type("ASSUME_ROLE").role(ROLE).endpoint("sts.local"), "EndpointOverride"),
                Arguments.of(b().type("ASSUME_ROLE").role(ROLE).source("java:/p").accessKeyId("AKIAIOSFODNN7EXAMPLE")
                        .secret("s"), "Set either SourceProfile or AccessKeyId/SecretAccessKey"),
                Arguments.of(b().type("ROLES_ANYWHERE"), "TrustAnchorArn is required"),
                Arguments.of(ra().anchor(PROFILE), "names a profile, not a trust anchor"),
                Arguments.of(ra().profile("arn:aws:rolesanywhere:eu-west-1:1:profile/x"), "ProfileArn"),
                Arguments.of(ra(), "ROLES_ANYWHERE needs the client certificate"),
                Arguments.of(ra().keystore("/no/such.p12"), "KeystoreFile '/no/such.p12' is not a readable file"),
                Arguments.of(ra().keystore("/etc/pki/a\u0000.p12"), "KeystoreFile '/etc/pki/a\u0000.p12' is not a "
                        + "file path: Nul character not allowed"),
                Arguments.of(ra().keystore(p12).password("wrong"), "KeystorePassword is wrong"),
                Arguments.of(ra().keystore(certOnlyP12).password("right"), "has no private key entry"),
                Arguments.of(ra().keystore(p12).password("right").alias("nope"), "KeyAlias 'nope' is not in"),
                Arguments.of(ra().cert(pem), "PrivateKeyFile is required with CertificateFile"),
                Arguments.of(ra().cert(pem).key(otherKey), "the private key does not belong to the certificate"),
                Arguments.of(ra().cert(key).key(key), "CertificateFile"),
                Arguments.of(ra().cert(pem).key(pem), "must be an unencrypted PKCS#8 PEM key"),
                Arguments.of(ra().keystore(p12).password("right").cert(pem).key(key),
                        "Set either KeystoreFile or CertificateFile/PrivateKeyFile"));
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void misconfiguration_failsNamingThePropertyAndRule(B props, String message) {
        assertThatThrownBy(() -> props.build().toSource(n -> new DefaultChain())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("right"));
    }

    @Test
    void validProfiles_buildTheirSources_withDefaults() throws Exception {
        AssumeRole a = (AssumeRole) b().type("assume_role").role(ROLE).build().toSource(n -> new DefaultChain());
        assertThat(a.sessionName()).isEqualTo("lambdajca");
        assertThat(a.durationSeconds()).isEqualTo(3600);
        assertThat(a.region()).isEqualTo(Region.US_EAST_1);
        assertThat(a.caller()).isEqualTo(new DefaultChain());
        AssumeRole chained = (AssumeRole) b().type("ASSUME_ROLE").role(ROLE).source("java:/lambda/profiles/S")
                .build().toSource(n -> new StaticKeys("AKIAIOSFODNN7EXAMPLE", Secret.of("s"), null));
        assertThat(chained.caller()).isInstanceOf(StaticKeys.class);
        RolesAnywhere r = (RolesAnywhere) ra().keystore(p12).password("right").build().toSource(n -> null);
        assertThat(r.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(r.endpoint()).hasToString("https://rolesanywhere.eu-west-1.amazonaws.com");
        assertThat(r.certificate().keyAlgorithm()).isEqualTo("RSA");
        assertThat(ra().cert(pem).key(key).build().toSource(n -> null)).isInstanceOf(RolesAnywhere.class);
        assertThat(b().type("DEFAULT_CHAIN").build().toSource(n -> null)).isEqualTo(new DefaultChain());
    }

    @Test
    void chainedRoles_lastAtMostAnHour() throws Exception {
        AssumeRole first = (AssumeRole) b().type("ASSUME_ROLE").role(ROLE).build().toSource(n -> new DefaultChain());
        assertThatThrownBy(() -> b().type("ASSUME_ROLE").role(ROLE).source("java:/lambda/profiles/First")
                .duration(3601).build().toSource(n -> first)).isInstanceOf(ConfigException.class)
                .hasMessage("DurationSeconds is 3601, but SourceProfile 'java:/lambda/profiles/First' gives role "
                        + "credentials, and STS lets a role assumed with them (role chaining) last at most 3600 "
                        + "seconds");
        AssumeRole hour = (AssumeRole) b().type("ASSUME_ROLE").role(ROLE).source("java:/lambda/profiles/First")
                .duration(3600).build().toSource(n -> first);
        assertThat(hour.durationSeconds()).isEqualTo(3600);
        // keys are not role credentials: the role's own maximum applies
        AssumeRole fromKeys = (AssumeRole) b().type("ASSUME_ROLE").role(ROLE).source("java:/lambda/profiles/Keys")
                .duration(43_200).build().toSource(n -> new StaticKeys("AKIAIOSFODNN7EXAMPLE", Secret.of("s"), null));
        assertThat(fromKeys.durationSeconds()).isEqualTo(43_200);
    }

    @Test
    void roleArns_thatIamAllows_areTaken() throws Exception {
        // IAM: a path of printable ASCII between slashes (up to 512), a name of 1-64 [\w+=,.@-]; STS: 20-2048
        for (String arn : new String[] {"arn:aws:iam::123456789012:role/service-role/lambda-invoker",
            "arn:aws-cn:iam::123456789012:role/team~ops/a(b)/#1!/invoker", "arn:aws-us-gov:iam::123456789012:role/"
                    + "p".repeat(510) + "/" + "n".repeat(64), "arn:aws:iam::123456789012:role/x+=,.@_-"}) {
            AssumeRole a = (AssumeRole) b().type("ASSUME_ROLE").role(arn).build().toSource(n -> new DefaultChain());
            assertThat(a.roleArn()).isEqualTo(arn);
        }
    }

    @Test
    void secrets_neverShowInToStringOrDescriptions() throws Exception {
        B props = b().type("STATIC").accessKeyId("AKIAIOSFODNN7EXAMPLE").secret("wJalrXUtnFEMI/K7MDENG")
                .token("FwoGZXIvYXdzEJr").password("keystore-pass");
        CredentialSource source = props.build().toSource(n -> null);
        for (String text : new String[] {props.build().toString(), source.toString(), source.describe()}) {
            assertThat(text).doesNotContain("wJalrXUtnFEMI/K7MDENG", "FwoGZXIvYXdzEJr", "keystore-pass");
        }
        RolesAnywhere r = (RolesAnywhere) ra().keystore(p12).password("right").build().toSource(n -> null);
        String encodedKey = java.util.Base64.getEncoder().encodeToString(r.certificate().privateKey().getEncoded());
        assertThat(r.toString() + r.describe()).doesNotContain("right", encodedKey.substring(20, 60));
    }

    private static B b() {
        return new B();
    }

    private static B ra() {
        return new B().type("ROLES_ANYWHERE").anchor(ANCHOR).profile(PROFILE).role(ROLE);
    }

    /** A builder of test properties. */
    static final class B {
        String type;
        String accessKeyId;
        String secret;
        String token;
        String role;
        String session;
        Integer duration;
        String externalId;
        String source;
        String region;
        String endpoint;
        String anchor;
        String profile;
        String keystore;
        String password;
        String alias;
        String cert;
        String key;

        B type(String v) { type = v; return this; }
        B accessKeyId(String v) { accessKeyId = v; return this; }
        B secret(String v) { secret = v; return this; }
        B token(String v) { token = v; return this; }
        B role(String v) { role = v; return this; }
        B session(String v) { session = v; return this; }
        B duration(int v) { duration = v; return this; }
        B externalId(String v) { externalId = v; return this; }
        B source(String v) { source = v; return this; }
        B region(String v) { region = v; return this; }
        B endpoint(String v) { endpoint = v; return this; }
        B anchor(String v) { anchor = v; return this; }
        B profile(String v) { profile = v; return this; }
        B keystore(String v) { keystore = v; return this; }
        B password(String v) { password = v; return this; }
        B alias(String v) { alias = v; return this; }
        B cert(String v) { cert = v; return this; }
        B key(String v) { key = v; return this; }

        CredentialProfileProperties build() {
            return new CredentialProfileProperties(type, accessKeyId, Secret.of(secret), Secret.of(token), role,
                    session, duration, externalId, source, region, endpoint, anchor, profile, keystore,
                    Secret.of(password), alias, cert, key, null);
        }

        @Override
        public String toString() {
            return build().toString();
        }
    }
}
