package io.lambdajca.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an alias is to be: for {@link FunctionManagement#createAlias(AliasRequest)} and
 * {@link FunctionManagement#updateAlias(AliasRequest)}. Immutable; build one with {@link #builder(String, String)}.
 * The adapter checks it against Lambda's rules before any network call (alias name, version, description length,
 * weights between 0.0 and 1.0 for version numbers).
 * <p>
 * For an update, what is not set stays as it is: a null {@link #functionVersion()}, {@link #description()} or
 * {@link #additionalVersionWeights()} leaves the alias's own. An empty description clears it, and an empty routing
 * map ({@link Builder#noRouting()}) sends all the alias's traffic to its version again.
 */
public final class AliasRequest {

    private final String functionName;
    private final String aliasName;
    private final String functionVersion;
    private final String description;
    private final Map<String, Double> additionalVersionWeights;
    private final String revisionId;

    private AliasRequest(Builder b) {
        this.functionName = b.functionName;
        this.aliasName = b.aliasName;
        this.functionVersion = b.functionVersion;
        this.description = b.description;
        this.additionalVersionWeights = b.additionalVersionWeights == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.additionalVersionWeights));
        this.revisionId = b.revisionId;
    }

    /** Starts a request about the alias {@code aliasName} of a function (name, partial ARN or ARN). */
    public static Builder builder(String functionName, String aliasName) {
        return new Builder(functionName, aliasName);
    }

    public String functionName() {
        return functionName;
    }

    public String aliasName() {
        return aliasName;
    }

    /**
     * The version the alias points to: a version number, {@code $LATEST} or {@code $LATEST.PUBLISHED}. Required to
     * create an alias; null in an update keeps the alias's version.
     */
    public String functionVersion() {
        return functionVersion;
    }

    /** The description (at most 256 characters; empty clears it), or null to leave it unset or unchanged. */
    public String description() {
        return description;
    }

    /**
     * The routing: each additional version number and the share of invocations (0.0 to 1.0) it gets. Null when no
     * routing was set (an update keeps the alias's routing); empty to route everything to {@link #functionVersion()}.
     * Cannot be changed.
     */
    public Map<String, Double> additionalVersionWeights() {
        return additionalVersionWeights;
    }

    /**
     * For an update: the revision the alias must still have ({@link AliasInfo#revisionId()}), or null to update
     * whatever it is. When the alias has changed since, the update fails with {@link PreconditionFailedException}.
     */
    public String revisionId() {
        return revisionId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AliasRequest)) {
            return false;
        }
        AliasRequest other = (AliasRequest) o;
        return Objects.equals(functionName, other.functionName) && Objects.equals(aliasName, other.aliasName)
                && Objects.equals(functionVersion, other.functionVersion)
                && Objects.equals(description, other.description)
                && Objects.equals(additionalVersionWeights, other.additionalVersionWeights)
                && Objects.equals(revisionId, other.revisionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(functionName, aliasName, functionVersion, description, additionalVersionWeights,
                revisionId);
    }

    @Override
    public String toString() {
        return "AliasRequest[functionName=" + functionName + ", aliasName=" + aliasName
                + (functionVersion == null ? "" : ", functionVersion=" + functionVersion)
                + (additionalVersionWeights == null ? "" : ", additionalVersionWeights=" + additionalVersionWeights)
                + (revisionId == null ? "" : ", revisionId=" + revisionId) + "]";
    }

    /** Builds an {@link AliasRequest}. */
    public static final class Builder {
        private final String functionName;
        private final String aliasName;
        private String functionVersion;
        private String description;
        private Map<String, Double> additionalVersionWeights;
        private String revisionId;

        private Builder(String functionName, String aliasName) {
            this.functionName = functionName;
            this.aliasName = aliasName;
        }

        /** The version the alias points to: a version number, {@code $LATEST} or {@code $LATEST.PUBLISHED}. */
        public Builder functionVersion(String value) {
            this.functionVersion = value;
            return this;
        }

        /** The alias's description (at most 256 characters); empty clears it in an update. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /**
         * Routes a share of the alias's invocations, {@code weight} between 0.0 and 1.0, to another version (a
         * version number); the rest go to {@link #functionVersion(String)}. Adds to the weights given so far.
         */
        public Builder additionalVersionWeight(String version, double weight) {
            if (additionalVersionWeights == null) {
                additionalVersionWeights = new LinkedHashMap<>();
            }
            additionalVersionWeights.put(version, weight);
            return this;
        }

        /**
         * The whole routing (copied): version number to weight. Replaces the weights given so far; empty routes
         * everything to the alias's version, null leaves the routing unset (an update keeps the alias's).
         */
        public Builder additionalVersionWeights(Map<String, Double> weights) {
            this.additionalVersionWeights = weights == null ? null : new LinkedHashMap<>(weights);
            return this;
        }

        /** Routes everything to the alias's version: an update removes the alias's routing. */
        public Builder noRouting() {
            return additionalVersionWeights(Map.of());
        }

        /** Updates only if the alias still has this revision ({@link AliasInfo#revisionId()}). */
        public Builder revisionId(String value) {
            this.revisionId = value;
            return this;
        }

        public AliasRequest build() {
            return new AliasRequest(this);
        }
    }
}
