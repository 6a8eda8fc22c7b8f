package io.lambdajca.local.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.Alias;
import io.lambdajca.local.runtime.Aliases;
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

/**
 * Alias operations ({@code /2015-03-31/functions/{name}/aliases[/{alias}]}): CreateAlias, GetAlias, ListAliases,
 * UpdateAlias, DeleteAlias. The request's shape is checked here against the service model (shapes Alias,
 * VersionWithLatestPublished, Description, AdditionalVersionWeights); what depends on the function, in
 * {@link io.lambdajca.local.runtime.Aliases}.
 */
public final class AliasesEndpoint {

    /** Model shape VersionWithLatestPublished. */
    private static final String VERSION_PATTERN = "(\\$LATEST(\\.PUBLISHED)?|[0-9]+)";
    private static final Pattern VERSION = Pattern.compile(VERSION_PATTERN);
    private static final Pattern ADDITIONAL_VERSION = Pattern.compile("[0-9]+");
    /** ListAliases page size when MaxItems is absent (the service's own default is not documented). */
    static final int DEFAULT_PAGE = 50;

    private final FunctionRegistry registry;

    AliasesEndpoint(FunctionRegistry registry) {
        this.registry = registry;
    }

    void create(HttpServerExchange exchange, String functionName, byte[] body) {
        JsonObject req = Jsons.object(body);
        String name = string(req, "Name");
        checkName(name);
        String version = string(req, "FunctionVersion");
        checkVersion(version, "functionVersion", true);
        String description = string(req, "Description");
        FunctionsEndpoint.checkDescription(description, new Violations()).throwIfAny();
        Map<String, Double> weights = weights(req);
        LambdaFunction f = function(functionName, version);
        Alias alias = f.aliases().create(name, version, description == null ? "" : description, weights);
        Exchanges.json(exchange, 201, alias.toJson());
    }

    void get(HttpServerExchange exchange, String functionName, String name) {
        checkName(name);
        LambdaFunction f = function(functionName, null);
        Alias alias = f.aliases().get(name).orElseThrow(() -> ApiException.notFound("Cannot find alias arn: "
                + f.latest().functionArn() + ":" + name));
        Exchanges.json(exchange, 200, alias.toJson());
    }

    void list(HttpServerExchange exchange, String functionName) {
        String version = FunctionsEndpoint.query(exchange, "FunctionVersion");
        checkVersion(version, "functionVersion", false);
        Integer maxItems = FunctionsEndpoint.maxItems(exchange);
        int max = maxItems == null ? DEFAULT_PAGE : maxItems;
        String marker = FunctionsEndpoint.query(exchange, "Marker");
        LambdaFunction f = function(functionName, null);
        List<Alias> page = f.aliases().list(marker == null ? null : decodeMarker(marker), version, max);
        JsonArrayBuilder aliases = Jsons.PROVIDER.createArrayBuilder();
        page.stream().limit(max).forEach(a -> aliases.add(a.toJson()));
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder().add("Aliases", aliases);
        if (page.size() > max) {
            out.add("NextMarker", encodeMarker(page.get(max - 1).name()));
        }
        Exchanges.json(exchange, 200, out.build());
    }

    void update(HttpServerExchange exchange, String functionName, String name, byte[] body) {
        checkName(name);
        JsonObject req = Jsons.object(body);
        String version = string(req, "FunctionVersion");
        checkVersion(version, "functionVersion", false);
        String description = string(req, "Description");
        FunctionsEndpoint.checkDescription(description, new Violations()).throwIfAny();
        Map<String, Double> weights = weights(req);
        LambdaFunction f = function(functionName, null);
        Alias alias = f.aliases().update(name, version, description, weights, string(req, "RevisionId"));
        Exchanges.json(exchange, 200, alias.toJson());
    }

    void delete(HttpServerExchange exchange, String functionName, String name) {
        checkName(name);
        function(functionName, null).aliases().delete(name);
        Exchanges.empty(exchange, 204);
    }

