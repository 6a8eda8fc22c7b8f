package io.lambdajca.adapter.internal.credentials;

import java.util.Objects;
import java.util.regex.Pattern;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.Secret;

/** Static keys: an access key id, its secret key and, for temporary keys, a session token (null when absent). */
public record StaticKeys(String accessKeyId, Secret secretAccessKey, Secret sessionToken) implements CredentialSource {

    /** Access key ids: 16-128 word characters (IAM's AccessKeyIdType; AWS's own are 20). */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");
    /** The ids AWS issues: capital letters and digits (a secret access key has small letters too). */
    private static final String AWS_FORM = "[A-Z0-9]{16,128}";

    public StaticKeys {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /**
     * The keys an administrator configured (on a connection definition or a STATIC or ASSUME_ROLE profile), the access
     * key id trimmed and checked: an id with characters no access key id has is refused without being quoted, since it
     * may be the secret access key set in its place (which the id's place would otherwise log).
     */
    public static StaticKeys configured(String accessKeyId, Secret secretAccessKey, Secret sessionToken)
            throws ConfigException {
        String id = accessKeyId.trim();
        if (!ACCESS_KEY_ID.matcher(id).matches()) {
            String value = id.matches("\\w*") ? "'" + id + "'" : "of " + id.length() + " characters (not quoted: it "
                    + "has characters no access key id has, as a secret access key does)";
            throw new ConfigException("AccessKeyId " + value + " is not an access key id: 16-128 letters, "
                    + "digits or underscores, such as AKIAIOSFODNN7EXAMPLE");
        }
        return new StaticKeys(id, secretAccessKey, sessionToken);
    }

    /**
     * How a configured access key id is shown in {@code toString()}: itself when it has the form of AWS's ids
     * ({@value #AWS_FORM}: AKIA..., ASIA...), else only its length, since it may be the secret access key set in its
     * place (a secret may be made of word characters only, so IAM's rule alone would show some).
     */
    public static String shown(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.trim().matches(AWS_FORM)) {
            return accessKeyId;
        }
        return "(" + accessKeyId.length() + " characters, not shown)";
    }

    @Override
    public CredentialType type() {
        return CredentialType.STATIC;
    }

    @Override
    public String describe() {
        return "STATIC access key " + accessKeyId;
    }

    @Override
    public String toString() {
        return "StaticKeys[" + accessKeyId + ", secret ****" + (sessionToken == null ? "" : ", session token ****")
                + "]";
    }
}
