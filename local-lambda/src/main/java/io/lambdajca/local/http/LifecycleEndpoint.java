package io.lambdajca.local.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.runtime.FunctionCode;
import io.lambdajca.local.runtime.FunctionNames;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.FunctionVersion;
import io.lambdajca.local.runtime.LambdaFunction;
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

    private static final Set<String> RUNTIMES = Set.of("java17", "java21", "java25");
    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]+");

    private final FunctionRegistry registry;

    public LifecycleEndpoint(FunctionRegistry registry) {
        this.registry = registry;
    }

    /** ListVersionsByFunction: $LATEST (under its qualified ARN) then the published versions, 50 at most a page. */
    void listVersions(HttpServerExchange exchange, String name) {
        LambdaFunction f = registry.get(FunctionNames.forInvoke(name).name);
        String maxItems = FunctionsEndpoint.query(exchange, "MaxItems");
        int size = FunctionRegistry.MAX_PAGE;
        if (maxItems != null) {
            int max;
            try {
                max = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("MaxItems must be a number: " + maxItems);
            }
            if (max < 1 || max > 10000) {
                throw ApiException.validation(maxItems, "maxItems", "Member must have value between 1 and 10000");
            }
            size = Math.min(max, size);
        }
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
        LambdaFunction f = registry.get(FunctionNames.forManagement(name).name);
        JsonObject req = Jsons.object(body);
        String revisionId = FunctionsEndpoint.string(req, "RevisionId", null);
        String zip = FunctionsEndpoint.string(req, "ZipFile", null);
        if (zip == null) {
            throw ApiException.invalidParameter("local-lambda accepts code as ZipFile only (no S3 or image)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(zip);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("ZipFile is not valid base64");
        }
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
        LambdaFunction f = registry.get(FunctionNames.forManagement(name).name);
        JsonObject req = Jsons.object(body);
        FunctionVersion updated = f.update(FunctionsEndpoint.string(req, "RevisionId", null), spec -> {
            spec.role = FunctionsEndpoint.string(req, "Role", spec.role);
            spec.handler = FunctionsEndpoint.string(req, "Handler", spec.handler);
            spec.description = FunctionsEndpoint.string(req, "Description", spec.description);
            spec.timeoutSeconds = FunctionsEndpoint.integer(req, "Timeout", spec.timeoutSeconds);
            spec.memorySizeMb = FunctionsEndpoint.integer(req, "MemorySize", spec.memorySizeMb);
            spec.runtime = FunctionsEndpoint.string(req, "Runtime", spec.runtime);
            if (req.get("Environment") instanceof JsonObject) {
                spec.environment = FunctionsEndpoint.environment(req);
                spec.environmentGiven = true;
            }
            check(spec);
        }, null);
        Exchanges.json(exchange, 200, updated.toJson());
        registry.prepare(f);
    }

    /** The limits CreateFunction applies, for the settings an update changes. */
    private static void check(FunctionRegistry.Spec spec) {
        if (!RUNTIMES.contains(spec.runtime)) {
            throw ApiException.invalidParameter("Value " + spec.runtime + " at 'runtime' is not supported by "
                    + "local-lambda, which runs Java handlers only: use one of " + RUNTIMES);
        }
        if (spec.handler.length() > 128 || !HANDLER.matcher(spec.handler).matches()) {
            throw ApiException.validation(spec.handler, "handler",
                    "Member must satisfy regular expression pattern: [^\\s]+");
        }
        if (!ROLE.matcher(spec.role).matches()) {
            throw ApiException.validation(spec.role, "role",
                    "Member must satisfy regular expression pattern: " + ROLE.pattern());
        }
        if (spec.timeoutSeconds < 1 || spec.timeoutSeconds > 900) {
            throw ApiException.validation(Integer.toString(spec.timeoutSeconds), "timeout",
                    "Member must have value between 1 and 900");
        }
        if (spec.memorySizeMb < 128 || spec.memorySizeMb > 10240) {
            throw ApiException.validation(Integer.toString(spec.memorySizeMb), "memorySize",
                    "Member must have value between 128 and 10240");
        }
    }

    private static String decodeMarker(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Invalid marker: " + marker);
        }
    }
}
