package io.lambdajca.adapter.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.lambdajca.adapter.internal.credentials.CredentialSource;
import io.lambdajca.adapter.internal.credentials.DefaultChain;
import io.lambdajca.adapter.internal.credentials.StaticKeys;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The configuration properties of a connection definition as the administrator set them (unvalidated), in one
 * immutable value. {@link #toConfig()} checks them and builds the {@link ConnectionConfig}. The defaults let a
 * synchronous invocation of a 900-second function complete.
 */
public record ConnectionProperties(String region, String endpointOverride, String credentialProfile,
        String accessKeyId, Secret secretAccessKey, Secret sessionToken, Long connectTimeoutMillis, Long readTimeoutMillis,
        Long callTimeoutMillis, Integer maxConnections, Integer maxRetries, Long retryBaseDelayMillis,
        Long retryMaxBackoffMillis, Long retryBudgetMillis, Boolean retryInvokeAfterTimeout) {

    // The defaults, each written once: the @ConfigProperty(defaultValue) of LambdaManagedConnectionFactory takes them
    // as "" + DEFAULT_..., a compile-time constant; ConfigPropertiesDocumentedTest checks the README's table.
    public static final String DEFAULT_REGION = "us-east-1";
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 2_000;
    /** Lambda functions run up to 900 s; the read timeout leaves room for the response to arrive. */
    public static final long DEFAULT_READ_TIMEOUT_MILLIS = 905_000;
    public static final long DEFAULT_CALL_TIMEOUT_MILLIS = 910_000;
    public static final int DEFAULT_MAX_CONNECTIONS = 50;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final long DEFAULT_RETRY_BASE_DELAY_MILLIS = 100;
    public static final long DEFAULT_RETRY_MAX_BACKOFF_MILLIS = 2_000;
    public static final long DEFAULT_RETRY_BUDGET_MILLIS = 10_000;
    /** A resent synchronous invocation can run the function twice. */
    public static final boolean DEFAULT_RETRY_INVOKE_AFTER_TIMEOUT = false;

    private static final Set<String> KNOWN_REGIONS = Region.regions().stream().map(Region::id)
            .collect(Collectors.toUnmodifiableSet());
    /** What every region id is made of (the partitions' patterns allow '_' and capitals through their \w). */
    private static final Pattern REGION_ID = Pattern.compile("[a-z0-9-]+");
    /**
     * The form of each partition's region ids (aws: {@code ^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$}, aws-cn:
     * {@code ^cn\-\w+\-\d+$}...), from the SDK's partition metadata: a region launched after this SDK is taken too.
     */
    private static final List<Pattern> PARTITION_REGION_FORMS = Region.regions().stream()
            .map(r -> PartitionMetadata.of(r).regionRegex()).distinct().map(Pattern::compile)
            .collect(Collectors.toUnmodifiableList());

    /** Validates every property and builds the configuration; the message of a failure names the property. */
    public ConnectionConfig toConfig() throws ConfigException {
        Region r = region(value(region, DEFAULT_REGION));
        URI endpoint = endpoint(endpointOverride);
        boolean hasKey = accessKeyId != null && !accessKeyId.isBlank();
        if (hasKey != (secretAccessKey != null)) {
            throw new ConfigException("AccessKeyId and SecretAccessKey must be set together (or neither, to use the "
                    + "AWS SDK's default credentials chain); only " + (hasKey ? "AccessKeyId" : "SecretAccessKey")
                    + " is set");
        }
        if (sessionToken != null && !hasKey) {
            throw new ConfigException("SessionToken needs AccessKeyId and SecretAccessKey");
        }
        boolean hasProfile = credentialProfile != null && !credentialProfile.isBlank();
        if (hasProfile && hasKey) {
            throw new ConfigException("Set either CredentialProfile or AccessKeyId/SecretAccessKey, not both");
        }
        CredentialSource credentials = hasKey ? StaticKeys.configured(accessKeyId, secretAccessKey, sessionToken)
                : new DefaultChain();
        ClientConfig client = new ClientConfig(r, endpoint, credentials,
                positive("ConnectTimeoutMillis", connectTimeoutMillis, DEFAULT_CONNECT_TIMEOUT_MILLIS),
                positive("ReadTimeoutMillis", readTimeoutMillis, DEFAULT_READ_TIMEOUT_MILLIS),
                positive("CallTimeoutMillis", callTimeoutMillis, DEFAULT_CALL_TIMEOUT_MILLIS),
                range("MaxConnections", maxConnections, DEFAULT_MAX_CONNECTIONS, 1, 10_000));
        RetryPolicy retry = new RetryPolicy(range("MaxRetries", maxRetries, DEFAULT_MAX_RETRIES, 0, 100),
                nonNegative("RetryBaseDelayMillis", retryBaseDelayMillis, DEFAULT_RETRY_BASE_DELAY_MILLIS),
                nonNegative("RetryMaxBackoffMillis", retryMaxBackoffMillis, DEFAULT_RETRY_MAX_BACKOFF_MILLIS),
                nonNegative("RetryBudgetMillis", retryBudgetMillis, DEFAULT_RETRY_BUDGET_MILLIS),
                retryInvokeAfterTimeout == null ? DEFAULT_RETRY_INVOKE_AFTER_TIMEOUT : retryInvokeAfterTimeout);
        return new ConnectionConfig(client, retry, hasProfile ? credentialProfile.trim() : null);
    }

    /** A region this SDK knows, or one of a partition's form (launched after this SDK): the endpoint rules take it. */
    public static Region region(String id) throws ConfigException {
        boolean newer = REGION_ID.matcher(id).matches()
                && PARTITION_REGION_FORMS.stream().anyMatch(f -> f.matcher(id).matches());
        if (!KNOWN_REGIONS.contains(id) && !newer) {
            throw new ConfigException("Region '" + id + "' is not a region the AWS SDK knows. Use a region id such as "
                    + "us-east-1, eu-central-1, ap-southeast-7, cn-north-1, us-gov-west-1 or eusc-de-east-1; the full "
                    + "list is software.amazon.awssdk.regions.Region.regions() (" + KNOWN_REGIONS.size()
                    + " regions in this SDK) or 'aws ec2 describe-regions'; a newer region is taken when its id has "
                    + "the form of its partition's (such as us-NAME-N, cn-NAME-N, us-gov-NAME-N). For a "
                    + "Lambda-compatible endpoint elsewhere, keep a valid region and set EndpointOverride.");
        }
        return Region.of(id);
    }

    public static URI endpoint(String value) throws ConfigException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String rule = " is not a valid EndpointOverride: it must be an absolute http:// or https:// URL with a host "
                + "and no path, query or fragment, such as http://127.0.0.1:9001 or "
                + "https://vpce-0abc-lambda.us-east-1.vpce.amazonaws.com";
        try {
            URI uri = new URI(value.trim());
            boolean httpScheme = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            boolean noExtras = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!httpScheme || uri.getHost() == null || !noExtras) {
                throw new ConfigException("'" + Redaction.redact(value) + "'" + rule);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("'" + Redaction.redact(value) + "'" + rule);
        }
    }

    private static String value(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static Duration positive(String name, Long millis, long fallback) throws ConfigException {
        long v = millis == null ? fallback : millis;
        if (v <= 0) {
            throw new ConfigException(name + " must be greater than 0 milliseconds, not " + v);
        }
        return Duration.ofMillis(v);
    }

    private static Duration nonNegative(String name, Long millis, long fallback) throws ConfigException {
        long v = millis == null ? fallback : millis;
        if (v < 0) {
            throw new ConfigException(name + " must be 0 or more milliseconds, not " + v);
        }
        return Duration.ofMillis(v);
    }

    private static int range(String name, Integer value, int fallback, int min, int max) throws ConfigException {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new ConfigException(name + " must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }
}
