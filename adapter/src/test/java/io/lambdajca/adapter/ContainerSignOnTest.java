package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.security.auth.Subject;

import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import io.lambdajca.adapter.internal.credentials.DefaultChain;
import io.lambdajca.adapter.internal.credentials.StaticKeys;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.security.PasswordCredential;

/** Container-managed sign-on: the Subject's PasswordCredential picks the keys. */
class ContainerSignOnTest {

    private final LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();

    @Test
    void subjectWithPasswordCredential_givesStaticKeys() throws ResourceException {
        // which connection serves it and what it is signed with: CredentialsPerRequestTest
        Subject alice = subject("AKIAALICEALICEALICE1", "alice-secret");
        assertThat(mcf.credentialsFor(alice, null))
                .isEqualTo(new StaticKeys("AKIAALICEALICEALICE1", Secret.of("alice-secret"), null));
    }

    @Test
    void passwordCredentialForAnotherConnectionDefinition_isIgnored() throws ResourceException {
        LambdaManagedConnectionFactory other = new LambdaManagedConnectionFactory();
        other.setRegion("eu-west-1");
        Subject subject = new Subject();
        PasswordCredential pc = new PasswordCredential("AKIAALICEALICEALICE1", "s".toCharArray());
        pc.setManagedConnectionFactory(other);
        subject.getPrivateCredentials().add(pc);
        assertThat(mcf.credentialsFor(subject, null)).isEqualTo(new DefaultChain());
    }

    @Test
    void passwordCredentialWithoutPassword_isRefusedWithoutShowingAnything() {
        assertThatThrownBy(() -> mcf.credentialsFor(subject("AKIAALICEALICEALICE1", ""), null))
                .isInstanceOf(jakarta.resource.spi.SecurityException.class)
                .hasMessageContaining("user 'AKIAALICEALICEALICE1' with no password");
    }

    @Test
    void emptyUserAndPassword_isNoSignOn_andTheDefinitionsOwnCredentialsApply() throws ResourceException {
        // GlassFish and Payara pass this with container authentication when the pool has no principal
        assertThat(mcf.credentialsFor(subject("", ""), null)).isEqualTo(new DefaultChain());
        LambdaManagedConnectionFactory withKeys = new LambdaManagedConnectionFactory();
        withKeys.setAccessKeyId("AKIAALICEALICEALICE1");
        withKeys.setSecretAccessKey("alice-secret");
        assertThat(withKeys.credentialsFor(subject("", ""), null))
                .isEqualTo(new StaticKeys("AKIAALICEALICEALICE1", Secret.of("alice-secret"), null));
    }

    @Test
    void profileAndKeysTogether_isRefusedAtActivation() {
        mcf.setCredentialProfile("java:/lambda/profiles/P");
        mcf.setAccessKeyId("AKIAALICEALICEALICE1");
        mcf.setSecretAccessKey("s");
        assertThatThrownBy(() -> mcf.credentialsFor(null, null)).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("Set either CredentialProfile or AccessKeyId/SecretAccessKey");
    }

    @Test
    void confidentialProperties_readBackMasked() {
        mcf.setSecretAccessKey("very-secret");
        mcf.setSessionToken("token-value");
        assertThat(mcf.getSecretAccessKey()).isEqualTo("****");
        assertThat(mcf.getSessionToken()).isEqualTo("****");
        assertThat(mcf.toString()).doesNotContain("very-secret", "token-value");
        LambdaCredentialProfile profile = new LambdaCredentialProfile();
        profile.setSecretAccessKey("very-secret");
        profile.setKeystorePassword("ks-pass");
        assertThat(profile.getSecretAccessKey()).isEqualTo("****");
        assertThat(profile.getKeystorePassword()).isEqualTo("****");
        assertThat(profile.toString()).doesNotContain("very-secret", "ks-pass");
    }

