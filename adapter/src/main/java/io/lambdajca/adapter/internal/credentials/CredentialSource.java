package io.lambdajca.adapter.internal.credentials;

/**
 * Where the credentials of a Lambda client come from, as an immutable value: equal sources share one credentials
 * provider and, with equal client settings, one SDK client. {@link #describe()} never reveals a secret.
 */
public sealed interface CredentialSource permits StaticKeys, DefaultChain, AssumeRole, RolesAnywhere {

    /** The type name an administrator configures. */
    CredentialType type();

    /** A description for logs and messages: the type and the non-secret identifiers (key id, role ARN). */
    String describe();
}
