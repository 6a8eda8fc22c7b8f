package io.lambdajca.local.runtime;

import java.util.List;
import java.util.Set;

import io.lambdajca.local.ApiException;

/**
 * Lambda's runtime identifiers as CreateFunction checks them: an identifier AWS does not know is refused with the
 * enum message AWS sends, a deprecated one with AWS's "no longer supported" message; of the rest, local-lambda runs
 * only the Java runtimes it can (see {@link #JAVA}).
 */
public final class Runtimes {

    /**
     * The runtimes AWS accepts for a new function, in the order its InvalidParameterValueException lists them
     * (recorded from AWS in January 2026), plus {@code ruby4.0}, added to the service model since.
     */
    static final List<String> ACCEPTED = List.of("nodejs20.x", "python3.14", "provided.al2023", "python3.12",
            "python3.13", "nodejs24.x", "nodejs22.x", "java25", "python3.10", "python3.11", "java21", "ruby3.3",
            "ruby3.4", "ruby3.2", "python3.8", "python3.9", "java17", "nodejs16.x", "dotnet10", "dotnet8", "java11",
            "dotnet6", "nodejs18.x", "provided.al2", "java8.al2");
    private static final String NEWER = "ruby4.0";
    /** Identifiers of the service model's Runtime enum that AWS no longer accepts for creating functions. */
    private static final Set<String> DEPRECATED = Set.of("nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10",
            "nodejs10.x", "nodejs12.x", "nodejs14.x", "java8", "python2.7", "python3.6", "python3.7", "dotnetcore1.0",
            "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "nodejs4.3-edge", "go1.x", "ruby2.5", "ruby2.7",
            "provided");
    /** The runtimes local-lambda runs: Java 17 and later, on the endpoint's own JVM. */
    public static final Set<String> JAVA = Set.of("java17", "java21", "java25");

    private Runtimes() {
    }

    /** Refuses an identifier AWS would refuse, with AWS's message, then one local-lambda cannot run. */
    public static void check(String runtime) {
        if (DEPRECATED.contains(runtime)) {
            throw ApiException.invalidParameter("The runtime parameter of " + runtime + " is no longer supported for "
                    + "creating or updating AWS Lambda functions. We recommend you use a supported runtime while "
                    + "creating or updating functions.");
        }
        if (!ACCEPTED.contains(runtime) && !NEWER.equals(runtime)) {
            throw ApiException.invalidParameter("Value " + runtime + " at 'runtime' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [" + String.join(", ", ACCEPTED) + "] or be a valid ARN");
        }
        if (!JAVA.contains(runtime)) {
            throw ApiException.invalidParameter("Value " + runtime + " at 'runtime' is not supported by local-lambda, "
                    + "which runs Java handlers only: use one of [java17, java21, java25]");
        }
    }
}
