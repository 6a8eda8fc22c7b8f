package io.lambdajca.api;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An alias of a function, as Lambda reports it (its AliasConfiguration). Immutable. What Lambda does not report is
 * null (empty for {@link #additionalVersionWeights()}).
 */
public final class AliasInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String aliasArn;
    private final String name;
    private final String functionVersion;
    private final String description;
    private final Map<String, Double> additionalVersionWeights;
    private final String revisionId;

    private AliasInfo(Builder b) {
        this.aliasArn = b.aliasArn;
        this.name = Objects.requireNonNull(b.name, "name");
        this.functionVersion = b.functionVersion;
        this.description = b.description;
        this.additionalVersionWeights = b.additionalVersionWeights == null ? Map.of()
                : Map.copyOf(b.additionalVersionWeights);
        this.revisionId = b.revisionId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The alias's ARN: the function's ARN with {@code :name} appended. */
    public String aliasArn() {
        return aliasArn;
    }

    public String name() {
        return name;
    }

    /** The version the alias points to (the one that gets the traffic the routing does not send elsewhere). */
    public String functionVersion() {
        return functionVersion;
    }

    public String description() {
        return description;
    }

    /**
     * The routing: each additional version and the share of the alias's invocations (0.0 to 1.0) it gets; the rest go
     * to {@link #functionVersion()}. Empty when the alias routes everything to its version. Cannot be changed.
     */
    public Map<String, Double> additionalVersionWeights() {
        return additionalVersionWeights;
    }

    /**
     * The alias's current revision, which changes with every update: give it to
     * {@link AliasRequest.Builder#revisionId(String)} to update only if nobody else did in between.
     */
    public String revisionId() {
        return revisionId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AliasInfo)) {
            return false;
        }
        AliasInfo other = (AliasInfo) o;
        return name.equals(other.name) && Objects.equals(aliasArn, other.aliasArn)
                && Objects.equals(functionVersion, other.functionVersion)
                && Objects.equals(description, other.description)
                && additionalVersionWeights.equals(other.additionalVersionWeights)
                && Objects.equals(revisionId, other.revisionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aliasArn, name, functionVersion, description, additionalVersionWeights, revisionId);
    }

    @Override
    public String toString() {
        return "AliasInfo[name=" + name + ", functionVersion=" + functionVersion
                + (additionalVersionWeights.isEmpty() ? "" : ", additionalVersionWeights="
                        + new TreeMap<>(additionalVersionWeights))
                + ", revisionId=" + revisionId + "]";
    }

    /** Builds an {@link AliasInfo}; used by the adapter. */
    public static final class Builder {
        private String aliasArn;
        private String name;
        private String functionVersion;
        private String description;
        private Map<String, Double> additionalVersionWeights;
        private String revisionId;

        private Builder() {
        }

        public Builder aliasArn(String value) {
            this.aliasArn = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder functionVersion(String value) {
            this.functionVersion = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** The routing weights (copied; no null keys or values); null is none. */
        public Builder additionalVersionWeights(Map<String, Double> value) {
            this.additionalVersionWeights = value == null ? null : Map.copyOf(value);
            return this;
        }

        public Builder revisionId(String value) {
            this.revisionId = value;
            return this;
        }

        /**
         * Builds the {@link AliasInfo}.
         *
         * @throws NullPointerException if no name was given (a programming error)
         */
        public AliasInfo build() {
            return new AliasInfo(this);
        }
    }
}
