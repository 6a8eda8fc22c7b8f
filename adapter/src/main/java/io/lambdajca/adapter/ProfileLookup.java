package io.lambdajca.adapter;

import java.util.ArrayList;
import java.util.List;

import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.credentials.CredentialSource;

/**
 * Finds a credential profile by its JNDI name and validates it into a {@link CredentialSource}. Follows SourceProfile
 * references, carrying the chain of names followed so far, and refuses cycles.
 */
final class ProfileLookup {

    private ProfileLookup() {
    }

    /** Whether anything is bound at that name yet (the container binds administered objects after connection factories). */
    static boolean isBound(String jndiName) {
        try {
            new InitialContext().lookup(jndiName);
            return true;
        } catch (NamingException | RuntimeException e) {
            return false; // a server may throw either for a name it cannot resolve
        }
    }

    static CredentialSource resolve(String jndiName) throws ConfigException {
        return resolve(jndiName, List.of());
    }

    /** Resolves a profile referred to by the profiles of {@code chain}, in that order. */
    private static CredentialSource resolve(String jndiName, List<String> chain) throws ConfigException {
        Object bound;
        try {
            bound = new InitialContext().lookup(jndiName);
        } catch (NameNotFoundException e) {
            throw new NotBound("No credential profile is bound at '" + jndiName + "': add an admin object of class "
                    + LambdaCredentialProfile.class.getName() + " with that JNDI name to the resource adapter");
        } catch (NamingException | RuntimeException e) {
            // a server may throw either for a name it cannot resolve (an illegal name, a context being shut down)
            throw new ConfigException("The credential profile '" + jndiName + "' cannot be looked up: " + e);
        }
        if (!(bound instanceof LambdaCredentialProfile)) {
            throw new ConfigException("'" + jndiName + "' is bound to " + (bound == null ? "null"
                    : bound.getClass().getName()) + ", not to a credential profile of this resource adapter ("
                    + LambdaCredentialProfile.class.getName() + ")");
        }
        List<String> followed = new ArrayList<>(chain);
        followed.add(jndiName);
        if (chain.contains(jndiName)) {
            throw new ConfigException("Credential profiles refer to each other in a cycle through SourceProfile: "
                    + String.join(" -> ", followed));
        }
        try {
            return ((LambdaCredentialProfile) bound).source(source -> resolve(source, followed));
        } catch (NotBound e) {
            throw new NotBound("Credential profile '" + jndiName + "': " + e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException("Credential profile '" + jndiName + "': " + e.getMessage());
        }
    }

    /** Nothing is bound at a profile's name (yet: the container may still be binding administered objects). */
    static final class NotBound extends ConfigException {
        private static final long serialVersionUID = 1L;

        NotBound(String message) {
            super(message);
        }
    }
}
