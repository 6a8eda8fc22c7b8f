package io.lambdajca.adapter.internal.credentials;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.lambdajca.adapter.internal.ConfigException;

/** The credential profile types an administrator can configure. */
public enum CredentialType {
    /** An access key id and secret key, optionally with a session token. */
    STATIC,
    /** Temporary credentials from STS AssumeRole, refreshed before they expire. */
    ASSUME_ROLE,
    /** Temporary credentials from IAM Roles Anywhere, signed with an X.509 certificate, refreshed before expiry. */
    ROLES_ANYWHERE,
    /** The AWS SDK's default chain: environment, system properties, web identity, container, instance profile. */
    DEFAULT_CHAIN;

    static CredentialType parse(String value) throws ConfigException {
        if (value == null || value.isBlank()) {
            throw new ConfigException("Type is required: one of " + names());
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Type '" + value + "' is not a credential profile type: use one of " + names());
        }
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
