package io.lambdajca.adapter;

import java.util.ArrayDeque;
import java.util.Deque;

import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.credentials.CredentialSource;

/**
 * Finds a credential profile by its JNDI name and validates it into a {@link CredentialSource}. Follows SourceProfile
 * references and refuses cycles.
 */
final class ProfileLookup {

    private static final ThreadLocal<Deque<String>> RESOLVING = ThreadLocal.withInitial(ArrayDeque::new);

    private ProfileLookup() {
    }

    /** Whether anything is bound at that name yet (the container binds administered objects after connection factories). */
    static boolean isBound(String jndiName) {
        try {
            new InitialContext().lookup(jndiName);
            return true;
        } catch (NamingException e) {
            return false;
        }
    }

    static CredentialSource resolve(String jndiName) throws ConfigException {
        Object bound;
        try {
            bound = new InitialContext().lookup(jndiName);
        } catch (NameNotFoundException e) {
            throw new ConfigException("No credential profile is bound at '" + jndiName + "': add an admin object of "
                    + "class " + LambdaCredentialProfile.class.getName() + " with that JNDI name to the resource "
                    + "adapter");
        } catch (NamingException e) {
            throw new ConfigException("The credential profile '" + jndiName + "' cannot be looked up: " + e);
        }
        if (!(bound instanceof LambdaCredentialProfile)) {
            throw new ConfigException("'" + jndiName + "' is bound to " + (bound == null ? "null"
                    : bound.getClass().getName()) + ", not to a credential profile of this resource adapter ("
                    + LambdaCredentialProfile.class.getName() + ")");
        }
        Deque<String> stack = RESOLVING.get();
        if (stack.contains(jndiName)) {
            throw new ConfigException("Credential profiles refer to each other in a cycle through SourceProfile: "
                    + String.join(" -> ", stack) + " -> " + jndiName);
        }
        stack.push(jndiName);
        try {
            return ((LambdaCredentialProfile) bound).source();
        } catch (ConfigException e) {
            throw new ConfigException("Credential profile '" + jndiName + "': " + e.getMessage());
        } finally {
            stack.pop();
            if (stack.isEmpty()) {
                RESOLVING.remove();
            }
        }
    }
}
