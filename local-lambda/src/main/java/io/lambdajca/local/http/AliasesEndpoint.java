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
import io.lambdajca.local.runtime.ConfigurationConstraints;
import io.lambdajca.local.runtime.FunctionNames;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.FunctionVersion;
import io.lambdajca.local.runtime.LambdaFunction;
import io.undertow.server.HttpServerExchange;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Alias operations ({@code /2015-03-31/functions/{name}/aliases[/{alias}]}): CreateAlias, GetAlias, ListAliases,
 * UpdateAlias, DeleteAlias. The request's members are checked here against the service model (shapes FunctionName,
 * Alias, VersionWithLatestPublished, Description, AdditionalVersionWeights, MaxListItems), every violation reported
 * in one ValidationException before the function is looked up, as Lambda's front end does; what depends on the
 * function, in {@link io.lambdajca.local.runtime.Aliases}.
 */
public final class AliasesEndpoint {

    /** Model shape VersionWithLatestPublished: 1-1024 characters of this pattern. */
    private static final Pattern VERSION = Pattern.compile("(\\$LATEST(\\.PUBLISHED)?|[0-9]+)");
    private static final Pattern ADDITIONAL_VERSION = Pattern.compile("[0-9]+");
    /** ListAliases page size when MaxItems is absent (the service's own default is not documented). */
    static final int DEFAULT_PAGE = 50;

    private final FunctionRegistry registry;

    AliasesEndpoint(FunctionRegistry registry) {
        this.registry = registry;
    }

    void create(HttpServerExchange exchange, String functionName, byte[] body) {
        JsonObject req = Jsons.object(body);
        String name = FunctionsEndpoint.string(req, "Name", null);
        String version = FunctionsEndpoint.string(req, "FunctionVersion", null);
        String description = FunctionsEndpoint.string(req, "Description", null);
        Violations violations = checkName(name, new Violations().required(name, "name"));
        checkVersion(version, violations.required(version, "functionVersion"));
        ConfigurationConstraints.description(description, violations);
        Map<String, Double> weights = weights(req, violations);
        LambdaFunction f = function(functionName, violations, version);
        Alias alias = f.aliases().create(name, version, description == null ? "" : description, weights);
        Exchanges.json(exchange, 201, alias.toJson());
    }

    void get(HttpServerExchange exchange, String functionName, String name) {
        LambdaFunction f = function(functionName, checkName(name, new Violations()), null);
        Alias alias = f.aliases().get(name).orElseThrow(() -> ApiException.notFound("Cannot find alias arn: "
                + f.latest().functionArn() + ":" + name));
        Exchanges.json(exchange, 200, alias.toJson());
    }

    void list(HttpServerExchange exchange, String functionName) {
        String version = FunctionsEndpoint.query(exchange, "FunctionVersion");
        Violations violations = checkVersion(version, new Violations());
        Integer maxItems = FunctionsEndpoint.maxItems(exchange, violations);
        LambdaFunction f = function(functionName, violations, null);
        int max = maxItems == null ? DEFAULT_PAGE : maxItems;
        String marker = FunctionsEndpoint.query(exchange, "Marker");
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
        JsonObject req = Jsons.object(body);
        String version = FunctionsEndpoint.string(req, "FunctionVersion", null);
        String description = FunctionsEndpoint.string(req, "Description", null);
        Violations violations = checkVersion(version, checkName(name, new Violations()));
        ConfigurationConstraints.description(description, violations);
        Map<String, Double> weights = weights(req, violations);
        LambdaFunction f = function(functionName, violations, null);
        Alias alias = f.aliases().update(name, version, description, weights,
                FunctionsEndpoint.string(req, "RevisionId", null));
        Exchanges.json(exchange, 200, alias.toJson());
    }

    void delete(HttpServerExchange exchange, String functionName, String name) {
        function(functionName, checkName(name, new Violations()), null).aliases().delete(name);
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

    /**
     * The function named in the path, once the request's violations ({@code others}) have been reported with the
     * name's, all in one message before the function is looked up, as Lambda's front end does; a missing function is
     * reported with the version the request named (null: none), as Lambda does.
     */
    private LambdaFunction function(String functionName, Violations others, String version) {
        return registry.get(registry.reachable(FunctionNames.checked(FunctionNames.functionName(functionName), null,
                others)).name, version);
    }

    /** Adds the violations of an alias name (model shape Alias, 1-128 characters); none for null (absent). */
    private static Violations checkName(String name, Violations violations) {
        return violations.string(name, "name", 1, 128, Aliases.NAME);
    }

    /** Adds the violations of a FunctionVersion (shape VersionWithLatestPublished); none for null (absent). */
    private static Violations checkVersion(String version, Violations violations) {
        return violations.string(version, "functionVersion", 1, 1024, VERSION);
    }

    /**
     * RoutingConfig.AdditionalVersionWeights: null when RoutingConfig is absent, empty to remove the routing; the
     * violations of the model (shapes AdditionalVersion and Weight) are added to {@code violations}.
     */
    private static Map<String, Double> weights(JsonObject req, Violations violations) {
        JsonObject routing = FunctionsEndpoint.object(req, "RoutingConfig");
        if (routing == null) {
            return null;
        }
        JsonObject weights = FunctionsEndpoint.object(routing, "AdditionalVersionWeights");
        if (weights == null) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        boolean badKey = false;
        boolean badValue = false;
        for (Map.Entry<String, JsonValue> e : weights.entrySet()) {
            Double weight = e.getValue().getValueType() == JsonValue.ValueType.NUMBER
                    ? ((JsonNumber) e.getValue()).doubleValue() : null;
            out.put(e.getKey(), weight);
            badKey |= e.getKey().isEmpty() || e.getKey().length() > 1024
                    || !ADDITIONAL_VERSION.matcher(e.getKey()).matches();
            badValue |= weight == null || weight < 0.0 || weight > 1.0;
        }
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs,
        // "routing_config_exc_version_latest" (keys) and "routing_config_exc_toohigh" (values); both at once is not
        // recorded: each is reported
        if (badKey) {
            violations.add(out.toString(), "routingConfig.additionalVersionWeights", "Map keys must satisfy "
                    + "constraint: [Member must have length less than or equal to 1024, Member must have length "
                    + "greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]");
        }
        if (badValue) {
            violations.add(out.toString(), "routingConfig.additionalVersionWeights", "Map value must satisfy "
                    + "constraint: [Member must have value less than or equal to 1.0, Member must have value greater "
                    + "than or equal to 0.0, Member must not be null]");
        }
        return out;
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
