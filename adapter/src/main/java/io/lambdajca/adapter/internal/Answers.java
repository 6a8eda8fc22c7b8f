package io.lambdajca.adapter.internal;

import java.util.function.Supplier;

import io.lambdajca.api.LambdaServiceException;

/**
 * Reads an answer into the api's types. Lambda's answers always fit them; an endpoint set by EndpointOverride (an
 * emulator, a proxy) may send one that does not (a missing configuration, a null in a list, a tag or a weight), which
 * the api's builders refuse with a NullPointerException or an IllegalArgumentException. The application gets a
 * {@link LambdaServiceException} that says so instead.
 */
final class Answers {

    private Answers() {
    }

    static <T> T read(String functionName, String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new LambdaServiceException(functionName, "an answer about " + what + " holds what Lambda never "
                    + "sends (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "): is the endpoint Lambda's?", 200, null, e);
        }
    }
}
