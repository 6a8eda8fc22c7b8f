package io.lambdajca.adapter.internal.credentials;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS SDK's default credentials chain, whose failure to find credentials reaches the SDK as the credentials'
 * failure: an SdkClientException caused by a {@link CredentialsUnavailableException}, which the application gets as
 * an AccessDeniedException (the chain's own SdkClientException looked like a lost connection to Lambda). It is not
 * retried: a retry moments later would read the same system properties, environment and files, and probe the
 * container and instance metadata services again for a role that does not appear within a call's retries.
 */
final class DefaultChainProvider implements AwsCredentialsProvider, SdkAutoCloseable {

    private final DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return chain.resolveCredentials();
        } catch (SdkClientException e) {
            CredentialsUnavailableException unavailable = new CredentialsUnavailableException("The AWS SDK's default "
                    + "credentials chain found no credentials: " + e.getMessage(), null, false, e);
            throw SdkClientException.create(unavailable.getMessage(), unavailable);
        }
    }

    @Override
    public void close() {
        chain.close();
    }

    @Override
    public String toString() {
        return "DefaultChainProvider[" + chain + "]";
    }
}
