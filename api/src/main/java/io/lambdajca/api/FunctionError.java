package io.lambdajca.api;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An error raised by the function's own code: Lambda answers HTTP 200 with {@code X-Amz-Function-Error} and a JSON
 * payload {@code {errorMessage, errorType, stackTrace}}.
 */
public final class FunctionError implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The value of the {@code X-Amz-Function-Error} header. */
    public enum Kind {
        /** The runtime caught the error and reported it. */
        HANDLED,
        /** The function crashed, timed out or the runtime failed. */
        UNHANDLED
    }

    private final Kind kind;
    private final String errorType;
    private final String errorMessage;
    @SuppressWarnings("serial") // always List.of/List.copyOf, which are serializable (javac 18+ cannot tell)
    private final List<String> stackTrace;

    /**
     * @param kind handled or unhandled
     * @param errorType the error's type, may be null
     * @param errorMessage the error's message, may be null
     * @param stackTrace the error's stack trace lines, may be null (none)
     * @throws NullPointerException if {@code kind} or a line of {@code stackTrace} is null (a programming error)
     */
    public FunctionError(Kind kind, String errorType, String errorMessage, List<String> stackTrace) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
    }

    public Kind kind() {
        return kind;
    }

    /** The error's type, for a Java function the exception's class name; may be null if the payload had none. */
    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** Stack frames as the runtime reported them; empty when none. */
    public List<String> stackTrace() {
        return stackTrace;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FunctionError)) {
            return false;
        }
        FunctionError other = (FunctionError) o;
        return kind == other.kind && Objects.equals(errorType, other.errorType)
                && Objects.equals(errorMessage, other.errorMessage) && stackTrace.equals(other.stackTrace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, errorType, errorMessage, stackTrace);
    }

    @Override
    public String toString() {
        return kind + " " + errorType + ": " + errorMessage;
    }
}
