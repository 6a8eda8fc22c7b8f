package io.lambdajca.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.lambdajca.local.auth.CredentialIssuer;
import io.lambdajca.local.auth.Identity;
import io.lambdajca.local.auth.IdentityStore;
import io.lambdajca.local.auth.SigV4Verifier;
import io.lambdajca.local.auth.X509Verifier;
import io.lambdajca.local.http.AccountEndpoint;
import io.lambdajca.local.http.CodeDownloadEndpoint;
import io.lambdajca.local.http.FunctionsEndpoint;
import io.lambdajca.local.http.InvokeEndpoint;
import io.lambdajca.local.http.LambdaRoutes;
import io.lambdajca.local.http.LifecycleEndpoint;
import io.lambdajca.local.http.RolesAnywhereEndpoint;
import io.lambdajca.local.http.StsEndpoint;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.lambdajca.local.runtime.AccountConcurrency;
import io.lambdajca.local.runtime.ConfigurationConstraints;
import io.lambdajca.local.runtime.FunctionCode;
import io.lambdajca.local.runtime.FunctionNames;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.Invoker;
import io.lambdajca.local.runtime.LambdaFunction;
import io.lambdajca.local.runtime.Tenancy;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.HttpContinueAcceptingHandler;

/**
 * A local AWS Lambda endpoint, embeddable in tests: {@code LocalLambda.builder().port(0).build().start()}, then point an
 * SDK client at {@link #endpoint()} with {@link #DEFAULT_ACCESS_KEY} / {@link #DEFAULT_SECRET_KEY}. Close it to stop.
 * The same port also answers STS AssumeRole and IAM Roles Anywhere CreateSession for the configured roles, trust
 * anchors and profiles, issuing temporary credentials that its Lambda API accepts until they expire.
 */
public final class LocalLambda implements AutoCloseable {

    /** The test key pair accepted unless others are configured. Not an AWS key. */
    public static final String DEFAULT_ACCESS_KEY = "AKIALOCALLAMBDATEST1";
    /** Secret of {@link #DEFAULT_ACCESS_KEY}. Not an AWS secret. */
    public static final String DEFAULT_SECRET_KEY = "local-lambda/test/secret/key/not/for/aws";

    private final Builder config;
    private FunctionRegistry registry;
    private AccountConcurrency accountConcurrency;
    private Invoker invoker;
    private CredentialIssuer issuer;
    private LambdaRoutes routes;
    private Undertow server;
    private int port;
    private Path workDir;
    private boolean ownsWorkDir;
    private ExecutorService ownedPreparation;

