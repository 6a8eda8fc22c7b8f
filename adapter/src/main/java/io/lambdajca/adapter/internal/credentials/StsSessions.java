package io.lambdajca.adapter.internal.credentials;

import java.util.StringJoiner;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import io.lambdajca.adapter.internal.ErrorAnswers;
import io.lambdajca.adapter.internal.Redaction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Fetches the temporary credentials of an {@link AssumeRole} profile with the SDK's STS client: one client per
 * profile, on the adapter's shared HTTP client for credential services and its shared scheduler, calling with the
 * profile's source credentials, retrying nothing itself; closed with the profile.
 */
final class StsSessions implements Supplier<AwsSessionCredentials>, SdkAutoCloseable {

    private final AssumeRole profile;
    private final StsClient sts;

    StsSessions(AssumeRole profile, AwsCredentialsProvider caller, SdkHttpClient http,
            ScheduledExecutorService scheduler) {
        this.profile = profile;
        StsClientBuilder builder = StsClient.builder()
                .region(profile.region())
                .credentialsProvider(caller)
                .httpClient(http)
                // the adapter, not the SDK, retries: with the SDK's retries an STS that does not answer held a
                // caller for four socket timeouts per fetch, and the adapter's retry may then repeat the whole call
                .overrideConfiguration(o -> o.scheduledExecutorService(scheduler)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (profile.endpointOverride() != null) {
            builder.endpointOverride(profile.endpointOverride());
        }
        this.sts = builder.build();
    }

    @Override
    public AwsSessionCredentials get() {
        try {
            AssumeRoleResponse answer = sts.assumeRole(b -> b.roleArn(profile.roleArn())
                    .roleSessionName(profile.sessionName())
                    .durationSeconds(profile.durationSeconds())
                    .externalId(profile.externalId()));
            Credentials c = answer.credentials();
            String missing = missing(c);
            if (missing != null) {
                // the answer is not quoted: what it holds may be the issued keys
                throw new CredentialsUnavailableException("STS AssumeRole of " + profile.roleArn() + " answered "
                        + "without credentials (HTTP " + answer.sdkHttpResponse().statusCode() + ", no " + missing
                        + ")", null, false, null); // not STS's answer, or not a usable one: a retry gets the same
            }
            return AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                    .sessionToken(c.sessionToken()).expirationTime(c.expiration()).build();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            // not STS's error answer (a proxy's 407, a gateway's HTML 502): its first bytes say what answered
            String failure = code == null ? "HTTP " + e.statusCode() + ", " + ErrorAnswers.withoutCode(e)
                    : code + " (HTTP " + e.statusCode() + "): " + message;
            // its own retries being off, STS's throttling and its 5xx are the adapter's to retry, as they were the
            // SDK's; not its refusals, nor a proxy's 407 or a portal's page
            boolean retryable = e.isThrottlingException()
                    || CredentialsUnavailableException.retryableStatus(e.statusCode());
            throw new CredentialsUnavailableException("STS AssumeRole of " + profile.roleArn() + " failed: "
                    + failure, code, retryable, e);
        } catch (SdkException e) {
            throw new CredentialsUnavailableException("STS AssumeRole of " + profile.roleArn() + " failed: "
                    + Redaction.rootMessage(e), null, e);
        }
    }

    /**
     * The elements that the answer's credentials lack (an answer that parses as STS's, such as an HTML page served with
     * 200, has none), or null when they are complete.
     */
    private static String missing(Credentials c) {
        if (c == null) {
            return "<Credentials>";
        }
        StringJoiner missing = new StringJoiner(", ");
        if (c.accessKeyId() == null || c.accessKeyId().isBlank()) {
            missing.add("<AccessKeyId>");
        }
        if (c.secretAccessKey() == null || c.secretAccessKey().isBlank()) {
            missing.add("<SecretAccessKey>");
        }
        if (c.sessionToken() == null || c.sessionToken().isBlank()) {
            missing.add("<SessionToken>");
        }
        if (c.expiration() == null) {
            missing.add("<Expiration>");
        }
        return missing.length() == 0 ? null : missing.toString();
    }

    @Override
    public void close() {
        sts.close();
    }
}
