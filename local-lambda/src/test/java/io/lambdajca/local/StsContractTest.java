package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.testing.Poll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS AssumeRole's wire contract, through the official SDK {@code StsClient}: the XML answer the SDK parses, the
 * credentials it yields working on the Lambda API until they expire (then 403 ExpiredTokenException, and STS's own 403
 * ExpiredToken), and STS's error
 * codes for unknown roles, missing external ids, bad durations, role chaining and bad signatures.
 */
class StsContractTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/invoker";
    private static final String GUARDED_ROLE = "arn:aws:iam::123456789012:role/partner";
    private static final String LONG_ROLE = "arn:aws:iam::123456789012:role/long";

    private static LocalLambda lambda;
    private static StsClient sts;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.builder().port(0)
                .role(RoleDefinition.of(ROLE))
                .role(RoleDefinition.of(GUARDED_ROLE).withExternalId("partner-42"))
                .role(RoleDefinition.of(LONG_ROLE).withMaxSessionSeconds(43_200))
                .credentialLifetime(Duration.ofSeconds(3))
                .build().start();
        sts = sts(AwsBasicCredentials.create(LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY));
    }

    @AfterAll
    static void stop() {
        sts.close();
        lambda.close();
    }

    @Test
    @SuppressWarnings("deprecation") // packedPolicySize(): checked absent, as AWS leaves it out here
    void assumeRole_returnsTemporaryCredentialsThatLambdaAcceptsUntilTheyExpire() throws Exception {
        AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("contract-test")
                .durationSeconds(900));
        Credentials c = r.credentials();
        assertThat(c.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(c.sessionToken()).isNotBlank();
        // the endpoint was told to issue 3-second credentials whatever the caller asked for
        assertThat(c.expiration()).isBetween(Instant.now(), Instant.now().plusSeconds(4));
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/invoker/contract-test");
        assertThat(r.assumedRoleUser().assumedRoleId()).endsWith(":contract-test");

        try (LambdaClient temporary = lambda(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()))) {
            assertThat(temporary.listFunctions().functions()).isEmpty();
            LambdaException refused = Poll.value(Duration.between(Instant.now(), c.expiration()).plusSeconds(5),
                    () -> {
                        try {
                            temporary.listFunctions();
                            return null;
                        } catch (LambdaException e) {
                            return e;
                        }
                    }, e -> e != null, "refused");
            assertThat(Instant.now()).as("refused only once expired").isAfterOrEqualTo(c.expiration());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
            assertThat(refused.awsErrorDetails().errorMessage()).contains("expired");
        }
        // STS answers the same expired caller with its own code, which the SDK has no class for
        try (StsClient expired = sts(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()))) {
            assertThatThrownBy(() -> expired.assumeRole(b -> b.roleArn(ROLE).roleSessionName("again")))
                    .isExactlyInstanceOf(StsException.class).isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The security token included in the request is expired");
                    });
        }
        // no source identity, policy or tags were given: AWS's answer has neither member
        assertThat(r.sourceIdentity()).isNull();
        assertThat(r.packedPolicySize()).isNull();
    }

    @Test
    void assumeRole_ofAnUnknownRole_isAccessDenied() {
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::123456789012:role/nobody")
                .roleSessionName("s1"))).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .contains("not authorized to perform: sts:AssumeRole on resource: "
                                    + "arn:aws:iam::123456789012:role/nobody");
                });
    }

    @Test
    void assumeRole_withoutTheRequiredExternalId_isAccessDenied_andWithItSucceeds() {
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(GUARDED_ROLE).roleSessionName("s1")))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(GUARDED_ROLE).roleSessionName("s1")
                .externalId("wrong-id"))).isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(sts.assumeRole(b -> b.roleArn(GUARDED_ROLE).roleSessionName("s1").externalId("partner-42"))
                .credentials().accessKeyId()).startsWith("ASIA");
    }

    @Test
    void assumeRole_validatesDurationSessionNameAndExternalId() {
        assertValidationError(() -> sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1").durationSeconds(899)),
                "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member "
                        + "must have value greater than or equal to 900");
        assertValidationError(() -> sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1")
                .durationSeconds(43_201)), "1 validation error detected: Value '43201' at 'durationSeconds' failed to "
                        + "satisfy constraint: Member must have value less than or equal to 43200");
        assertValidationError(() -> sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1").durationSeconds(7200)),
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertValidationError(() -> sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("x")),
                "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 2");
        assertValidationError(() -> sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("has space")),
                "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        assertValidationError(() -> sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1").externalId("a b")),
                "1 validation error detected: Value 'a b' at 'externalId' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [\\w+=,.@:\\/-]*");
        String longAndSpaced = "a b".repeat(22);
        assertValidationError(() -> sts.assumeRole(b -> b.roleArn("arn:short").roleSessionName(longAndSpaced)),
                "3 validation errors detected: Value '" + longAndSpaced + "' at 'roleSessionName' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 64; Value '" + longAndSpaced
                        + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [\\w+=,.@-]*; Value 'arn:short' at 'roleArn' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 20");
        assertThat(sts.assumeRole(b -> b.roleArn(LONG_ROLE).roleSessionName("s1").durationSeconds(43_200))
                .credentials()).isNotNull();
    }

    @Test
    void assumeRole_ofARoleArnThatIsNotAnArn_isValidationError_asRecorded() {
        // sts/test_sts.snapshot.json, test_sts_invalid_parameters: each answered 400 ValidationError "<arn> is invalid"
        for (String arn : List.of("nothing-valid-in-here", "arn::b:::something/test-role",
                "arn:a::::something/test-role", "arn:a:::something/test-role", "arn:a:a::aaaaaaaaaa:")) {
            assertValidationError(() -> sts.assumeRole(b -> b.roleArn(arn).roleSessionName("Session1")),
                    arn + " is invalid");
        }
        // the same recording: an ARN of that form with a bad session name is refused for the session name
        assertValidationError(() -> sts.assumeRole(b -> b.roleArn("arn:a:b:::something/test-role")
                .roleSessionName("Session1:2")), "1 validation error detected: Value 'Session1:2' at "
                        + "'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                        + "pattern: [\\w+=,.@-]*");
    }

    @Test
    void assumeRole_withTemporaryCredentials_isRoleChaining_cappedAtOneHour() {
        Credentials first = sts.assumeRole(b -> b.roleArn(LONG_ROLE).roleSessionName("first")).credentials();
        try (StsClient chained = sts(AwsSessionCredentials.create(first.accessKeyId(), first.secretAccessKey(),
                first.sessionToken()))) {
            assertValidationError(() -> chained.assumeRole(b -> b.roleArn(LONG_ROLE).roleSessionName("second")
                    .durationSeconds(7200)), "The requested DurationSeconds exceeds the 1 hour session limit for roles "
                            + "assumed by role chaining.");
            assertThat(chained.assumeRole(b -> b.roleArn(ROLE).roleSessionName("second")).credentials()
                    .accessKeyId()).startsWith("ASIA").isNotEqualTo(first.accessKeyId());
        }
    }

    @Test
    void assumeRole_withAWrongSecret_isSignatureDoesNotMatch_andAnUnknownKey_isInvalidClientTokenId() {
        try (StsClient wrongSecret = sts(AwsBasicCredentials.create(LocalLambda.DEFAULT_ACCESS_KEY, "wrong"));
                StsClient unknownKey = sts(AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "wrong"))) {
            assertThatThrownBy(() -> wrongSecret.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
            assertThatThrownBy(() -> unknownKey.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    });
        }
    }

    private static void assertValidationError(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private static StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().region(Region.US_EAST_1).endpointOverride(lambda.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static LambdaClient lambda(AwsCredentials credentials) {
        return LambdaClient.builder().region(Region.US_EAST_1).endpointOverride(lambda.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
