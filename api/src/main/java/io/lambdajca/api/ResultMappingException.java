package io.lambdajca.api;

/** The function's result could not be mapped to the type the caller asked for, or the input could not be mapped to JSON. */
public class ResultMappingException extends LambdaException {

    private static final long serialVersionUID = 1L;

    public ResultMappingException(String functionName, String message, Throwable cause) {
        super(functionName, message, cause);
    }
}
