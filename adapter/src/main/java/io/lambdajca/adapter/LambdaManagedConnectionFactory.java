package io.lambdajca.adapter;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.ConnectionConfig;
import io.lambdajca.adapter.internal.ConnectionProperties;
import io.lambdajca.adapter.internal.LambdaOperations;
import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;

/**
 * A connection definition: where and as whom to call Lambda, with which timeouts and retries. Its properties are set
 * by the administrator; when the container binds the connection factory, they are validated and the shared SDK
 * client is built, so that a misconfiguration fails the deployment and the first call pays no start-up cost.
 */
@ConnectionDefinition(
        connectionFactory = LambdaConnectionFactory.class,
        connectionFactoryImpl = LambdaConnectionFactoryImpl.class,
        connection = LambdaConnection.class,
        connectionImpl = LambdaConnectionHandle.class)
public class LambdaManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        ValidatingManagedConnectionFactory, TransactionSupport {

    private static final long serialVersionUID = 1L;

    private String region = ConnectionProperties.DEFAULT_REGION;
    private String endpointOverride;
    private String credentialProfile;
    private String accessKeyId;
    private Secret secretAccessKey;
    private Secret sessionToken;
    private Long connectTimeoutMillis = ConnectionProperties.DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private Long readTimeoutMillis = ConnectionProperties.DEFAULT_READ_TIMEOUT_MILLIS;
    private Long callTimeoutMillis = ConnectionProperties.DEFAULT_CALL_TIMEOUT_MILLIS;
    private Integer maxConnections = ConnectionProperties.DEFAULT_MAX_CONNECTIONS;
    private Integer maxRetries = ConnectionProperties.DEFAULT_MAX_RETRIES;
    private Long retryBaseDelayMillis = ConnectionProperties.DEFAULT_RETRY_BASE_DELAY_MILLIS;
    private Long retryMaxBackoffMillis = ConnectionProperties.DEFAULT_RETRY_MAX_BACKOFF_MILLIS;
    private Long retryBudgetMillis = ConnectionProperties.DEFAULT_RETRY_BUDGET_MILLIS;
    private Boolean retryInvokeAfterTimeout = Boolean.FALSE;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient volatile ConnectionConfig config;
    private transient Map<CredentialSource, LambdaOperations> operations;
    private transient Map<String, CredentialSource> profiles;

    /** All properties as one value; equality of connection definitions is equality of their properties. */
    ConnectionProperties properties() {
        return new ConnectionProperties(region, endpointOverride, credentialProfile, accessKeyId, secretAccessKey,
                sessionToken,
                connectTimeoutMillis, readTimeoutMillis, callTimeoutMillis, maxConnections, maxRetries,
                retryBaseDelayMillis, retryMaxBackoffMillis, retryBudgetMillis, retryInvokeAfterTimeout);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) throws ResourceException {
        String profile = config().credentialProfile();
        if (profile == null || ProfileLookup.isBound(profile)) {
            operations(ownCredentials());
        } else {
            // the container binds administered objects after connection factories: finish activating once it has
            adapter().afterStart(new DeferredActivation(this, profile));
        }
        return new LambdaConnectionFactoryImpl(this, connectionManager);
    }

    /** Resolves the credential profile, builds the shared client and warms it up. */
    void activate() throws ResourceException {
        operations(ownCredentials());
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("The Lambda resource adapter runs in a managed environment only: deploy it in "
                + "a Jakarta EE server and look the connection factory up in JNDI");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        CredentialSource credentials = credentialsFor(subject, info);
        return new LambdaManagedConnection(this, operations(credentials), credentials);
    }

    /**
     * The credentials a connection request calls Lambda with: the container's PasswordCredential for this connection
     * definition (container-managed sign-on: user = access key id, password = secret key), else the credential
     * profile the application's connection spec names, else the connection definition's own.
     */
    CredentialSource credentialsFor(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        PasswordCredential signOn = ContainerSignOn.passwordCredential(subject, this);
        if (signOn != null) {
            return ContainerSignOn.keys(signOn);
        }
        if (info instanceof LambdaConnectionRequestInfo) {
            return profile(((LambdaConnectionRequestInfo) info).credentialProfile());
        }
        return ownCredentials();
    }

    /** Looks the credential profile up (once) and validates it; throws naming the problem. */
    void checkProfile(String jndiName) throws ResourceException {
        profile(jndiName);
    }

