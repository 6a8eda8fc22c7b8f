package io.lambdajca.samples.web;

import java.util.List;
import java.util.Map;

import io.lambdajca.api.AliasInfo;
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

    /** A version of a function ($LATEST or a published number). */
    public record Version(String version, String description, String lastModified) {
        static Version of(FunctionInfo f) {
            return new Version(f.version(), f.description(), f.lastModified());
        }
    }

    /** What publishing answered: the version, and whether Lambda published it now (false: nothing had changed). */
    public record Published(Version version, boolean created) {
    }

    /** An alias: its version and the share (0.0 to 1.0) of its invocations routed to each other version. */
    public record Alias(String name, String functionVersion, Map<String, Double> routing, String description,
            String revisionId) {
        static Alias of(AliasInfo a) {
            return new Alias(a.name(), a.functionVersion(), a.additionalVersionWeights(), a.description(),
                    a.revisionId());
        }
    }

    /** How many of a series of invocations of an alias one version served, and its first answer. */
    public record VersionRuns(String version, int runs, String answer) {
    }

    /** What the page sends to publish a version. */
    public record PublishBody(String description) {
    }

    /** What the page sends to create an alias. */
    public record AliasBody(String name, String version) {
    }

    /** What the page sends to shift an alias: {@code percent} of its invocations to {@code version}. */
    public record RoutingBody(String version, int percent, String revisionId) {
    }

    /** What the page sends to invoke an alias {@code count} times. */
    public record RunsBody(String payload, int count) {
    }

    /** A readable failure. */
    public record Problem(String error, String kind) {
    }
}
