package io.lambdajca.adapter;

import java.io.PrintWriter;
import java.util.Set;

import javax.security.auth.Subject;

import io.lambdajca.adapter.internal.ConnectionProperties;
import io.lambdajca.adapter.internal.LambdaOperations;
import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import io.lambdajca.adapter.internal.credentials.StaticKeys;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;

/**
 * A connection definition: where and as whom to call Lambda, with which timeouts and retries. Its properties are set
 * by the administrator; when the container creates the connection factory they are validated, and so is its
 * credential profile if it is bound already, so that a misconfiguration fails the deployment; then the adapter's
 * {@link Activations} build and warm up its shared SDK client, so that the first call pays no start-up cost. What it
 * does once validated is in {@link ActiveDefinition}.
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
    private Boolean retryInvokeAfterTimeout = ConnectionProperties.DEFAULT_RETRY_INVOKE_AFTER_TIMEOUT;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    /** Set once, on first use (a volatile read after that); its creation does no I/O. */
    private transient volatile ActiveDefinition active;

    /** All properties as one value; equality of connection definitions is equality of their properties. */
    ConnectionProperties properties() {
        return properties(accessKeyId);
    }

    private ConnectionProperties properties(String keyId) {
        return new ConnectionProperties(region, endpointOverride, credentialProfile, keyId, secretAccessKey,
                sessionToken, connectTimeoutMillis, readTimeoutMillis, callTimeoutMillis, maxConnections, maxRetries,
                retryBaseDelayMillis, retryMaxBackoffMillis, retryBudgetMillis, retryInvokeAfterTimeout);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) throws ResourceException {
        active().activate();
        return new LambdaConnectionFactoryImpl(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("The Lambda resource adapter runs in a managed environment only: deploy it in "
                + "a Jakarta EE server and look the connection factory up in JNDI");
    }

    /**
     * A managed connection of this definition, for any credentials; those of the request that creates it are resolved
     * now (and their client built), so that a request the adapter cannot serve fails before anything is pooled.
     */
    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        operationsFor(subject, info);
        return new LambdaManagedConnection(this, this::operationsFor);
    }

    /** The operations a connection request's handle uses: its credentials' (see {@link CredentialResolver}). */
    private LambdaOperations operationsFor(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        if (adapterStopped()) {
            throw LambdaResourceAdapter.stoppedException(null);
        }
        ActiveDefinition a = active();
        return a.operations().operations(a.credentialsFor(subject, info));
    }

    /** The credentials a connection request calls Lambda with (see {@link CredentialResolver#forRequest}). */
    CredentialSource credentialsFor(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        return active().credentialsFor(subject, info);
    }

    /** The credential profile at that JNDI name, looked up on the caller's thread and validated; throws naming why. */
    CredentialSource profile(String jndiName) throws ResourceException {
        return active().credentials().profile(jndiName);
    }

    /** Whether this definition's resource adapter has stopped (false while it has none). */
    boolean adapterStopped() {
        return resourceAdapter instanceof LambdaResourceAdapter ra && ra.stopped();
    }

    private ActiveDefinition active() throws ResourceException {
        ActiveDefinition a = active;
        if (a == null) {
            a = ActiveDefinition.of(properties(), this, resourceAdapter);
            synchronized (this) { // no I/O: only the first of concurrent first uses keeps its definition
                if (active == null) {
                    active = a;
                }
                a = active;
            }
        }
        return a;
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject,
            ConnectionRequestInfo info) throws ResourceException {
        return LambdaManagedConnection.match(candidates, this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Set getInvalidConnections(Set candidates) {
        return LambdaManagedConnection.invalid(candidates);
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

    /**
     * Equal when every configuration property is. The container asks this on every {@code getConnection()}, twice, of
     * the factory it already holds: the same instance answers at once, without building both property sets.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof LambdaManagedConnectionFactory
                && properties().equals(((LambdaManagedConnectionFactory) o).properties());
    }

    @Override
    public int hashCode() {
        return properties().hashCode();
    }

    @Override
    public String toString() {
        return "LambdaManagedConnectionFactory" + properties(StaticKeys.shown(accessKeyId));
    }

    // ---- configuration properties (JavaBean accessors the container calls; confidential ones read back masked) ----

    public String getRegion() { return region; }
    @ConfigProperty(defaultValue = ConnectionProperties.DEFAULT_REGION, description = "AWS region id, such as "
            + "us-east-1, eu-central-1, cn-north-1 or us-gov-west-1. Any region of any partition the AWS SDK knows.")
    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpointOverride() { return endpointOverride; }
    @ConfigProperty(description = "Lambda endpoint URL to use instead of the region's public endpoint: a VPC "
            + "interface endpoint, or a local endpoint such as http://127.0.0.1:9001. Empty for the public endpoint.")
    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public String getCredentialProfile() { return credentialProfile; }
    @ConfigProperty(description = "JNDI name of the credential profile (an administered object of this adapter) "
            + "whose credentials this connection definition uses, such as java:/lambda/profiles/Invoker. Leave it "
            + "empty to use AccessKeyId/SecretAccessKey, or the AWS SDK's default chain when those are empty too.")
    public void setCredentialProfile(String credentialProfile) {
        this.credentialProfile = credentialProfile;
    }

    public String getAccessKeyId() { return accessKeyId; }
    @ConfigProperty(description = "Access key id of static credentials. Leave AccessKeyId and SecretAccessKey empty "
            + "to use the AWS SDK's default credentials chain.")
    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getSecretAccessKey() { return secretAccessKey == null ? null : "****"; }
    @ConfigProperty(confidential = true, description = "Secret access key of static credentials. Confidential: "
            + "prefer an encrypted expression or password alias to a literal value.")
    public void setSecretAccessKey(String secretAccessKey) {
        this.secretAccessKey = Secret.of(secretAccessKey);
    }

    public String getSessionToken() { return sessionToken == null ? null : "****"; }
    @ConfigProperty(confidential = true, description = "Session token, when the static credentials are temporary.")
    public void setSessionToken(String sessionToken) {
        this.sessionToken = Secret.of(sessionToken);
    }

    public Long getConnectTimeoutMillis() { return connectTimeoutMillis; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_CONNECT_TIMEOUT_MILLIS,
            description = "Milliseconds to wait for a TCP connection to Lambda, and "
            + "for a free pooled HTTP connection.")
    public void setConnectTimeoutMillis(Long connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public Long getReadTimeoutMillis() { return readTimeoutMillis; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_READ_TIMEOUT_MILLIS,
            description = "Milliseconds to wait for data on an open connection. The "
            + "default lets a synchronous invocation of a 900-second function complete.")
    public void setReadTimeoutMillis(Long readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public Long getCallTimeoutMillis() { return callTimeoutMillis; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_CALL_TIMEOUT_MILLIS,
            description = "Milliseconds one Lambda API call may take in all, "
            + "retries and the waits between them included: each attempt gets what is left as its own timeout, and no "
            + "retry starts with less than 1 s (or a tenth of this value, if shorter) left.")
    public void setCallTimeoutMillis(Long callTimeoutMillis) {
        this.callTimeoutMillis = callTimeoutMillis;
    }

    public Integer getMaxConnections() { return maxConnections; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_MAX_CONNECTIONS,
            description = "Most HTTP connections the shared SDK client opens to Lambda.")
    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRetries() { return maxRetries; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_MAX_RETRIES,
            description = "Most retries of one call after throttling or a failure to "
            + "connect, and, for ListFunctions, GetFunction and DeleteFunction, after a 5xx answer, a timeout or a "
            + "broken connection. 0 disables retries.")
    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getRetryBaseDelayMillis() { return retryBaseDelayMillis; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_RETRY_BASE_DELAY_MILLIS,
            description = "Base of the exponential backoff between retries, in "
            + "milliseconds (full jitter).")
    public void setRetryBaseDelayMillis(Long retryBaseDelayMillis) {
        this.retryBaseDelayMillis = retryBaseDelayMillis;
    }

    public Long getRetryMaxBackoffMillis() { return retryMaxBackoffMillis; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_RETRY_MAX_BACKOFF_MILLIS,
            description = "Cap of one computed backoff, in milliseconds. A longer "
            + "Retry-After from Lambda is still honoured.")
    public void setRetryMaxBackoffMillis(Long retryMaxBackoffMillis) {
        this.retryMaxBackoffMillis = retryMaxBackoffMillis;
    }

    public Long getRetryBudgetMillis() { return retryBudgetMillis; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_RETRY_BUDGET_MILLIS,
            description = "Most milliseconds one call may spend waiting between "
            + "retries in all; a retry that would exceed it is not made. CallTimeoutMillis bounds the whole call.")
    public void setRetryBudgetMillis(Long retryBudgetMillis) {
        this.retryBudgetMillis = retryBudgetMillis;
    }

    public Boolean getRetryInvokeAfterTimeout() { return retryInvokeAfterTimeout; }
    @ConfigProperty(defaultValue = "" + ConnectionProperties.DEFAULT_RETRY_INVOKE_AFTER_TIMEOUT,
            description = "Whether to resend an invocation after a timeout or a "
            + "broken connection, when it may already have reached the function. Off by default: a resent "
            + "synchronous invocation can run the function twice.")
    public void setRetryInvokeAfterTimeout(Boolean retryInvokeAfterTimeout) {
        this.retryInvokeAfterTimeout = retryInvokeAfterTimeout;
    }
}
