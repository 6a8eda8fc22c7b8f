package io.lambdajca.local.runtime;

/**
 * What an invocation produced: the response payload, the function error kind ({@code Unhandled}) or null, the log tail
 * and the version that ran.
 */
public final class InvocationOutcome {

    private final byte[] payload;
    private final String functionError;
    private final byte[] logTail;
    private final String executedVersion;
    private final boolean timedOut;

    InvocationOutcome(byte[] payload, String functionError, byte[] logTail, String executedVersion, boolean timedOut) {
        this.payload = payload;
        this.functionError = functionError;
        this.logTail = logTail;
        this.executedVersion = executedVersion;
        this.timedOut = timedOut;
    }

    public byte[] payload() {
        return payload;
    }

    /** {@code Unhandled} when the function failed, else null. */
    public String functionError() {
        return functionError;
    }

    public byte[] logTail() {
        return logTail;
    }

    public String executedVersion() {
        return executedVersion;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
