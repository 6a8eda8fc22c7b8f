package io.lambdajca.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What an invocation returned. A function error is part of the result; see {@link #functionError()}. */
public final class InvocationResult {

    private final int statusCode;
    private final byte[] payload;
    private final String executedVersion;
    private final String logTail;
    private final FunctionError functionError;
    private final Duration duration;
    private final String durableExecutionArn;
    private final boolean deferred;

    /**
     * A result as the adapter makes one (an application's tests may too).
     *
     * @throws NullPointerException if {@code duration} is null (a programming error)
     */
    public InvocationResult(int statusCode, byte[] payload, String executedVersion, String logTail,
            FunctionError functionError, Duration duration) {
        this(statusCode, payload, executedVersion, logTail, functionError, duration, null);
    }

    /**
     * A result with the ARN of the durable execution the invocation started (null for none).
     *
     * @throws NullPointerException if {@code duration} is null (a programming error)
     */
    public InvocationResult(int statusCode, byte[] payload, String executedVersion, String logTail,
            FunctionError functionError, Duration duration, String durableExecutionArn) {
        this(statusCode, payload == null ? null : payload.clone(), executedVersion, logTail, functionError, duration,
                durableExecutionArn, false);
    }

    /**
     * A result that keeps {@code payload} itself, as {@link java.nio.ByteBuffer#wrap(byte[])} does, instead of the copy
     * the constructors make: for the connector, which hands over an array that nothing else holds (its one copy of
     * the response), so that a large response is not copied again. Whoever calls it must not change the array
     * afterwards; {@link #payload()} still returns a copy.
     */
    public static InvocationResult wrap(int statusCode, byte[] payload, String executedVersion, String logTail,
            FunctionError functionError, Duration duration, String durableExecutionArn) {
        return new InvocationResult(statusCode, payload, executedVersion, logTail, functionError, duration,
                durableExecutionArn, false);
    }

    /** Keeps {@code payload} itself: the public constructors pass it a copy. */
    private InvocationResult(int statusCode, byte[] payload, String executedVersion, String logTail,
            FunctionError functionError, Duration duration, String durableExecutionArn, boolean deferred) {
        this.statusCode = statusCode;
        this.payload = payload == null ? new byte[0] : payload;
        this.executedVersion = executedVersion;
        this.logTail = logTail;
        this.functionError = functionError;
        this.duration = Objects.requireNonNull(duration, "duration");
        this.durableExecutionArn = durableExecutionArn;
        this.deferred = deferred;
    }

    /** The result of an invocation that waits for its transaction to commit: nothing was sent yet. */
    public static InvocationResult deferred() {
        return new InvocationResult(0, null, null, null, null, Duration.ZERO, null, true);
    }

    /** True when the invocation was deferred until its transaction commits; status code 0 and no payload. */
    public boolean isDeferred() {
        return deferred;
    }

    /** 200 for RequestResponse, 202 for Event, 204 for DryRun. */
    public int statusCode() {
        return statusCode;
    }

    /** The response payload (a copy); empty for Event and DryRun. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The response payload as UTF-8 text. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The version the qualifier resolved to, such as {@code $LATEST}; null for Event and DryRun. */
    public String executedVersion() {
        return executedVersion;
    }

    /** The decoded last 4 KB of the function's log when the request asked for it. */
    public Optional<String> logTail() {
        return Optional.ofNullable(logTail);
    }

    /** The function's error when its code failed. */
    public Optional<FunctionError> functionError() {
        return Optional.ofNullable(functionError);
    }

    public boolean isFunctionError() {
        return functionError != null;
    }

    /** Time from sending the request to receiving the response, measured by the adapter. */
    public Duration duration() {
        return duration;
    }

    /**
     * The ARN of the durable execution the invocation started (header {@code X-Amz-Durable-Execution-Arn}), when
     * Lambda answered one: for durable functions only.
     */
    public Optional<String> durableExecutionArn() {
        return Optional.ofNullable(durableExecutionArn);
    }

    @Override
    public String toString() {
        return "InvocationResult[" + (deferred ? "deferred until commit, " : "") + "status=" + statusCode + ", payloadBytes=" + payload.length + ", executedVersion="
                + executedVersion + ", functionError=" + functionError + ", duration=" + duration
                + (durableExecutionArn == null ? "" : ", durableExecutionArn=" + durableExecutionArn) + "]";
    }
}