    @Test
    void secretSetAsTheAccessKeyId_isNotShownByToString_aKeyIdIs() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        mcf.setAccessKeyId(secret);
        LambdaCredentialProfile profile = new LambdaCredentialProfile();
        profile.setAccessKeyId(secret);
        assertThat(mcf.toString()).doesNotContain("wJalrXUtnFEMI").contains("(40 characters, not shown)");
        assertThat(profile.toString()).doesNotContain("wJalrXUtnFEMI").contains("(40 characters, not shown)");
        // a secret made of word characters only passes IAM's rule for an id (16-128 of \w), but is not shown either
        String wordOnly = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab";
        mcf.setAccessKeyId(wordOnly);
        profile.setAccessKeyId(wordOnly);
        assertThat(mcf.toString()).doesNotContain(wordOnly).contains("(40 characters, not shown)");
        assertThat(profile.toString()).doesNotContain(wordOnly).contains("(40 characters, not shown)");
        mcf.setAccessKeyId("AKIAIOSFODNN7EXAMPLE");
        profile.setAccessKeyId("AKIAIOSFODNN7EXAMPLE");
        assertThat(mcf.toString()).contains("accessKeyId=AKIAIOSFODNN7EXAMPLE");
        assertThat(profile.toString()).contains("accessKeyId=AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void invalidProfile_failsWhenTheContainerAssociatesIt_namingTheProperty() {
        LambdaCredentialProfile profile = new LambdaCredentialProfile();
        profile.setType("ASSUME_ROLE");
        profile.setRoleArn("arn:aws:iam::123456789012:role/invoker");
        profile.setDurationSeconds(60);
        assertThatThrownBy(() -> profile.setResourceAdapter(new LambdaResourceAdapter()))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessage("Invalid Lambda credential profile: DurationSeconds must be between 900 and 43200, not 60");
    }

    @Test
    void profileAssociatedBeforeItsProperties_isCheckedAtFirstUse() throws ResourceException {
        // Open Liberty calls setResourceAdapter before it sets an administered object's properties
        LambdaCredentialProfile profile = new LambdaCredentialProfile();
        profile.setResourceAdapter(new LambdaResourceAdapter());
        profile.setType("ASSUME_ROLE");
        profile.setRoleArn("arn:aws:iam::123456789012:role/invoker");
        profile.setDurationSeconds(60);
        assertThatThrownBy(() -> profile.source(name -> null)).hasMessage("DurationSeconds must be between 900 and 43200, not 60");
    }

    @Test
    void profileAssociatedBeforeItsProperties_isValidatedOnce_untilAPropertyChanges() throws ResourceException,
            ConfigException {
        // a java:comp name is looked up on every getConnection: its profile must not be validated (a keystore read,
        // a key probed) each time, on Liberty either
        LambdaCredentialProfile profile = new LambdaCredentialProfile();
        profile.setResourceAdapter(new LambdaResourceAdapter());
        profile.setType("STATIC");
        profile.setAccessKeyId("AKIAALICEALICEALICE1");
        profile.setSecretAccessKey("alice-secret");
        CredentialSource first = profile.source(name -> null);
        assertThat(profile.source(name -> null)).isSameAs(first);
        profile.setAccessKeyId("AKIABOBBOBBOBBOBBOB1");
        assertThat(profile.source(name -> null)).isNotEqualTo(first)
                .isEqualTo(new StaticKeys("AKIABOBBOBBOBBOBBOB1", Secret.of("alice-secret"), null));
    }

    @Test
    void profileWithPropertiesButNoType_failsWhenTheContainerAssociatesIt() {
        LambdaCredentialProfile profile = new LambdaCredentialProfile();
        profile.setRoleArn("arn:aws:iam::123456789012:role/invoker");
        assertThatThrownBy(() -> profile.setResourceAdapter(new LambdaResourceAdapter()))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("Type");
    }

    private static Subject subject(String user, String password) {
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(new PasswordCredential(user, password.toCharArray()));
        return subject;
    }
}