    private CredentialSource ownCredentials() throws ResourceException {
        ConnectionConfig c = config();
        return c.credentialProfile() == null ? c.client().credentials() : profile(c.credentialProfile());
    }

    /** The credential profile bound at that JNDI name, looked up and validated once. */
    private CredentialSource profile(String jndiName) throws ResourceException {
        CredentialSource known = profiles().get(jndiName);
        if (known != null) {
            return known;
        }
        try {
            CredentialSource resolved = ProfileLookup.resolve(jndiName);
            profiles().put(jndiName, resolved);
            return resolved;
        } catch (ConfigException e) {
            throw new InvalidPropertyException("Invalid credential profile for Lambda connection definition: "
                    + e.getMessage());
        }
    }

    private ConnectionConfig config() throws ResourceException {
        ConnectionConfig c = config;
        if (c == null) {
            try {
                c = properties().toConfig();
            } catch (ConfigException e) {
                throw new InvalidPropertyException("Invalid Lambda connection definition: " + e.getMessage());
            }
            config = c;
        }
        return c;
    }

    /** The Lambda calls with those credentials, on the shared SDK client of this definition's settings. */
    LambdaOperations operations(CredentialSource credentials) throws ResourceException {
        LambdaOperations current = operations().get(credentials);
        if (current != null) {
            return current;
        }
        synchronized (this) {
            current = operations().get(credentials);
            if (current == null) {
                LambdaResourceAdapter ra = adapter();
                ConnectionConfig c = config();
                current = new LambdaOperations(ra.clients().client(c.client().withCredentials(credentials)),
                        c.retry(), ra.json(), ra.metrics());
                current.warmUp();
                operations().put(credentials, current);
            }
            return current;
        }
    }

    private LambdaResourceAdapter adapter() throws ResourceException {
        if (!(resourceAdapter instanceof LambdaResourceAdapter)) {
            throw new ResourceException("This connection definition is not associated with the Lambda resource "
                    + "adapter");
        }
        return (LambdaResourceAdapter) resourceAdapter;
    }

    private synchronized Map<CredentialSource, LambdaOperations> operations() {
        if (operations == null) {
            operations = new ConcurrentHashMap<>();
        }
        return operations;
    }

