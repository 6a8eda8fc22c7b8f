package io.lambdajca.local.http;

import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.AccountConcurrency;
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

    /** Model shape Description: at most 256 characters. */
    static final int MAX_DESCRIPTION = 256;

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
        JsonObject req = Jsons.object(body);
        FunctionRegistry.Spec spec = new FunctionRegistry.Spec();
        spec.name = string(req, "FunctionName", null);
        spec.description = string(req, "Description", "");
        Violations others = checkDescription(spec.description, new Violations());
        if (spec.name == null) {
            throw others.add(null, "functionName", "Member must not be null").exception();
        }
        spec.name = reachable(FunctionNames.checkCreatable(FunctionNames.checked(
                FunctionNames.functionName(spec.name), null, others))).name;
        spec.role = string(req, "Role", null);
        if (spec.role == null) {
            throw new Violations().add(null, "role", "Member must not be null").exception();
        }
        spec.runtime = string(req, "Runtime", null);
        spec.handler = string(req, "Handler", null);
        if (spec.runtime == null || spec.handler == null) {
            // AWS's answer to a package (zip) function without either; local-lambda takes packages only
            throw ApiException.invalidParameter(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        spec.timeoutSeconds = integer(req, "Timeout", spec.timeoutSeconds);
        spec.memorySizeMb = integer(req, "MemorySize", spec.memorySizeMb);
        spec.environment = environment(req);
        CreateFunctionLimits.checkEnvironment(spec.environment);
        spec.tenancy = TenancyRequests.ofCreate(req);
        Map<String, String> tags = TagsEndpoint.ofCreate(req);
        spec.environmentGiven = req.get("Environment") instanceof JsonObject;
        JsonObject code = req.containsKey("Code") && req.get("Code").getValueType() == JsonValue.ValueType.OBJECT
                ? req.getJsonObject("Code") : JsonValue.EMPTY_JSON_OBJECT;
        String zip = string(code, "ZipFile", null);
        if (zip == null) {
            throw ApiException.invalidParameter("local-lambda accepts code as Code.ZipFile only (no S3 or image)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(zip);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Code.ZipFile is not valid base64");
        }
        CreateFunctionLimits.checkZipped(bytes);
        if (registry.exists(spec.name)) {
            throw ApiException.conflict("Function already exist: " + spec.name);
        }
        LambdaFunction f = registry.create(spec, FunctionCode.fromZip(bytes, registry.workDir()), false);
        f.tags().tag(tags);
        // with Publish, AWS answers the new version (Pending too) under the function's unqualified ARN
        FunctionVersion answer = req.getBoolean("Publish", false) ? f.publishLatest(null) : f.latest();
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
        Integer max = maxItems(exchange);
        String functionVersion = query(exchange, "FunctionVersion");
        if (functionVersion != null && !functionVersion.equals("ALL")) {
            throw ApiException.validation(functionVersion, "functionVersion",
                    "Member must satisfy enum value set: [ALL]");
        }
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
        LambdaFunction f = function(managed(name, checkDescription(description, new Violations())).name, null);
        Exchanges.json(exchange, 201, f.publish(string(req, "CodeSha256", null), string(req, "RevisionId", null),
                description).toJson());
    }

    void putConcurrency(HttpServerExchange exchange, String name, byte[] body) {
        FunctionNames.Ref ref = managed(name);
        JsonObject req = Jsons.object(body);
        if (!req.containsKey("ReservedConcurrentExecutions")
                || req.get("ReservedConcurrentExecutions").getValueType() != JsonValue.ValueType.NUMBER) {
            throw new Violations().add(null, "reservedConcurrentExecutions", "Member must not be null").exception();
        }
        int reserved = req.getInt("ReservedConcurrentExecutions");
        if (reserved < 0) {
            throw ApiException.validation(Integer.toString(reserved), "reservedConcurrentExecutions",
                    "Member must have value greater than or equal to 0");
        }
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
     * Adds the violation of a {@code Description} (null: absent), the model's shape of CreateFunction,
     * UpdateFunctionConfiguration, PublishVersion, CreateAlias and UpdateAlias: at most 256 characters, counted in
     * code points as the model counts them (a character outside the BMP is one, not two UTF-16 units).
     *
     * @return {@code violations}
     */
    static Violations checkDescription(String description, Violations violations) {
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            violations.add(description, "description", "Member must have length less than or equal to "
                    + MAX_DESCRIPTION);
        }
        return violations;
    }

    /** The list operations' {@code MaxItems}: null when not given, else 1-10000 (the page may hold fewer). */
    static Integer maxItems(HttpServerExchange exchange) {
        Violations violations = new Violations();
        Integer max = maxItems(exchange, violations);
        violations.throwIfAny();
        return max;
    }

    /**
     * As {@link #maxItems(HttpServerExchange)}, but a value outside the model's range (shape MaxListItems, 1-10000) is
     * added to {@code violations} (and answered as null), to be reported with the request's other violations before
     * the function is looked up.
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
        if (max < 1 || max > 10000) {
            // a range in AWS's words (recorded for another member: test_lambda_api.snapshot.json,
            // TestLambdaProvisionedConcurrency::test_provisioned_concurrency_exceptions,
            // "put_provisioned_invalid_param_0": "Member must have value greater than or equal to 1")
            violations.add(maxItems, "maxItems", max < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 10000");
            return null;
        }
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

    static int integer(JsonObject o, String key, int fallback) {
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
