package io.lambdajca.api;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The configuration of one function, as Lambda reports it. Immutable. What Lambda does not report is null (empty for
 * {@link #architectures()}, 0 for the numbers): ListFunctions, for one, reports no state. The enumerations of
 * Lambda's model (state, last update status, package type, architectures, tenant isolation mode) are kept as Lambda's
 * own strings, so that a value newer than this adapter still comes through.
 */
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
    private final String role;
    private final String codeSha256;
    private final String state;
    private final String stateReason;
    private final String stateReasonCode;
    private final String lastUpdateStatus;
    private final String lastUpdateStatusReason;
    private final String lastUpdateStatusReasonCode;
    private final String packageType;
    private final List<String> architectures;
    private final String tenantIsolationMode;

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
        this.role = b.role;
        this.codeSha256 = b.codeSha256;
        this.state = b.state;
        this.stateReason = b.stateReason;
        this.stateReasonCode = b.stateReasonCode;
        this.lastUpdateStatus = b.lastUpdateStatus;
        this.lastUpdateStatusReason = b.lastUpdateStatusReason;
        this.lastUpdateStatusReasonCode = b.lastUpdateStatusReasonCode;
        this.packageType = b.packageType;
        this.tenantIsolationMode = b.tenantIsolationMode;
        this.architectures = b.architectures == null ? List.of() : List.copyOf(b.architectures);
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

    /** The execution role's ARN. */
    public String role() {
        return role;
    }

    /** The SHA-256 of the deployment package, base64-encoded as Lambda reports it. */
    public String codeSha256() {
        return codeSha256;
    }

    /**
     * {@code Pending}, {@code Active}, {@code Inactive}, {@code Failed}, ... (Lambda's State); null when Lambda does
     * not report it, as ListFunctions does not.
     */
    public String state() {
        return state;
    }

    /** Why the function is in its state (for example why it failed), or null. */
    public String stateReason() {
        return stateReason;
    }

    /** Lambda's code for the state's reason, such as {@code Creating} or {@code InternalError}, or null. */
    public String stateReasonCode() {
        return stateReasonCode;
    }

    /** {@code Successful}, {@code Failed} or {@code InProgress}: how the last update went; null when not reported. */
    public String lastUpdateStatus() {
        return lastUpdateStatus;
    }

    /** Why the last update is in its status, or null. */
    public String lastUpdateStatusReason() {
        return lastUpdateStatusReason;
    }

    /** Lambda's code for the last update's reason, or null. */
    public String lastUpdateStatusReasonCode() {
        return lastUpdateStatusReasonCode;
    }

    /** {@code Zip} or {@code Image}; null when not reported. */
    public String packageType() {
        return packageType;
    }

    /** The instruction set architectures, such as {@code x86_64} or {@code arm64}; empty when not reported. */
    public List<String> architectures() {
        return architectures;
    }

    /**
     * The function's tenant isolation mode, {@code PER_TENANT} for a function created with tenant isolation (its
     * invocations then carry a {@link InvocationRequest#tenantId() tenant id}); null for a function without one.
     */
    public String tenantIsolationMode() {
        return tenantIsolationMode;
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
                && Objects.equals(version, other.version) && Objects.equals(role, other.role)
                && Objects.equals(codeSha256, other.codeSha256) && Objects.equals(state, other.state)
                && Objects.equals(stateReason, other.stateReason)
                && Objects.equals(stateReasonCode, other.stateReasonCode)
                && Objects.equals(lastUpdateStatus, other.lastUpdateStatus)
                && Objects.equals(lastUpdateStatusReason, other.lastUpdateStatusReason)
                && Objects.equals(lastUpdateStatusReasonCode, other.lastUpdateStatusReasonCode)
                && Objects.equals(packageType, other.packageType) && architectures.equals(other.architectures)
                && Objects.equals(tenantIsolationMode, other.tenantIsolationMode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, arn, runtime, handler, description, memorySizeMb, timeoutSeconds, codeSizeBytes,
                lastModified, version, role, codeSha256, state, stateReason, stateReasonCode, lastUpdateStatus,
                lastUpdateStatusReason, lastUpdateStatusReasonCode, packageType, architectures, tenantIsolationMode);
    }

    @Override
    public String toString() {
        return "FunctionInfo[name=" + name + ", runtime=" + runtime + ", memorySizeMb=" + memorySizeMb
                + ", lastModified=" + lastModified + (state == null ? "" : ", state=" + state)
                + (lastUpdateStatus == null ? "" : ", lastUpdateStatus=" + lastUpdateStatus)
                + (tenantIsolationMode == null ? "" : ", tenantIsolationMode=" + tenantIsolationMode) + "]";
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
        private String role;
        private String codeSha256;
        private String state;
        private String stateReason;
        private String stateReasonCode;
        private String lastUpdateStatus;
        private String lastUpdateStatusReason;
        private String lastUpdateStatusReasonCode;
        private String packageType;
        private List<String> architectures;
        private String tenantIsolationMode;

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

        public Builder role(String value) {
            this.role = value;
            return this;
        }

        public Builder codeSha256(String value) {
            this.codeSha256 = value;
            return this;
        }

        public Builder state(String value) {
            this.state = value;
            return this;
        }

        public Builder stateReason(String value) {
            this.stateReason = value;
            return this;
        }

        public Builder stateReasonCode(String value) {
            this.stateReasonCode = value;
            return this;
        }

        public Builder lastUpdateStatus(String value) {
            this.lastUpdateStatus = value;
            return this;
        }

        public Builder lastUpdateStatusReason(String value) {
            this.lastUpdateStatusReason = value;
            return this;
        }

        public Builder lastUpdateStatusReasonCode(String value) {
            this.lastUpdateStatusReasonCode = value;
            return this;
        }

        public Builder packageType(String value) {
            this.packageType = value;
            return this;
        }

        /**
         * The architectures (copied); null is none.
         *
         * @throws NullPointerException if an element is null (a programming error)
         */
        public Builder architectures(List<String> value) {
            this.architectures = value == null ? null : List.copyOf(value);
            return this;
        }

        public Builder tenantIsolationMode(String value) {
            this.tenantIsolationMode = value;
            return this;
        }

        /**
         * Builds the {@link FunctionInfo}.
         *
         * @throws NullPointerException if no name was given (a programming error)
         */
        public FunctionInfo build() {
            return new FunctionInfo(this);
        }
    }
}
