package io.lambdajca.local.http;

import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.AccountConcurrency;
import io.lambdajca.local.runtime.ConfigurationConstraints;
import io.lambdajca.local.runtime.FunctionCode;
import io.lambdajca.local.runtime.FunctionNames;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.FunctionVersion;
import io.lambdajca.local.runtime.LambdaFunction;
import io.undertow.server.HttpServerExchange;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Function management operations: create, get, list, delete, publish a version, reserved concurrency. */
public final class FunctionsEndpoint {

    /** Model shape MaxListItems: 1-10000. */
    private static final int MAX_ITEMS = 10_000;

    private final FunctionRegistry registry;
    private final AccountConcurrency concurrency;

    public FunctionsEndpoint(FunctionRegistry registry, AccountConcurrency concurrency) {
        this.registry = registry;
        this.concurrency = concurrency;
    }

    FunctionRegistry registry() {
        return registry;
    }

    void create(HttpServerExchange exchange, byte[] body) {
        CreateFunctionRequest req = CreateFunctionRequest.read(body, registry);
        if (registry.exists(req.spec.name)) {
            throw ApiException.conflict("Function already exist: " + req.spec.name);
        }
        LambdaFunction f = registry.create(req.spec, FunctionCode.fromZip(req.zip, registry.workDir()), false);
        f.tags().tag(req.tags);
        // with Publish, AWS answers the new version (Pending too) under the function's unqualified ARN
        FunctionVersion answer = req.publish ? f.publishLatest(null) : f.latest();
        Exchanges.json(exchange, 201, answer.toJson(f.latest().functionArn(), true));
        registry.prepare(f);
    }

    void get(HttpServerExchange exchange, String name) {
        String param = query(exchange, "Qualifier");
        FunctionNames.Ref ref = reachable(FunctionNames.checked(FunctionNames.namespaced(name), param));
        String qualifier = qualifier(param, ref);
        LambdaFunction f = function(ref.name, qualifier);
        FunctionVersion v = version(f, qualifier);
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder()
                .add("Configuration", AliasesEndpoint.configuration(f, qualifier, v))
                .add("Code", Jsons.PROVIDER.createObjectBuilder().add("RepositoryType", "S3")
                        .add("Location", CodeDownloadEndpoint.location(exchange, v)));
        TagsEndpoint.addTo(out, f);
        if (f.reservedConcurrency() != null) {
            out.add("Concurrency", Jsons.PROVIDER.createObjectBuilder()
                    .add("ReservedConcurrentExecutions", f.reservedConcurrency()));
        }
        Exchanges.json(exchange, 200, out.build());
    }

    void getConfiguration(HttpServerExchange exchange, String name) {
        String param = query(exchange, "Qualifier");
        FunctionNames.Ref ref = reachable(FunctionNames.checked(FunctionNames.namespaced(name), param));
        String qualifier = qualifier(param, ref);
        LambdaFunction f = function(ref.name, qualifier);
        Exchanges.json(exchange, 200, AliasesEndpoint.configuration(f, qualifier, version(f, qualifier)));
    }

    void list(HttpServerExchange exchange) {
        Violations violations = new Violations();
        Integer max = maxItems(exchange, violations);
        String functionVersion = query(exchange, "FunctionVersion");
        violations.oneOf(functionVersion, "functionVersion", List.of("ALL")).throwIfAny();
        boolean all = functionVersion != null;
        FunctionRegistry.Page page = registry.list(query(exchange, "Marker"), max, all);
        JsonArrayBuilder functions = Jsons.PROVIDER.createArrayBuilder();
        // list entries carry no state members; with ALL, $LATEST is named by its qualified ARN
        page.functions.forEach(v -> functions.add(v.toJson(all ? v.qualifiedArn() : v.functionArn(), false)));
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder().add("Functions", functions);
        if (page.nextMarker != null) {
            out.add("NextMarker", page.nextMarker);
        }
        Exchanges.json(exchange, 200, out.build());
    }

    void delete(HttpServerExchange exchange, String name) {
        String param = query(exchange, "Qualifier");
        FunctionNames.Ref ref = reachable(FunctionNames.checked(FunctionNames.namespaced(name), param));
        registry.delete(ref.name, qualifier(param, ref));
        concurrency.recount(registry); // a deleted function's reservation returns to the unreserved pool
        Exchanges.empty(exchange, 204);
    }

    void publishVersion(HttpServerExchange exchange, String name, byte[] body) {
        JsonObject req = Jsons.object(body);
        String description = string(req, "Description", null);
        // checked with the name, before the function is looked up: a refused request publishes nothing
        LambdaFunction f = function(managed(name, ConfigurationConstraints.description(description, new Violations()))
                .name, null);
        Exchanges.json(exchange, 201, f.publish(string(req, "CodeSha256", null), string(req, "RevisionId", null),
                description).toJson());
    }

