package io.lambdajca.adapter.internal.credentials;

import java.util.Objects;

import io.lambdajca.adapter.internal.Secret;

/** Static keys: an access key id, its secret key and, for temporary keys, a session token (null when absent). */
public record StaticKeys(String accessKeyId, Secret secretAccessKey, Secret sessionToken) implements CredentialSource {

    public StaticKeys {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
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
