package io.lambdajca.samples.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.lambdajca.api.AliasRequest;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionManagement;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The EJB behind the page's versions and aliases: publishes versions, creates aliases, shifts an alias's routing and
 * counts which version served each of a number of invocations of an alias, all through the connection's
 * {@link LambdaConnection#functions() management}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VersionCatalog {

    /** The most invocations one run of an alias makes. */
    static final int MAX_RUNS = 200;

    /** Version numbers in numeric order (shorter first), so that 10 comes after 9. */
    private static final Comparator<String> BY_NUMBER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    @Resource(name = "lambda/Default")
    private LambdaConnectionFactory lambda;

    public List<Views.Version> versions(String function) {
        try (LambdaConnection connection = lambda.getConnection()) {
            return connection.functions().listVersions(function).stream().map(Views.Version::of)
                    .collect(Collectors.toList());
        }
    }

    /** Publishes a version; {@code created} is false when Lambda answered with the last one (nothing changed). */
    public Views.Published publish(String function, String description) {
        try (LambdaConnection connection = lambda.getConnection()) {
            FunctionManagement functions = connection.functions();
            List<String> before = functions.listVersions(function).stream().map(FunctionInfo::version)
                    .collect(Collectors.toList());
            FunctionInfo version = functions.publishVersion(function,
                    description == null || description.isBlank() ? null : description);
            return new Views.Published(Views.Version.of(version), !before.contains(version.version()));
        }
    }

    public List<Views.Alias> aliases(String function) {
        try (LambdaConnection connection = lambda.getConnection()) {
            return connection.functions().listAliases(function).stream().map(Views.Alias::of)
                    .collect(Collectors.toList());
        }
    }

    public Views.Alias createAlias(String function, String alias, String version) {
        try (LambdaConnection connection = lambda.getConnection()) {
            return Views.Alias.of(connection.functions().createAlias(
                    AliasRequest.builder(function, alias).functionVersion(version).build()));
        }
    }

    /**
     * Sends {@code percent} of the alias's invocations to {@code version} and the rest to the alias's own version; 0
     * removes the routing. Only if nobody changed the alias since the page showed {@code revisionId} (when given).
     */
    public Views.Alias shift(String function, String alias, String version, int percent, String revisionId) {
        if (percent < 0 || percent > 100) {
            throw new InvalidRequestException(function, "the share for version " + version + " is " + percent
                    + "%, not between 0 and 100");
        }
        if (percent > 0 && (version == null || version.isBlank())) {
            throw new InvalidRequestException(function, "a share of " + percent + "% needs a version to go to");
        }
        AliasRequest.Builder request = AliasRequest.builder(function, alias).revisionId(revisionId);
        if (percent == 0) {
            request.noRouting();
        } else {
            request.additionalVersionWeight(version, percent / 100.0);
        }
        try (LambdaConnection connection = lambda.getConnection()) {
            return Views.Alias.of(connection.functions().updateAlias(request.build()));
        }
    }

    /** Invokes the alias {@code count} times and counts the runs of each version that served them. */
    public List<Views.VersionRuns> run(String function, String alias, String payload, int count) {
        if (count < 1 || count > MAX_RUNS) {
            throw new InvalidRequestException(function, "the number of invocations is " + count
                    + ", not between 1 and " + MAX_RUNS);
        }
        Map<String, Integer> runs = new TreeMap<>(BY_NUMBER);
        Map<String, String> answers = new TreeMap<>(BY_NUMBER);
        try (LambdaConnection connection = lambda.getConnection()) {
            InvocationRequest request = InvocationRequest.builder(function).qualifier(alias).payload(payload).build();
            for (int i = 0; i < count; i++) {
                InvocationResult result = connection.invoke(request);
                String version = result.executedVersion() == null ? "(not reported)" : result.executedVersion();
                runs.merge(version, 1, Integer::sum);
                answers.putIfAbsent(version, result.payloadAsString());
            }
        }
        return runs.entrySet().stream()
                .map(e -> new Views.VersionRuns(e.getKey(), e.getValue(), answers.get(e.getKey())))
                .collect(Collectors.toList());
    }
}