    void putConcurrency(HttpServerExchange exchange, String name, byte[] body) {
        FunctionNames.Ref ref = managed(name);
        JsonObject req = Jsons.object(body);
        if (!req.containsKey("ReservedConcurrentExecutions")
                || req.get("ReservedConcurrentExecutions").getValueType() != JsonValue.ValueType.NUMBER) {
            throw new Violations().required(null, "reservedConcurrentExecutions").exception();
        }
        int reserved = req.getInt("ReservedConcurrentExecutions");
        new Violations().range((long) reserved, "reservedConcurrentExecutions", 0, Long.MAX_VALUE).throwIfAny();
        if (ref.qualifier != null) {
            throw ApiException.invalidParameter("This operation is permitted on Lambda functions only. Aliases and "
                    + "versions do not support this operation. Please specify either a function name or an "
                    + "unqualified function ARN.");
        }
        // AWS names the function's $LATEST when it does not exist
        concurrency.reserve(registry, function(ref.name, "$LATEST"), reserved);
        Exchanges.json(exchange, 200, Jsons.PROVIDER.createObjectBuilder()
                .add("ReservedConcurrentExecutions", reserved).build());
    }

    void deleteConcurrency(HttpServerExchange exchange, String name) {
        concurrency.reserve(registry, function(managed(name).name, null), null);
        Exchanges.empty(exchange, 204);
    }

    void getConcurrency(HttpServerExchange exchange, String name) {
        LambdaFunction f = function(managed(name).name, null);
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder();
        if (f.reservedConcurrency() != null) {
            out.add("ReservedConcurrentExecutions", f.reservedConcurrency());
        }
        Exchanges.json(exchange, 200, out.build());
    }

    /** A {@code FunctionName} of the management operations, valid and of this region and account. */
    private FunctionNames.Ref managed(String name) {
        return managed(name, null);
    }

    /** As {@link #managed(String)}, the violations of the request's other members (null: none) reported with it. */
    private FunctionNames.Ref managed(String name, Violations others) {
        return reachable(FunctionNames.checked(FunctionNames.functionName(name), null, others));
    }

    private FunctionNames.Ref reachable(FunctionNames.Ref ref) {
        return registry.reachable(ref);
    }

    private LambdaFunction function(String name, String qualifierInMessage) {
        return registry.get(name, qualifierInMessage);
    }

    /** The qualifier of a request: the Qualifier parameter (already checked), else the one in the name; they must agree. */
    static String qualifier(String param, FunctionNames.Ref ref) {
        if (param != null && ref.qualifier != null && !param.equals(ref.qualifier)) {
            throw ApiException.invalidParameter("The derived qualifier from the function name does not match the "
                    + "specified qualifier.");
        }
        return param != null ? param : ref.qualifier;
    }

    static FunctionVersion version(LambdaFunction f, String qualifier) {
        return f.version(qualifier).orElseThrow(() -> ApiException.notFound("Function not found: "
                + f.latest().functionArn() + ":" + qualifier));
    }

    /**
     * The list operations' {@code MaxItems}: null when not given, else 1-10000 (the page may hold fewer); a value
     * outside the model's range (shape MaxListItems) is added to {@code violations}, which the caller reports with the
     * request's other violations before the function is looked up, and so before it uses the value.
     */
    static Integer maxItems(HttpServerExchange exchange, Violations violations) {
        String maxItems = query(exchange, "MaxItems");
        if (maxItems == null) {
            return null;
        }
        int max;
        try {
            max = Integer.parseInt(maxItems);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("MaxItems must be a number: " + maxItems);
        }
        violations.range((long) max, "maxItems", 1, MAX_ITEMS);
        return max;
    }

    static String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    static String string(JsonObject o, String key, String fallback) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.invalidContent("Field " + key + " must be a string");
        }
        return ((JsonString) v).getString();
    }

    /** The object member {@code key} of a request; null when absent (or JSON null). */
    static JsonObject object(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalidContent("Field " + key + " must be an object");
        }
        return v.asJsonObject();
    }

    static Integer integer(JsonObject o, String key, Integer fallback) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw ApiException.invalidContent("Field " + key + " must be a number");
        }
        return ((JsonNumber) v).intValue();
    }

    static Map<String, String> environment(JsonObject req) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonValue e = req.get("Environment");
        if (e != null && e.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonValue vars = e.asJsonObject().get("Variables");
            if (vars != null && vars.getValueType() == JsonValue.ValueType.OBJECT) {
                vars.asJsonObject().forEach((k, v) -> env.put(k, v.getValueType() == JsonValue.ValueType.STRING
                        ? ((JsonString) v).getString() : v.toString()));
            }
        }
        return env;
    }
}
