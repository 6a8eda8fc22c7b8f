package io.lambdajca.adapter;

/**
 * The administered-object interface of a credential profile: credentials that connection definitions name with their
 * {@code CredentialProfile} property, and that applications may choose with a
 * {@link io.lambdajca.api.LambdaConnectionSpec}. Implemented by {@link LambdaCredentialProfile}.
 */
public interface CredentialProfile {

    /** STATIC, ASSUME_ROLE, ROLES_ANYWHERE or DEFAULT_CHAIN. */
    String getType();
}
