package io.lambdajca.api;

import java.io.Serializable;
import java.util.Objects;

/** The configuration of one function, as Lambda reports it. */
public final class FunctionInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final String runtime;
    private final String handler;
    private final String description;
    private final int memorySizeMb;
    private final int timeoutSeconds;
    private final long codeSizeBytes;
    private final String lastModified;
    private final String version;

    private FunctionInfo(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.arn = b.arn;
        this.runtime = b.runtime;
        this.handler = b.handler;
        this.description = b.description;
        this.memorySizeMb = b.memorySizeMb;
        this.timeoutSeconds = b.timeoutSeconds;
        this.codeSizeBytes = b.codeSizeBytes;
        this.lastModified = b.lastModified;
        this.version = b.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    /** The runtime identifier, such as {@code java21}; null for container-image functions. */
    public String runtime() {
        return runtime;
    }

    public String handler() {
        return handler;
    }

    public String description() {
        return description;
    }

    public int memorySizeMb() {
        return memorySizeMb;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public long codeSizeBytes() {
        return codeSizeBytes;
    }

    /** When the function was last changed, in Lambda's ISO-8601 form. */
    public String lastModified() {
        return lastModified;
    }

    public String version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FunctionInfo)) {
            return false;
        }
        FunctionInfo other = (FunctionInfo) o;
        return memorySizeMb == other.memorySizeMb && timeoutSeconds == other.timeoutSeconds
                && codeSizeBytes == other.codeSizeBytes && name.equals(other.name) && Objects.equals(arn, other.arn)
                && Objects.equals(runtime, other.runtime) && Objects.equals(handler, other.handler)
                && Objects.equals(description, other.description) && Objects.equals(lastModified, other.lastModified)
                && Objects.equals(version, other.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, arn, runtime, handler, description, memorySizeMb, timeoutSeconds, codeSizeBytes,
                lastModified, version);
    }

    @Override
    public String toString() {
        return "FunctionInfo[name=" + name + ", runtime=" + runtime + ", memorySizeMb=" + memorySizeMb
                + ", lastModified=" + lastModified + "]";
    }

    /** Builds a {@link FunctionInfo}; used by the adapter. */
    public static final class Builder {
        private String name;
        private String arn;
        private String runtime;
        private String handler;
        private String description;
        private int memorySizeMb;
        private int timeoutSeconds;
        private long codeSizeBytes;
        private String lastModified;
        private String version;

        private Builder() {
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder arn(String value) {
            this.arn = value;
            return this;
        }

        public Builder runtime(String value) {
            this.runtime = value;
            return this;
        }

        public Builder handler(String value) {
            this.handler = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder memorySizeMb(int value) {
            this.memorySizeMb = value;
            return this;
        }

        public Builder timeoutSeconds(int value) {
            this.timeoutSeconds = value;
            return this;
        }

        public Builder codeSizeBytes(long value) {
            this.codeSizeBytes = value;
            return this;
        }

        public Builder lastModified(String value) {
            this.lastModified = value;
            return this;
        }

        public Builder version(String value) {
            this.version = value;
            return this;
        }

        public FunctionInfo build() {
            return new FunctionInfo(this);
        }
    }
}