    /**
     * The version an invocation of an alias runs, chosen by the alias's routing weights with {@code random}.
     *
     * @throws ApiException 404 when the alias no longer exists
     */
    static FunctionVersion route(LambdaFunction f, String alias, DoubleSupplier random) {
        return f.aliases().pick(alias, random).orElseThrow(() -> ApiException.notFound("Function not found: "
                + f.latest().functionArn() + ":" + alias));
    }

    /**
     * GetFunction's Configuration for a qualifier: for an alias the aliased version's, with the alias's ARN as
     * {@code FunctionArn} (recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "get_function_alias_1_1").
     */
    static JsonObject configuration(LambdaFunction f, String qualifier, FunctionVersion v) {
        if (qualifier == null || qualifier.isEmpty()) {
            return v.toJson();
        }
        // asked for by a version, the ARN is that version's, $LATEST's ending with ":$LATEST"
        // (recorded: test_lambda_api.snapshot.json, test_publish_version_on_create, "get_function_latest_result")
        return v.toJson(qualifier.equals(v.version()) ? v.qualifiedArn() : f.latest().functionArn() + ":" + qualifier,
                true);
    }

    /** The function named in the path; a missing one is reported with the version the request named, as Lambda does. */
    private LambdaFunction function(String functionName, String version) {
        return registry.get(registry.reachable(FunctionNames.checked(FunctionNames.functionName(functionName), null))
                .name, version);
    }

    private static void checkName(String name) {
        if (name == null) {
            throw mustNotBeNull("name");
        }
        if (name.isEmpty() || name.length() > 128) {
            throw ApiException.validation(name, "name", name.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 128");
        }
        if (!Aliases.isName(name)) {
            throw ApiException.validation(name, "name", "Member must satisfy regular expression pattern: "
                    + Aliases.NAME_PATTERN);
        }
    }

    private static void checkVersion(String version, String member, boolean required) {
        if (version == null) {
            if (required) {
                throw mustNotBeNull(member);
            }
            return;
        }
        if (version.isEmpty() || version.length() > 1024) {
            throw ApiException.validation(version, member, version.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 1024");
        }
        if (!VERSION.matcher(version).matches()) {
            throw ApiException.validation(version, member, "Member must satisfy regular expression pattern: "
                    + VERSION_PATTERN);
        }
    }

    /** RoutingConfig.AdditionalVersionWeights: null when RoutingConfig is absent, empty to remove the routing. */
    private static Map<String, Double> weights(JsonObject req) {
        JsonValue routing = req.get("RoutingConfig");
        if (routing == null || routing.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (routing.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalidContent("Field RoutingConfig must be an object");
        }
        JsonValue weights = routing.asJsonObject().get("AdditionalVersionWeights");
        if (weights == null || weights.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (weights.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalidContent("Field AdditionalVersionWeights must be an object");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        boolean badKey = false;
        boolean badValue = false;
        for (Map.Entry<String, JsonValue> e : weights.asJsonObject().entrySet()) {
            Double weight = e.getValue().getValueType() == JsonValue.ValueType.NUMBER
                    ? ((JsonNumber) e.getValue()).doubleValue() : null;
            out.put(e.getKey(), weight);
            badKey |= e.getKey().isEmpty() || e.getKey().length() > 1024
                    || !ADDITIONAL_VERSION.matcher(e.getKey()).matches();
            badValue |= weight == null || weight < 0.0 || weight > 1.0;
        }
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs
        if (badKey) {
            throw ApiException.validation(out.toString(), "routingConfig.additionalVersionWeights", "Map keys must "
                    + "satisfy constraint: [Member must have length less than or equal to 1024, Member must have "
                    + "length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]");
        }
        if (badValue) {
            throw ApiException.validation(out.toString(), "routingConfig.additionalVersionWeights", "Map value "
                    + "must satisfy constraint: [Member must have value less than or equal to 1.0, Member must "
                    + "have value greater than or equal to 0.0, Member must not be null]");
        }
        return out;
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.invalidContent("Field " + key + " must be a string");
        }
        return ((JsonString) v).getString();
    }

    static ApiException mustNotBeNull(String member) {
        return new ApiException(400, "ValidationException", "1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    private static String encodeMarker(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeMarker(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Invalid marker: " + marker);
        }
    }
}
