package io.lambdajca.api;

import java.util.Objects;

/** The function's own code failed; thrown by the typed invoke methods (the raw invoke reports it in the result). */
public class FunctionErrorException extends LambdaException {

    private static final long serialVersionUID = 1L;

    private final FunctionError error;

    /**
     * @param functionName the function that failed
     * @param error what it reported
     * @throws NullPointerException if {@code error} is null (a programming error)
     */
    public FunctionErrorException(String functionName, FunctionError error) {
        super(functionName, "Function " + functionName + " failed (" + Objects.requireNonNull(error, "error").kind()
                + "): " + error.errorType() + ": " + error.errorMessage());
        this.error = error;
    }

    public FunctionError error() {
        return error;
    }

    /** Shortcut for {@code error().errorType()}. */
    public String errorType() {
        return error.errorType();
    }

    /** Shortcut for {@code error().errorMessage()}. */
    public String errorMessage() {
        return error.errorMessage();
    }
}
