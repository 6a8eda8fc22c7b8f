package io.lambdajca.adapter;

import java.io.Serializable;

import javax.naming.Reference;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.adapter.internal.credentials.CredentialProfileProperties;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import io.lambdajca.adapter.internal.credentials.DefaultChain;
import io.lambdajca.adapter.internal.credentials.StaticKeys;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

/**
 * A credential profile, configured by the administrator as an administered object of the resource adapter and bound
 * in JNDI: static keys, STS AssumeRole, IAM Roles Anywhere or the SDK's default chain. Connection definitions name it
 * in their {@code CredentialProfile} property; many may share one, and then share its credentials provider and, with
 * equal client settings, one SDK client. Its properties are validated when the container associates it with the
 * adapter, so a misconfigured profile fails the activation with a message naming the property. Confidential
 * properties read back masked; {@code toString()} shows no secret.
 */
@AdministeredObject(adminObjectInterfaces = CredentialProfile.class)
public class LambdaCredentialProfile implements CredentialProfile, ResourceAdapterAssociation, Referenceable,
        Serializable {

    private static final long serialVersionUID = 1L;
    private static final String MASK = "****";

    private String type;
    private String accessKeyId;
    private Secret secretAccessKey;
    private Secret sessionToken;
    private String roleArn;
    private String roleSessionName;
    private Integer durationSeconds;
    private String externalId;
    private String sourceProfile;
    private String region;
    private String endpointOverride;
    private String trustAnchorArn;
    private String profileArn;
    private String keystoreFile;
    private Secret keystorePassword;
    private String keyAlias;
    private String certificateFile;
    private String privateKeyFile;
    private String certificateChainFile;

    private transient ResourceAdapter resourceAdapter;
    private transient volatile Validated validated;
    private Reference reference;

    /** All properties as one value. */
    CredentialProfileProperties properties() {
        return properties(accessKeyId);
    }

    private CredentialProfileProperties properties(String keyId) {
        return new CredentialProfileProperties(type, keyId, secretAccessKey, sessionToken, roleArn,
                roleSessionName, durationSeconds, externalId, sourceProfile, region, endpointOverride, trustAnchorArn,
                profileArn, keystoreFile, keystorePassword, keyAlias, certificateFile, privateKeyFile,
                certificateChainFile);
    }

    /** Validates the properties and builds the credential source; SourceProfile is resolved with the resolver. */
    CredentialSource source(CredentialProfileProperties.ProfileResolver sourceProfiles) throws ConfigException {
        CredentialProfileProperties props = properties();
        Validated known = validated;
        if (known != null && known.properties.equals(props)) {
            return known.source; // checked once (keystore read, key probed) and needing no other profile
        }
        CredentialSource source = props.toSource(sourceProfiles);
        if (standalone(props)) {
            validated = new Validated(props, source); // Liberty sets the properties after the association
        }
        return source;
    }

    /** Whether the profile needs no other (no SourceProfile): its source is the same whenever it is built. */
    private static boolean standalone(CredentialProfileProperties props) {
        return props.sourceProfile() == null || props.sourceProfile().isBlank();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    /**
     * Called by the container at activation: the profile's own properties are checked here. Open Liberty associates
     * an administered object before it sets any of its properties; a profile with no property set yet is checked at
     * first use.
     */
    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        CredentialProfileProperties props = properties();
        if (props.equals(new LambdaCredentialProfile().properties())) {
            this.resourceAdapter = ra;
            return;
        }
        try {
            // SourceProfile names another administered object, which may not be bound yet: it is resolved on use
            CredentialSource source = props.toSource(name -> new DefaultChain());
            validated = standalone(props) ? new Validated(props, source) : null;
        } catch (ConfigException e) {
            throw new InvalidPropertyException("Invalid Lambda credential profile: " + e.getMessage());
        }
        this.resourceAdapter = ra;
    }

    @Override
    public void setReference(Reference value) {
        this.reference = value;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    /** The source built when the container associated the profile, with the properties it was built from. */
    private record Validated(CredentialProfileProperties properties, CredentialSource source) {
    }

    @Override
    public String toString() {
        return "LambdaCredentialProfile" + properties(StaticKeys.shown(accessKeyId));
    }

    public String getType() {
        return type;
    }

    @ConfigProperty(description = "STATIC, ASSUME_ROLE, ROLES_ANYWHERE or DEFAULT_CHAIN.")
    public void setType(String value) {
        this.type = value;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    @ConfigProperty(description = "STATIC: the access key id. ASSUME_ROLE: the key id of the calling credentials (else SourceProfile, else the default chain).")
    public void setAccessKeyId(String value) {
        this.accessKeyId = value;
    }

    /** Masked: a confidential property is never read back. */
    public String getSecretAccessKey() {
        return secretAccessKey == null ? null : MASK;
    }

    @ConfigProperty(confidential = true, description = "Secret key of AccessKeyId. Confidential: prefer an encrypted expression or password alias to a literal value.")
    public void setSecretAccessKey(String value) {
        this.secretAccessKey = Secret.of(value);
    }

    /** Masked: a confidential property is never read back. */
    public String getSessionToken() {
        return sessionToken == null ? null : MASK;
    }

    @ConfigProperty(confidential = true, description = "Session token, when the static keys are temporary. Confidential.")
    public void setSessionToken(String value) {
        this.sessionToken = Secret.of(value);
    }

    public String getRoleArn() {
        return roleArn;
    }

    @ConfigProperty(description = "ASSUME_ROLE and ROLES_ANYWHERE: the IAM role, arn:aws:iam::ACCOUNT:role/NAME.")
    public void setRoleArn(String value) {
        this.roleArn = value;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    @ConfigProperty(description = "Session name, 2-64 characters of letters, digits and +=,.@- (ASSUME_ROLE default: lambdajca).")
    public void setRoleSessionName(String value) {
        this.roleSessionName = value;
    }

    public Integer getDurationSeconds() {
        return durationSeconds;
    }

    @ConfigProperty(description = "ASSUME_ROLE and ROLES_ANYWHERE: how long issued credentials last, 900-43200 seconds (default 3600).")
    public void setDurationSeconds(Integer value) {
        this.durationSeconds = value;
    }

    public String getExternalId() {
        return externalId;
    }

    @ConfigProperty(description = "ASSUME_ROLE: the external id the role's trust policy requires.")
    public void setExternalId(String value) {
        this.externalId = value;
    }

    public String getSourceProfile() {
        return sourceProfile;
    }

    @ConfigProperty(description = "ASSUME_ROLE: JNDI name of the credential profile that calls STS (default: AccessKeyId/SecretAccessKey, else the default chain).")
    public void setSourceProfile(String value) {
        this.sourceProfile = value;
    }

    public String getRegion() {
        return region;
    }

    @ConfigProperty(description = "ASSUME_ROLE: the STS region (default us-east-1). ROLES_ANYWHERE takes its region from TrustAnchorArn.")
    public void setRegion(String value) {
        this.region = value;
    }

    public String getEndpointOverride() {
        return endpointOverride;
    }

    @ConfigProperty(description = "ASSUME_ROLE: STS endpoint; ROLES_ANYWHERE: Roles Anywhere endpoint. Empty for the region's public endpoint.")
    public void setEndpointOverride(String value) {
        this.endpointOverride = value;
    }

    public String getTrustAnchorArn() {
        return trustAnchorArn;
    }

    @ConfigProperty(description = "ROLES_ANYWHERE: arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/ID.")
    public void setTrustAnchorArn(String value) {
        this.trustAnchorArn = value;
    }

    public String getProfileArn() {
        return profileArn;
    }

    @ConfigProperty(description = "ROLES_ANYWHERE: arn:aws:rolesanywhere:REGION:ACCOUNT:profile/ID.")
    public void setProfileArn(String value) {
        this.profileArn = value;
    }

    public String getKeystoreFile() {
        return keystoreFile;
    }

    @ConfigProperty(description = "ROLES_ANYWHERE: PKCS12 keystore with the client certificate and its RSA or EC private key.")
    public void setKeystoreFile(String value) {
        this.keystoreFile = value;
    }

    /** Masked: a confidential property is never read back. */
    public String getKeystorePassword() {
        return keystorePassword == null ? null : MASK;
    }

    @ConfigProperty(confidential = true, description = "Password of KeystoreFile (and of its key). Confidential.")
    public void setKeystorePassword(String value) {
        this.keystorePassword = Secret.of(value);
    }

    public String getKeyAlias() {
        return keyAlias;
    }

    @ConfigProperty(description = "Alias of the key entry in KeystoreFile (default: the first key entry).")
    public void setKeyAlias(String value) {
        this.keyAlias = value;
    }

    public String getCertificateFile() {
        return certificateFile;
    }

    @ConfigProperty(description = "ROLES_ANYWHERE, instead of KeystoreFile: the client certificate, PEM (it may be followed by intermediates).")
    public void setCertificateFile(String value) {
        this.certificateFile = value;
    }

    public String getPrivateKeyFile() {
        return privateKeyFile;
    }

    @ConfigProperty(description = "ROLES_ANYWHERE with CertificateFile: the unencrypted PKCS#8 PEM private key (RSA or EC).")
    public void setPrivateKeyFile(String value) {
        this.privateKeyFile = value;
    }

    public String getCertificateChainFile() {
        return certificateChainFile;
    }

    @ConfigProperty(description = "ROLES_ANYWHERE with CertificateFile: intermediate CA certificates, PEM.")
    public void setCertificateChainFile(String value) {
        this.certificateChainFile = value;
    }
}