    private LocalLambda(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening and deploys the configured functions; returns once requests are accepted. */
    public synchronized LocalLambda start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            ownsWorkDir = config.workDir == null;
            workDir = ownsWorkDir ? Files.createTempDirectory("local-lambda-") : Files.createDirectories(config.workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory", e);
        }
        IdentityStore identities = new IdentityStore();
        config.identities.forEach(identities::add);
        if (config.preparationExecutor == null) {
            ownedPreparation = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "local-lambda-prepare");
                t.setDaemon(true);
                return t;
            });
        }
        registry = new FunctionRegistry(config.region, config.accountId, workDir,
                config.preparationExecutor != null ? config.preparationExecutor : ownedPreparation);
        accountConcurrency = new AccountConcurrency(config.accountConcurrency);
        invoker = new Invoker(accountConcurrency, config.retryAfterSeconds);
        try {
            config.functions.forEach(this::deploy);
            Clock clock = Clock.systemUTC();
            issuer = new CredentialIssuer(identities, clock, config.credentialLifetime);
            SigV4Verifier lambdaSignatures = new SigV4Verifier(identities, "lambda", SigV4Verifier.LAMBDA_SKEW, clock);
            SigV4Verifier stsSignatures = new SigV4Verifier(identities, "sts", SigV4Verifier.STS_SKEW, clock);
            LambdaRoutes routes = new LambdaRoutes(lambdaSignatures,
                    new FunctionsEndpoint(registry, accountConcurrency),
                    new InvokeEndpoint(registry, invoker),
                    new LifecycleEndpoint(registry), new AccountEndpoint(registry, accountConcurrency),
                    new CodeDownloadEndpoint(workDir),
                    new StsEndpoint(stsSignatures, issuer, Map.copyOf(config.roles)),
                    new RolesAnywhereEndpoint(new X509Verifier(clock), issuer, Map.copyOf(config.trustAnchors),
                            Map.copyOf(config.rolesAnywhereProfiles), Map.copyOf(config.roles)));
            this.routes = routes;
            listen(config.port);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void listen(int onPort) {
        int cores = Runtime.getRuntime().availableProcessors();
        server = Undertow.builder()
                .addHttpListener(onPort, config.host)
                // handlers run on their environments' threads, so an I/O thread only parses, checks signatures and
                // writes; one per core, as Undertow's default: one per two cores left a 2-core machine's single I/O
                // thread the bottleneck (README, Benchmark)
                .setIoThreads(Math.max(2, cores))
                .setWorkerThreads(Math.max(8, cores * 8))
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 80L * 1024 * 1024)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                // a PUT from the SDK's Apache client asks "Expect: 100-continue" and, unanswered, waits 3 s before
                // it sends the body; Lambda answers 100 Continue at once, and so does this
                .setHandler(new HttpContinueAcceptingHandler(routes))
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /**
     * Stops listening, as an outage would, keeping functions and issued credentials; {@link #resume()} listens again
     * on the same port.
     */
    public synchronized void suspend() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Listens again on the port used before {@link #suspend()}. */
    public synchronized void resume() {
        if (server == null && routes != null) {
            listen(port);
        }
    }

    /** The endpoint to give an SDK client, such as {@code http://127.0.0.1:9001}. */
    public URI endpoint() {
        return URI.create("http://" + (config.host.contains(":") ? "[" + config.host + "]" : config.host) + ":" + port);
    }

    public int port() {
        return port;
    }

    public String region() {
        return config.region;
    }

    /** Deploys a function as CreateFunction would. */
    public void deploy(FunctionDefinition definition) {
        FunctionRegistry.Spec spec = new FunctionRegistry.Spec();
        spec.handler = definition.handler();
        spec.runtime = definition.runtime();
        spec.role = "arn:aws:iam::" + config.accountId + ":role/local-lambda";
        spec.description = definition.description();
        spec.timeoutSeconds = definition.timeoutSeconds();
        spec.memorySizeMb = definition.memorySizeMb();
        spec.environment = definition.environment();
        spec.tenancy = definition.tenantIsolation() ? Tenancy.PER_TENANT : Tenancy.NONE;
        // CreateFunction's checks of the name and the configuration (the registry checks the runtime), and its
        // reduction of a full or partial ARN to the function's name, refused when of another region or account
        spec.name = registry.reachable(FunctionNames.checkCreatable(definition.name(),
                ConfigurationConstraints.check(spec, new Violations()))).name;
        LambdaFunction f = registry.create(spec, FunctionCode.fromPath(definition.code(), workDir), true);
        accountConcurrency.reserveUnchecked(registry, f, definition.reservedConcurrency());
    }

    /**
     * Publishes a function's $LATEST as PublishVersion does (none when nothing changed since the last version) and
     * returns the version's number.
     */
    public String publishVersion(String functionName, String description) {
        return registry.get(functionName).publish(null, null, description).version();
    }

    /**
     * Gives a function's $LATEST these environment variables in place of its own, as UpdateFunctionConfiguration
     * does, and returns once the update is done (new execution environments run it); published versions keep theirs.
     *
     * @throws IllegalStateException when the update is not done within 30 seconds
     */
    public void updateEnvironment(String functionName, Map<String, String> environment) {
        LambdaFunction f = registry.get(functionName);
        f.update(null, spec -> {
            spec.environment = Map.copyOf(environment);
            spec.environmentGiven = true;
        }, null);
        registry.prepare(f);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (f.latest().updating()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the update of " + functionName + " is not done after 30 s");
            }
            try {
                Thread.sleep(10); // the polling interval; the deadline bounds the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while updating " + functionName, e);
            }
        }
    }

    /**
     * Sets (or, with null, removes) a function's reserved concurrency, as PutFunctionConcurrency does, but without its
     * check of the unreserved minimum (as for deployed functions).
     */
    public void reserveConcurrency(String functionName, Integer reserved) {
        accountConcurrency.reserveUnchecked(registry, registry.get(functionName), reserved);
    }

    /** Whether a function of that name exists. */
    public boolean hasFunction(String functionName) {
        return registry.exists(functionName);
    }

    /** Counters of a function: invocations, functionErrors, throttles, timeouts. */
    public Map<String, Long> stats(String functionName) {
        return registry.get(functionName).stats();
    }

    /** How many requests Lambda's API has received (not counting STS and Roles Anywhere), whatever their outcome. */
    public long lambdaRequests() {
        return routes == null ? 0 : routes.lambdaRequests();
    }

    /** The temporary credentials STS and Roles Anywhere issued so far (the newest 10,000), oldest first. */
    public List<CredentialIssuer.Issued> issuedCredentials() {
        return issuer == null ? List.of() : issuer.issued();
    }

    /** Handlers that kept running after their timeout because they ignored the interrupt. */
    public long overrunningHandlers() {
        return invoker.overrunningHandlers();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (invoker != null) {
            invoker.close();
        }
        if (ownedPreparation != null) {
            ownedPreparation.shutdownNow();
        }
        if (registry != null) {
            registry.close();
        }
        if (ownsWorkDir && workDir != null) {
            try (var paths = Files.walk(workDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; nothing else to do
            }
        }
    }

    /** Settings of a {@link LocalLambda}; defaults listen on 127.0.0.1:9001 for us-east-1 with the test key pair. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 9001;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private int accountConcurrency = AccountConcurrency.DEFAULT_LIMIT;
        private int retryAfterSeconds = 1;
        private Path workDir;
        private final List<Identity> identities = new ArrayList<>();
        private final List<FunctionDefinition> functions = new ArrayList<>();
        private boolean defaultKeys = true;
        private final Map<String, RoleDefinition> roles = new LinkedHashMap<>();
        private final Map<String, TrustAnchorDefinition> trustAnchors = new LinkedHashMap<>();
        private final Map<String, RolesAnywhereProfileDefinition> rolesAnywhereProfiles = new LinkedHashMap<>();
        private Duration credentialLifetime;
        private Executor preparationExecutor;

        private Builder() {
            identities.add(Identity.permanent(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY));
        }

        public Builder host(String value) {
            this.host = Objects.requireNonNull(value);
            return this;
        }

        /** Port to listen on; 0 picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + value);
            }
            this.port = value;
            return this;
        }

        public Builder region(String value) {
            this.region = Objects.requireNonNull(value);
            return this;
        }

        public Builder accountId(String value) {
            if (!value.matches("\\d{12}")) {
                throw new IllegalArgumentException("account id must be 12 digits: " + value);
            }
            this.accountId = value;
            return this;
        }

        /** Accepts this key pair; the first call replaces the default test pair. */
        public Builder credentials(String accessKeyId, String secretKey) {
            if (defaultKeys) {
                identities.clear();
                defaultKeys = false;
            }
            identities.add(Identity.permanent(accessKeyId, secretKey));
            return this;
        }

        /**
         * Lambda's account quota of concurrent executions (default 1,000, as AWS's): functions without reserved
         * concurrency share what reservations leave; PutFunctionConcurrency keeps at least 100 (or the whole quota
         * when smaller) unreserved. Functions given to {@link #function} are deployed with their reservation as is.
         */
        public Builder accountConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("account concurrency must be at least 1: " + value);
            }
            this.accountConcurrency = value;
            return this;
        }

        /** The Retry-After, in seconds, of throttling answers. */
        public Builder retryAfterSeconds(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("retry-after must be at least 0: " + value);
            }
            this.retryAfterSeconds = value;
            return this;
        }

        /** Where function code is unpacked; a temporary directory, deleted on close, if not set. */
        public Builder workDir(Path value) {
            this.workDir = value;
            return this;
        }

        public Builder function(FunctionDefinition definition) {
            this.functions.add(Objects.requireNonNull(definition));
            return this;
        }

        /** A role that STS AssumeRole and Roles Anywhere sessions may be had for. */
        public Builder role(RoleDefinition value) {
            roles.put(value.arn(), value);
            return this;
        }

        /** A Roles Anywhere trust anchor: client certificates must chain to its CA. */
        public Builder trustAnchor(TrustAnchorDefinition value) {
            trustAnchors.put(value.arn(), value);
            return this;
        }

        /** A Roles Anywhere profile; its roles must also be declared with {@link #role}. */
        public Builder rolesAnywhereProfile(RolesAnywhereProfileDefinition value) {
            rolesAnywhereProfiles.put(value.arn(), value);
            return this;
        }

        /**
         * Makes every issued temporary credential expire after this long, whatever duration the caller asked for
         * (for tests of refreshing); null restores the requested durations.
         */
        public Builder credentialLifetime(Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("credential lifetime must be positive: " + value);
            }
            this.credentialLifetime = value;
            return this;
        }

        /**
         * Runs the preparation of functions created or updated through the API (their code made ready, after which
         * they are Active and their update Successful); by default a background thread of the endpoint. A test may
         * pass an executor that holds the tasks, to observe the Pending and InProgress states.
         */
        public Builder preparationExecutor(Executor value) {
            this.preparationExecutor = Objects.requireNonNull(value);
            return this;
        }

        boolean usesDefaultKeys() {
            return defaultKeys;
        }

        List<Identity> identities() {
            return identities;
        }

        public LocalLambda build() {
            return new LocalLambda(this);
        }
    }
}
