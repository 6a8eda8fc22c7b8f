package io.lambdajca.api;

import java.io.Serializable;
import java.util.Objects;

import jakarta.resource.cci.ConnectionSpec;

/**
 * Asks for a connection with other credentials than the connection definition's own: the credential profile bound at
 * the given JNDI name (an administered object the administrator configured, such as
 * {@code java:/lambda/profiles/Reporting}). The connection calls with that profile's credentials, whichever pooled
 * connection serves it. A name in the application's own namespaces ({@code java:comp/env/...}, {@code java:module/},
 * {@code java:app/}) is looked up in the calling application's naming on every {@code getConnection}; a global name
 * once.
 *
 * <pre>{@code
 * try (LambdaConnection c = factory.getConnection(LambdaConnectionSpec.credentialProfile("java:/lambda/profiles/Reporting"))) {
 *     c.invoke(...);
 * }
 * }</pre>
 */
public final class LambdaConnectionSpec implements ConnectionSpec, Serializable {

    private static final long serialVersionUID = 1L;
    /** JNDI names longer than this are refused. */
    public static final int MAX_NAME_LENGTH = 512;

    private final String credentialProfile;

    private LambdaConnectionSpec(String credentialProfile) {
        this.credentialProfile = credentialProfile;
    }

    /**
     * A spec naming a credential profile.
     *
     * @param jndiName the profile's JNDI name; not blank, at most {@value #MAX_NAME_LENGTH} characters
     * @throws InvalidRequestException when the name is null, blank or too long
     */
    public static LambdaConnectionSpec credentialProfile(String jndiName) {
        if (jndiName == null || jndiName.isBlank()) {
            throw new InvalidRequestException(null, "The credential profile's JNDI name must not be "
                    + (jndiName == null ? "null" : "blank"), null);
        }
        if (jndiName.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException(null, "The credential profile's JNDI name '" + jndiName.substring(0, 60)
                    + "...' is " + jndiName.length() + " characters long; at most " + MAX_NAME_LENGTH
                    + " are allowed", null);
        }
        return new LambdaConnectionSpec(jndiName.trim());
    }

    /** The JNDI name of the credential profile. */
    public String credentialProfile() {
        return credentialProfile;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LambdaConnectionSpec
                && credentialProfile.equals(((LambdaConnectionSpec) o).credentialProfile);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(credentialProfile);
    }

    @Override
    public String toString() {
        return "LambdaConnectionSpec[credentialProfile=" + credentialProfile + "]";
    }
}
