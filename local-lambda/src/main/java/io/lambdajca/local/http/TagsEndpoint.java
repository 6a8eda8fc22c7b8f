package io.lambdajca.local.http;

import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.FunctionTags;
import io.lambdajca.local.runtime.LambdaFunction;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Tag operations on function ARNs ({@code /2017-03-31/tags/{ARN}}): TagResource (POST), ListTags (GET),
 * UntagResource (DELETE, {@code tagKeys} repeated in the query). Only unqualified function ARNs carry tags, as on
 * Lambda; the other taggable resources of the model (code signing configs, event source mappings, capacity providers)
 * do not exist here.
 */
public final class TagsEndpoint {

    /**
     * Model shape TaggableResource, as AWS quotes it in its error (with the {@code (eusc-)?} and {@code layer:} parts
     * of the recorded answer: test_lambda_api.snapshot.json, test_tag_exceptions, "tag_lambda_invalidarn").
     */
    static final String RESOURCE_PATTERN = "arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?"
            + "-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|"
            + "code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)";
    private static final Pattern RESOURCE = Pattern.compile(RESOURCE_PATTERN);
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:[^:]+:lambda:[^:]+:\\d{12}:function:([a-zA-Z0-9-_]+)(:[^:]+)?");

    private final FunctionRegistry registry;

    TagsEndpoint(FunctionRegistry registry) {
        this.registry = registry;
    }

    void handle(HttpServerExchange exchange, String resource, byte[] body) {
        HttpString method = exchange.getRequestMethod();
        if (method.equals(Methods.POST)) {
            tag(exchange, resource, body);
        } else if (method.equals(Methods.GET)) {
            LambdaFunction f = function(resource);
            JsonObjectBuilder tags = Jsons.PROVIDER.createObjectBuilder();
            f.tags().snapshot().forEach(tags::add);
            Exchanges.json(exchange, 200, Jsons.PROVIDER.createObjectBuilder().add("Tags", tags).build());
        } else if (method.equals(Methods.DELETE)) {
            Deque<String> keys = exchange.getQueryParameters().get("tagKeys");
            if (keys == null || keys.isEmpty()) {
                // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions, "untag_empty_keys"
                throw new Violations().required(null, "tagKeys").exception();
            }
            function(resource).tags().untag(keys);
            Exchanges.empty(exchange, 204);
        } else {
            throw new ApiException(404, "UnknownOperationException", "Unknown operation " + method + " "
                    + exchange.getRelativePath());
        }
    }

    private void tag(HttpServerExchange exchange, String resource, byte[] body) {
        JsonObject req = Jsons.object(body);
        JsonValue tags = req.get("Tags");
        if (tags == null || tags.getValueType() == JsonValue.ValueType.NULL) {
            throw new Violations().required(null, "tags").exception();
        }
        LambdaFunction f = function(resource);
        // a Tags member that is not an object is refused once the resource is known to exist
        Map<String, String> more = tags(FunctionsEndpoint.object(req, "Tags"));
        if (more.isEmpty()) {
            // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions, "tag_empty_tags"
            throw ApiException.lowerCaseMessage(400, "InvalidParameterValueException",
                    "An error occurred and the request cannot be processed.");
        }
        f.tags().tag(more);
        Exchanges.empty(exchange, 204);
    }

    /** The Tags member of a CreateFunction request, checked against the tag limit before the function exists. */
    static Map<String, String> ofCreate(JsonObject req) {
        JsonObject tags = FunctionsEndpoint.object(req, "Tags");
        if (tags == null) {
            return Map.of();
        }
        Map<String, String> out = tags(tags);
        FunctionTags.checkCount(out.size());
        return out;
    }

    /** Adds GetFunction's {@code Tags} member, which Lambda leaves out when the function has none. */
    static void addTo(JsonObjectBuilder getFunction, LambdaFunction f) {
        Map<String, String> tags = f.tags().snapshot();
        if (!tags.isEmpty()) {
            JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder();
            tags.forEach(out::add);
            getFunction.add("Tags", out);
        }
    }

    private static Map<String, String> tags(JsonObject tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : tags.entrySet()) {
            if (e.getValue().getValueType() != JsonValue.ValueType.STRING) {
                throw ApiException.invalidContent("Tag " + e.getKey() + " must have a string value");
            }
            out.put(e.getKey(), ((JsonString) e.getValue()).getString());
        }
        return out;
    }

    /** The function an unqualified function ARN names; 400 for anything else, 404 when it does not exist. */
    private LambdaFunction function(String resource) {
        new Violations().string(resource, "resource", 1, 256, RESOURCE).throwIfAny(); // model shape TaggableResource
        Matcher m = FUNCTION_ARN.matcher(resource);
        if (!m.matches()) {
            throw ApiException.notFound("local-lambda has functions only; no such resource: " + resource);
        }
        if (m.group(2) != null) {
            // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_versions, "tag_resource_exception"
            throw ApiException.lowerCaseMessage(400, "InvalidParameterValueException",
                    "Tags on function aliases and versions are not supported. Please specify a function ARN.");
        }
        String name = m.group(1);
        if (!registry.exists(name)) {
            throw ApiException.notFound("Function not found: " + resource);
        }
        return registry.get(name);
    }
}
