package io.lambdajca.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function to deploy without going through the API: name, handler, code (a deployment ZIP or an exploded
 * directory) and optional settings. Immutable; build with {@link #builder(String, String, Path)}.
 */
public final class FunctionDefinition {

    private final String name;
    private final String handler;
    private final Path code;
    private final String runtime;
    private final int timeoutSeconds;
    private final int memorySizeMb;
    private final Map<String, String> environment;
    private final Integer reservedConcurrency;
    private final String description;
    private final boolean tenantIsolation;

    private FunctionDefinition(Builder b) {
        this.name = b.name;
        this.handler = b.handler;
        this.code = b.code;
        this.runtime = b.runtime;
        this.timeoutSeconds = b.timeoutSeconds;
        this.memorySizeMb = b.memorySizeMb;
        this.environment = Map.copyOf(b.environment);
        this.reservedConcurrency = b.reservedConcurrency;
        this.description = b.description;
        this.tenantIsolation = b.tenantIsolation;
    }

    public static Builder builder(String name, String handler, Path code) {
        return new Builder(name, handler, code);
    }

    public String name() {
        return name;
    }

    public String handler() {
        return handler;
    }

    public Path code() {
        return code;
    }

    public String runtime() {
        return runtime;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public int memorySizeMb() {
        return memorySizeMb;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Reserved concurrency, or null for none. */
    public Integer reservedConcurrency() {
        return reservedConcurrency;
    }

    public String description() {
        return description;
    }

    /** Whether the function has tenant isolation ({@code TenancyConfig {TenantIsolationMode: PER_TENANT}}). */
    public boolean tenantIsolation() {
        return tenantIsolation;
    }

    /** Builder for {@link FunctionDefinition}. Defaults are Lambda's: java21, 3 s, 128 MB. */
    public static final class Builder {
        private final String name;
        private final String handler;
        private final Path code;
        private String runtime = "java21";
        private int timeoutSeconds = 3;
        private int memorySizeMb = 128;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Integer reservedConcurrency;
        private String description = "";
        private boolean tenantIsolation;

        private Builder(String name, String handler, Path code) {
            this.name = Objects.requireNonNull(name, "name");
            this.handler = Objects.requireNonNull(handler, "handler");
            this.code = Objects.requireNonNull(code, "code");
        }

        public Builder runtime(String value) {
            this.runtime = value;
            return this;
        }

        public Builder timeoutSeconds(int value) {
            this.timeoutSeconds = value;
            return this;
        }

        public Builder memorySizeMb(int value) {
            this.memorySizeMb = value;
            return this;
        }

        public Builder environment(String key, String value) {
            this.environment.put(key, value);
            return this;
        }

        public Builder reservedConcurrency(Integer value) {
            this.reservedConcurrency = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /**
         * Gives the function tenant isolation, as {@code TenancyConfig {TenantIsolationMode: PER_TENANT}} does: every
         * invocation must name a tenant, and each handler instance serves one tenant only.
         */
        public Builder tenantIsolation() {
            this.tenantIsolation = true;
            return this;
        }

        public FunctionDefinition build() {
            return new FunctionDefinition(this);
        }
    }
}
