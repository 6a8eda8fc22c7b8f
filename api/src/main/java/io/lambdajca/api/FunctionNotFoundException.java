package io.lambdajca.api;

/** Lambda has no function (or version, or alias) of that name: ResourceNotFoundException, HTTP 404. */
public class FunctionNotFoundException extends LambdaException {

    private static final long serialVersionUID = 1L;

    public FunctionNotFoundException(String functionName, String message, Throwable cause) {
        super(functionName, message, cause);
    }
}
