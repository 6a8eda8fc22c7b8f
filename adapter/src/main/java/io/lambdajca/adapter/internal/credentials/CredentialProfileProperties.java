package io.lambdajca.adapter.internal.credentials;

import java.net.URI;
import java.util.regex.Pattern;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.ConnectionProperties;
import io.lambdajca.adapter.internal.Secret;
import software.amazon.awssdk.regions.Region;

/**
 * The properties of a credential profile as the administrator set them (unvalidated), in one immutable value.
 * {@link #toSource} checks them for the profile's type and builds its {@link CredentialSource}; a failure's message
 * names the property and the rule. {@code toString()} hides the secrets.
 */
public record CredentialProfileProperties(String type, String accessKeyId, Secret secretAccessKey,
        Secret sessionToken, String roleArn, String roleSessionName, Integer durationSeconds, String externalId,
        String sourceProfile, String region, String endpointOverride, String trustAnchorArn, String profileArn,
        String keystoreFile, Secret keystorePassword, String keyAlias, String certificateFile, String privateKeyFile,
        String certificateChainFile) {

    public static final String DEFAULT_SESSION_NAME = "lambdajca";
    public static final int DEFAULT_DURATION_SECONDS = 3600;
    /** STS and Roles Anywhere sessions last 900 to 43,200 seconds. */
    static final int MIN_DURATION_SECONDS = 900;
    static final int MAX_DURATION_SECONDS = 43_200;
    /** A role assumed with another role's credentials (role chaining) lasts at most an hour. */
    static final int MAX_CHAINED_SECONDS = 3600;

    /**
     * An IAM role's ARN: its path is "/" or any printable ASCII between slashes (IAM's rule), its name 1-64 characters
     * of [\w+=,.@-]; STS takes ARNs of up to 2,048 characters.
     */
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role(/[!-~]*)?/[\\w+=,.@-]{1,64}");
    private static final int MAX_ROLE_ARN = 2048;
    private static final String ROLE_ARN_RULE = "an IAM role ARN, arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME with a "
            + "12-digit account, a path of printable ASCII characters and a name of 1-64 letters, digits and +=,.@_- "
            + "(at most " + MAX_ROLE_ARN + " characters), such as arn:aws:iam::123456789012:role/lambda-invoker";
    /** Roles Anywhere's trust anchor and profile ARNs; their ids are its Uuid shape (36 of [a-z0-9-]). */
    private static final Pattern ROLES_ANYWHERE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:rolesanywhere:([a-z0-9-]+):\\d{12}:(trust-anchor|profile)/[a-z0-9-]{36}");
    /** RoleSessionName: 2-64 characters of [\w+=,.@-]. */
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    /** ExternalId: 2-1,224 characters of [\w+=,.@:/-]. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    /** Resolves another profile (SourceProfile) by its JNDI name. */
    @FunctionalInterface
    public interface ProfileResolver {
        CredentialSource resolve(String jndiName) throws ConfigException;
    }

    /** Validates the properties for the type and builds the source; SourceProfile is resolved with the resolver. */
    public CredentialSource toSource(ProfileResolver resolver) throws ConfigException {
        switch (CredentialType.parse(type)) {
            case STATIC:
                return staticKeys(true);
            case DEFAULT_CHAIN:
                return new DefaultChain();
            case ASSUME_ROLE:
                return assumeRole(resolver);
            case ROLES_ANYWHERE:
                return rolesAnywhere();
            default:
                throw new IllegalStateException("unhandled type " + type);
        }
    }

    /** Static keys from AccessKeyId/SecretAccessKey/SessionToken; null when optional and neither key is set. */
    private StaticKeys staticKeys(boolean required) throws ConfigException {
        boolean hasKey = present(accessKeyId);
        if (!hasKey && secretAccessKey == null && !required) {
            if (sessionToken != null) {
                throw new ConfigException("SessionToken needs AccessKeyId and SecretAccessKey");
            }
            return null;
        }
        if (!hasKey || secretAccessKey == null) {
            throw new ConfigException((hasKey ? "SecretAccessKey" : "AccessKeyId") + " is required "
                    + (required ? "for type STATIC" : "with " + (hasKey ? "AccessKeyId" : "SecretAccessKey")));
        }
        return StaticKeys.configured(accessKeyId, secretAccessKey, sessionToken);
    }

    private AssumeRole assumeRole(ProfileResolver resolver) throws ConfigException {
        String role = checkedRoleArn();
        String session = sessionName(true);
        if (present(externalId) && !EXTERNAL_ID.matcher(externalId.trim()).matches()) {
            throw new ConfigException("ExternalId must be 2-1224 characters of letters, digits and +=,.@:/-; the "
                    + "value set has " + externalId.trim().length() + " characters or others");
        }
        CredentialSource caller;
        StaticKeys keys = staticKeys(false);
        if (present(sourceProfile)) {
            if (keys != null) {
                throw new ConfigException("Set either SourceProfile or AccessKeyId/SecretAccessKey for the calling "
                        + "credentials of ASSUME_ROLE, not both");
            }
            caller = resolver.resolve(sourceProfile.trim());
        } else {
            caller = keys != null ? keys : new DefaultChain();
        }
        Region r = ConnectionProperties.region(present(region) ? region.trim() : ConnectionProperties.DEFAULT_REGION);
        int duration = duration();
        if ((caller instanceof AssumeRole || caller instanceof RolesAnywhere) && duration > MAX_CHAINED_SECONDS) {
            throw new ConfigException("DurationSeconds is " + duration + ", but SourceProfile '"
                    + sourceProfile.trim() + "' gives role credentials, and STS lets a role assumed with them "
                    + "(role chaining) last at most " + MAX_CHAINED_SECONDS + " seconds");
        }
        return new AssumeRole(role, session, duration, present(externalId) ? externalId.trim() : null, r,
                ConnectionProperties.endpoint(endpointOverride), caller);
    }

    private RolesAnywhere rolesAnywhere() throws ConfigException {
        String anchor = matching("TrustAnchorArn", trustAnchorArn, ROLES_ANYWHERE_ARN,
                "a trust anchor ARN such as arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/UUID");
        String profile = matching("ProfileArn", profileArn, ROLES_ANYWHERE_ARN,
                "a Roles Anywhere profile ARN such as arn:aws:rolesanywhere:us-east-1:123456789012:profile/UUID");
        if (!anchor.contains(":trust-anchor/")) {
            throw new ConfigException("TrustAnchorArn '" + anchor + "' names a profile, not a trust anchor");
        }
        if (!profile.contains(":profile/")) {
            throw new ConfigException("ProfileArn '" + profile + "' names a trust anchor, not a profile");
        }
        String role = checkedRoleArn();
        boolean keystore = present(keystoreFile);
        boolean pem = present(certificateFile) || present(privateKeyFile);
        if (keystore == pem) {
            throw new ConfigException(keystore ? "Set either KeystoreFile or CertificateFile/PrivateKeyFile, not both"
                    : "ROLES_ANYWHERE needs the client certificate: KeystoreFile (PKCS12, with KeystorePassword) or "
                            + "CertificateFile and PrivateKeyFile (PEM)");
        }
        ClientCertificate certificate = keystore
                ? CertificateLoader.fromPkcs12(keystoreFile.trim(), keystorePassword, keyAlias)
                : CertificateLoader.fromPem(certificateFile, privateKeyFile, certificateChainFile);
        Region r = ConnectionProperties.region(anchor.split(":")[3]);
        URI endpoint = ConnectionProperties.endpoint(endpointOverride);
        return new RolesAnywhere(anchor, profile, role, duration(), sessionName(false), r, endpoint, certificate);
    }

    private String checkedRoleArn() throws ConfigException {
        if (present(roleArn) && roleArn.trim().length() > MAX_ROLE_ARN) {
            throw new ConfigException("RoleArn '" + roleArn.trim().substring(0, 60) + "...' has "
                    + roleArn.trim().length() + " characters: it is not " + ROLE_ARN_RULE);
        }
        return matching("RoleArn", roleArn, ROLE_ARN, ROLE_ARN_RULE);
    }

    private String sessionName(boolean withDefault) throws ConfigException {
        if (!present(roleSessionName)) {
            return withDefault ? DEFAULT_SESSION_NAME : null;
        }
        String name = roleSessionName.trim();
        if (!SESSION_NAME.matcher(name).matches()) {
            throw new ConfigException("RoleSessionName '" + name + "' must be 2-64 characters of letters, digits and "
                    + "+=,.@-");
        }
        return name;
    }

    private int duration() throws ConfigException {
        int d = durationSeconds == null ? DEFAULT_DURATION_SECONDS : durationSeconds;
        if (d < MIN_DURATION_SECONDS || d > MAX_DURATION_SECONDS) {
            throw new ConfigException("DurationSeconds must be between " + MIN_DURATION_SECONDS + " and "
                    + MAX_DURATION_SECONDS + ", not " + d);
        }
        return d;
    }

    private static String matching(String property, String value, Pattern pattern, String rule)
            throws ConfigException {
        if (!present(value)) {
            throw new ConfigException(property + " is required: " + rule);
        }
        if (!pattern.matcher(value.trim()).matches()) {
            throw new ConfigException(property + " '" + value + "' is not " + rule);
        }
        return value.trim();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