    private synchronized Map<String, CredentialSource> profiles() {
        if (profiles == null) {
            profiles = new ConcurrentHashMap<>();
        }
        return profiles;
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject,
            ConnectionRequestInfo info) throws ResourceException {
        CredentialSource wanted = credentialsFor(subject, info);
        for (Object candidate : candidates) {
            if (candidate instanceof LambdaManagedConnection
                    && ((LambdaManagedConnection) candidate).matches(this, wanted)) {
                return (ManagedConnection) candidate;
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set candidates) {
        Set invalid = new HashSet<>();
        for (Object candidate : candidates) {
            if (candidate instanceof LambdaManagedConnection && ((LambdaManagedConnection) candidate).isDestroyed()) {
                invalid.add(candidate);
            }
        }
        return invalid;
    }

    @Override
    public TransactionSupport.TransactionSupportLevel getTransactionSupport() {
        return TransactionSupport.TransactionSupportLevel.NoTransaction;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LambdaManagedConnectionFactory
                && properties().equals(((LambdaManagedConnectionFactory) o).properties());
    }

    @Override
    public int hashCode() {
        return properties().hashCode();
    }

    @Override
    public String toString() {
        return "LambdaManagedConnectionFactory" + properties();
    }

    // ---- configuration properties (JavaBean accessors the container calls) ----

    public String getRegion() {
        return region;
    }

    @ConfigProperty(defaultValue = ConnectionProperties.DEFAULT_REGION, description = "AWS region id, such as "
            + "us-east-1, eu-central-1, cn-north-1 or us-gov-west-1. Any region of any partition the AWS SDK knows.")
    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpointOverride() {
        return endpointOverride;
    }

    @ConfigProperty(description = "Lambda endpoint URL to use instead of the region's public endpoint: a VPC "
            + "interface endpoint, or a local endpoint such as http://127.0.0.1:9001. Empty for the public endpoint.")
    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public String getCredentialProfile() {
        return credentialProfile;
    }

    @ConfigProperty(description = "JNDI name of the credential profile (an administered object of this adapter) "
            + "whose credentials this connection definition uses, such as java:/lambda/profiles/Invoker. Leave it "
            + "empty to use AccessKeyId/SecretAccessKey, or the AWS SDK's default chain when those are empty too.")
    public void setCredentialProfile(String credentialProfile) {
        this.credentialProfile = credentialProfile;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    @ConfigProperty(description = "Access key id of static credentials. Leave AccessKeyId and SecretAccessKey empty "
            + "to use the AWS SDK's default credentials chain.")
    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    /** Masked: a confidential property is never read back. */
    public String getSecretAccessKey() {
        return secretAccessKey == null ? null : "****";
    }

    @ConfigProperty(confidential = true, description = "Secret access key of static credentials. Confidential: "
            + "prefer a credential store or vault expression to a literal value.")
    public void setSecretAccessKey(String secretAccessKey) {
        this.secretAccessKey = Secret.of(secretAccessKey);
    }

    /** Masked: a confidential property is never read back. */
    public String getSessionToken() {
        return sessionToken == null ? null : "****";
    }

    @ConfigProperty(confidential = true, description = "Session token, when the static credentials are temporary.")
    public void setSessionToken(String sessionToken) {
        this.sessionToken = Secret.of(sessionToken);
    }

    public Long getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_CONNECT_TIMEOUT_MILLIS,
            description = "Milliseconds to wait for a TCP connection to Lambda, and "
            + "for a free pooled HTTP connection.")
    public void setConnectTimeoutMillis(Long connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public Long getReadTimeoutMillis() {
        return readTimeoutMillis;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_READ_TIMEOUT_MILLIS,
            description = "Milliseconds to wait for data on an open connection. The "
            + "default lets a synchronous invocation of a 900-second function complete.")
    public void setReadTimeoutMillis(Long readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public Long getCallTimeoutMillis() {
        return callTimeoutMillis;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_CALL_TIMEOUT_MILLIS,
            description = "Milliseconds one Lambda API call may take in all, "
            + "retries and the waits between them included: each attempt gets what is left as its own timeout, and no "
            + "retry starts with less than 1 s (or a tenth of this value, if shorter) left.")
    public void setCallTimeoutMillis(Long callTimeoutMillis) {
        this.callTimeoutMillis = callTimeoutMillis;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_MAX_CONNECTIONS,
            description = "Most HTTP connections the shared SDK client opens to Lambda.")
    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_MAX_RETRIES,
            description = "Most retries of one call after throttling or a failure to "
            + "connect, and, for ListFunctions, GetFunction and DeleteFunction, after a 5xx answer, a timeout or a "
            + "broken connection. 0 disables retries.")
    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getRetryBaseDelayMillis() {
        return retryBaseDelayMillis;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_RETRY_BASE_DELAY_MILLIS,
            description = "Base of the exponential backoff between retries, in "
            + "milliseconds (full jitter).")
    public void setRetryBaseDelayMillis(Long retryBaseDelayMillis) {
        this.retryBaseDelayMillis = retryBaseDelayMillis;
    }

    public Long getRetryMaxBackoffMillis() {
        return retryMaxBackoffMillis;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_RETRY_MAX_BACKOFF_MILLIS,
            description = "Cap of one computed backoff, in milliseconds. A longer "
            + "Retry-After from Lambda is still honoured.")
    public void setRetryMaxBackoffMillis(Long retryMaxBackoffMillis) {
        this.retryMaxBackoffMillis = retryMaxBackoffMillis;
    }

    public Long getRetryBudgetMillis() {
        return retryBudgetMillis;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_RETRY_BUDGET_MILLIS,
            description = "Most milliseconds one call may spend waiting between "
            + "retries in all; a retry that would exceed it is not made. CallTimeoutMillis bounds the whole call.")
    public void setRetryBudgetMillis(Long retryBudgetMillis) {
        this.retryBudgetMillis = retryBudgetMillis;
    }

    public Boolean getRetryInvokeAfterTimeout() {
        return retryInvokeAfterTimeout;
    }

    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_RETRY_INVOKE_AFTER_TIMEOUT,
            description = "Whether to resend an invocation after a timeout or a "
            + "broken connection, when it may already have reached the function. Off by default: a resent "
            + "synchronous invocation can run the function twice.")
    public void setRetryInvokeAfterTimeout(Boolean retryInvokeAfterTimeout) {
        this.retryInvokeAfterTimeout = retryInvokeAfterTimeout;
    }
}
