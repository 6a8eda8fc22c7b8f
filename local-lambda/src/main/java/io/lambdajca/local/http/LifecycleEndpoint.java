package io.lambdajca.local.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.FunctionCode;
import io.lambdajca.local.runtime.FunctionNames;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.FunctionVersion;
import io.lambdajca.local.runtime.LambdaFunction;
import io.lambdajca.local.runtime.Runtimes;
import io.undertow.server.HttpServerExchange;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A function's versions and updates: ListVersionsByFunction, UpdateFunctionCode and UpdateFunctionConfiguration. An
 * update answers {@code LastUpdateStatus: InProgress} and is Successful once its code is prepared in the background;
 * until then $LATEST's invocations run the configuration before it, and other updates are refused.
 */
public final class LifecycleEndpoint {

    private final FunctionRegistry registry;

    public LifecycleEndpoint(FunctionRegistry registry) {
        this.registry = registry;
    }

    /** ListVersionsByFunction: $LATEST (under its qualified ARN) then the published versions, 50 at most a page. */
    void listVersions(HttpServerExchange exchange, String name) {
        Violations violations = new Violations();
        Integer maxItems = FunctionsEndpoint.maxItems(exchange, violations);
        LambdaFunction f = function(FunctionNames.namespaced(name), violations);
        int size = maxItems == null ? FunctionRegistry.MAX_PAGE : Math.min(maxItems, FunctionRegistry.MAX_PAGE);
        String marker = FunctionsEndpoint.query(exchange, "Marker");
        String after = marker == null ? null : decodeMarker(marker);
        List<FunctionVersion> all = f.allVersions();
        int from = 0;
        if (after != null) {
            while (from < all.size() && !all.get(from).version().equals(after)) {
                from++;
            }
            from++; // a marker whose version was deleted since ends the list
        }
        JsonArrayBuilder versions = Jsons.PROVIDER.createArrayBuilder();
        int to = Math.min(all.size(), from + size);
        for (FunctionVersion v : all.subList(Math.min(from, all.size()), to)) {
            versions.add(v.toJson(v.qualifiedArn(), false));
        }
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder().add("Versions", versions);
        if (to < all.size()) {
            out.add("NextMarker", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(all.get(to - 1).version().getBytes(StandardCharsets.UTF_8)));
        }
        Exchanges.json(exchange, 200, out.build());
    }

    /** UpdateFunctionCode from {@code ZipFile}, with {@code Publish}, {@code DryRun} and {@code RevisionId}. */
    void updateCode(HttpServerExchange exchange, String name, byte[] body) {
        LambdaFunction f = function(FunctionNames.functionName(name), null);
        JsonObject req = Jsons.object(body);
        String revisionId = FunctionsEndpoint.string(req, "RevisionId", null);
        byte[] bytes = CreateFunctionLimits.zipFile(FunctionsEndpoint.string(req, "ZipFile", null), "ZipFile");
        f.checkUpdatable(revisionId); // before unpacking: a refused update costs nothing
        if (req.getBoolean("DryRun", false)) {
            Exchanges.json(exchange, 200, f.latest().toJson());
            return;
        }
        FunctionCode code = FunctionCode.fromZip(bytes, registry.workDir());
        FunctionVersion updated;
        try {
            updated = f.update(revisionId, spec -> { }, code);
        } catch (RuntimeException e) {
            code.close();
            throw e;
        }
        // with Publish, AWS answers the new version, Pending until the code is ready
        FunctionVersion answer = req.getBoolean("Publish", false) ? f.publishLatest(null) : updated;
        Exchanges.json(exchange, 200, answer.toJson());
        registry.prepare(f);
    }

    /**
     * UpdateFunctionConfiguration: Role, Handler, Description, Timeout, MemorySize, Environment, Runtime, with
     * {@code RevisionId}; other members are accepted and ignored.
     */
    void updateConfiguration(HttpServerExchange exchange, String name, byte[] body) {
        JsonObject req = Jsons.object(body);
        ConfigurationRequest configuration = ConfigurationRequest.read(req);
        // the request's own members checked with the name, before the function is looked up: a refused request
        // changes nothing; the settings it keeps were checked when they were set
        LambdaFunction f = function(FunctionNames.functionName(name), configuration.check(new Violations()));
        FunctionVersion updated = f.update(FunctionsEndpoint.string(req, "RevisionId", null), spec -> {
            configuration.applyTo(spec);
            Runtimes.check(spec.runtime);
            CreateFunctionLimits.checkEnvironment(spec.environment);
        }, null);
        Exchanges.json(exchange, 200, updated.toJson());
        registry.prepare(f);
    }

    /**
     * The function named in the path; the name's violations and those of the request's other members (null: none) are
     * reported together, before the function is looked up, as Lambda's front end does.
     */
    private LambdaFunction function(FunctionNames.Ref ref, Violations others) {
        return registry.get(registry.reachable(FunctionNames.checked(ref, null, others)).name);
    }

    private static String decodeMarker(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Invalid marker: " + marker);
        }
    }
}
