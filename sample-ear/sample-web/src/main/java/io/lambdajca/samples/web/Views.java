package io.lambdajca.samples.web;

import java.util.List;

import io.lambdajca.api.FunctionError;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.InvocationResult;

/** What the JSON API answers. */
public final class Views {

    private Views() {
    }

    /** A function in the list. */
    public record Function(String name, String runtime, int memorySizeMb, String lastModified, String description) {
        static Function of(FunctionInfo f) {
            return new Function(f.name(), f.runtime(), f.memorySizeMb(), f.lastModified(), f.description());
        }
    }

    /** A function error. */
    public record Error(String kind, String type, String message, List<String> stackTrace) {
        static Error of(FunctionError e) {
            return new Error(e.kind().name(), e.errorType(), e.errorMessage(), e.stackTrace());
        }
    }

    /** The outcome of an invocation. */
    public record Invocation(int statusCode, String payload, String executedVersion, Error functionError,
            String logTail, double durationMillis) {
        static Invocation of(InvocationResult r) {
            return new Invocation(r.statusCode(), r.payloadAsString(), r.executedVersion(),
                    r.functionError().map(Error::of).orElse(null), r.logTail().orElse(null),
                    r.duration().toNanos() / 1e6);
        }
    }

    /** What the page sends to invoke a function. */
    public record InvokeBody(String payload, String type) {
    }

    /** A readable failure. */
    public record Problem(String error, String kind) {
    }
}
