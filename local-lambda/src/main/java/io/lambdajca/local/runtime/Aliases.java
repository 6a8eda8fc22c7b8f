package io.lambdajca.local.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;

/**
 * The aliases of one function, kept under the function's own lock so that an alias never points to a version being
 * deleted. Checks what depends on the function's state (versions that exist, duplicates, revision ids) with the
 * service's recorded errors; the request's shape (name pattern, weight range) is checked before, by the endpoint.
 */
public final class Aliases {

    /**
     * An alias name's pattern, as the model has it (shape Alias) and AWS quotes it: letters, digits, {@code -} and
     * {@code _}, not only digits.
     */
    public static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");

    private final LambdaFunction function;
    private final TreeMap<String, Alias> byName = new TreeMap<>();

    Aliases(LambdaFunction function) {
        this.function = function;
    }

    /** Whether {@code name} has the shape of an alias name. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    private String arn(String name) {
        return function.latest().functionArn() + ":" + name;
    }

    /**
     * Creates an alias; {@code weights} is the request's AdditionalVersionWeights (null or empty: no routing).
     *
     * @throws ApiException 404 for a missing version, 400 for routing Lambda refuses, 409 for an existing name
     */
    public Alias create(String name, String version, String description, Map<String, Double> weights) {
        synchronized (function) {
            Alias alias = checked(name, version, description, weights);
            if (byName.containsKey(name)) {
                throw lowerCase(409, "ResourceConflictException", "Alias already exists: " + arn(name));
            }
            byName.put(name, alias);
            return alias;
        }
    }

    public Optional<Alias> get(String name) {
        synchronized (function) {
            return Optional.ofNullable(byName.get(name));
        }
    }

    /**
     * Updates an alias: a null version, description or weights keeps the alias's own; empty weights remove the routing.
     *
     * @throws ApiException 404 for a missing alias or version, 412 when {@code revisionId} is not the alias's
     */
    public Alias update(String name, String version, String description, Map<String, Double> weights,
            String revisionId) {
        synchronized (function) {
            Alias old = byName.get(name);
            if (old == null) {
                throw ApiException.notFound("Alias not found: " + arn(name));
            }
            if (revisionId != null && !revisionId.equals(old.revisionId())) {
                throw lowerCase(412, "PreconditionFailedException", "The Revision Id provided does not match the "
                        + "latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
            }
            Map<String, Double> routing = weights != null ? weights
                    : old.additionalVersion() == null ? null : Map.of(old.additionalVersion(), old.weight());
            Alias alias = checked(name, version != null ? version : old.functionVersion(),
                    description != null ? description : old.description(), routing);
            byName.put(name, alias);
            return alias;
        }
    }

    /** Deletes an alias; deleting one that does not exist succeeds, as on Lambda. */
    public void delete(String name) {
        synchronized (function) {
            byName.remove(name);
        }
    }

    /** Up to {@code max} aliases in name order after {@code after} (null: from the first), of one version or all. */
    public List<Alias> list(String after, String version, int max) {
        synchronized (function) {
            List<Alias> page = new ArrayList<>();
            for (Alias a : (after == null ? byName : byName.tailMap(after, false)).values()) {
                if (version != null && !version.equals(a.functionVersion())) {
                    continue;
                }
                if (page.size() == max + 1) {
                    break;
                }
                page.add(a);
            }
            return page;
        }
    }

    /** The version an alias points to (the one GetFunction reports for it), if the alias exists. */
    Optional<FunctionVersion> primary(String name) {
        Alias alias = byName.get(name);
        return alias == null ? Optional.empty() : function.version(alias.functionVersion());
    }

    /** The version one invocation of an alias runs, picked by its routing weights. */
    public Optional<FunctionVersion> pick(String name, DoubleSupplier random) {
        synchronized (function) {
            Alias alias = byName.get(name);
            return alias == null ? Optional.empty() : function.version(alias.pick(random));
        }
    }

    /** Names of the aliases that route to a version, which then cannot be deleted. */
    List<String> referencing(String version) {
        List<String> names = new ArrayList<>();
        for (Alias a : byName.values()) {
            if (version.equals(a.functionVersion()) || version.equals(a.additionalVersion())) {
                names.add(a.name());
            }
        }
        return names;
    }

    private Alias checked(String name, String version, String description, Map<String, Double> weights) {
        if (weights != null && weights.size() > 1) {
            throw lowerCase(400, "InvalidParameterValueException",
                    "Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        String notFound = "Function not found: " + function.latest().functionArn() + ":";
        if (function.version(version).isEmpty()) {
            throw ApiException.notFound(notFound + version);
        }
        if (weights == null || weights.isEmpty()) {
            return new Alias(name, arn(name), version, description, null, 0.0);
        }
        Map.Entry<String, Double> extra = weights.entrySet().iterator().next();
        if (extra.getKey().equals(version)) {
            throw lowerCase(400, "InvalidParameterValueException", "Invalid function version " + version
                    + ". Function version " + version + " is already included in routing configuration.");
        }
        if (function.version(extra.getKey()).isEmpty()) {
            throw ApiException.notFound(notFound + extra.getKey());
        }
        if (FunctionVersion.LATEST.equals(version)) {
            // recorded without the Type field its neighbours carry
            throw lowerCase(400, "InvalidParameterValueException",
                    "$LATEST is not supported for an alias pointing to more than 1 version").withoutType();
        }
        return new Alias(name, arn(name), version, description, extra.getKey(), extra.getValue());
    }

    /** These errors come from Lambda with a lower-case {@code message} key (recorded answers). */
    private static ApiException lowerCase(int status, String code, String message) {
        return ApiException.lowerCaseMessage(status, code, message);
    }
}
