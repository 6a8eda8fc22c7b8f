package io.lambdajca.adapter;

import javax.security.auth.Subject;

import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.adapter.internal.credentials.StaticKeys;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.security.PasswordCredential;

/**
 * Container-managed sign-on: the container (for example WildFly with an Elytron authentication context whose
 * credential comes from a credential store) passes a Subject holding a PasswordCredential whose user name is the
 * access key id and whose password is the secret key.
 */
final class ContainerSignOn {

    private ContainerSignOn() {
    }

    /** The Subject's PasswordCredential meant for this connection definition (or for any), or null. */
    static PasswordCredential passwordCredential(Subject subject, ManagedConnectionFactory mcf) {
        if (subject == null) {
            return null;
        }
        for (PasswordCredential pc : subject.getPrivateCredentials(PasswordCredential.class)) {
            boolean forThis = pc.getManagedConnectionFactory() == null || mcf.equals(pc.getManagedConnectionFactory());
            if (forThis && !isBlank(pc)) {
                return pc;
            }
        }
        return null;
    }

    /**
     * GlassFish and Payara pass a credential with an empty user name and password when the pool has no principal:
     * that is no sign-on, and the connection definition's own credentials apply.
     */
    private static boolean isBlank(PasswordCredential pc) {
        return (pc.getUserName() == null || pc.getUserName().isEmpty())
                && (pc.getPassword() == null || pc.getPassword().length == 0);
    }

    static StaticKeys keys(PasswordCredential credential) throws ResourceException {
        String user = credential.getUserName();
        char[] password = credential.getPassword();
        if (user == null || user.isBlank() || password == null || password.length == 0) {
            throw new SecurityException("Container-managed sign-on for Lambda needs the access key id as user name "
                    + "and the secret key as password; the container gave " + (user == null || user.isBlank()
                            ? "no user name" : "user '" + user + "' with no password"));
        }
        return new StaticKeys(user.trim(), Secret.of(new String(password)), null);
    }
}
