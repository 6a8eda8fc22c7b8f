package io.lambdajca.adapter.internal.credentials;

/** The AWS SDK's default credentials chain, for servers running on AWS or configured through the environment. */
public record DefaultChain() implements CredentialSource {

    @Override
    public CredentialType type() {
        return CredentialType.DEFAULT_CHAIN;
    }

    @Override
    public String describe() {
        return "DEFAULT_CHAIN";
    }
}
