package io.lambdajca.local.http;

import java.util.List;
import java.util.Map;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.FunctionNames;
import io.lambdajca.local.runtime.FunctionRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A CreateFunction request, read and checked in the order Lambda answers it: first the service model's constraints on
 * all its members, every violation in one ValidationException, as Lambda's front end reports them; then, one at a
 * time, a bare name over 64 characters, the name's region and account, Runtime and Handler, the environment's size,
 * the tags and the code. These are the checks of the name and settings {@link FunctionRegistry#create} relies on; the
 * runtime itself is checked there.
 */
final class CreateFunctionRequest {

    /** Model shape Architecture, in the order AWS lists it (recorded: "uppercase_architecture"). */
    private static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");

    final FunctionRegistry.Spec spec;
    final byte[] zip;
    final Map<String, String> tags;
    final boolean publish;

    private CreateFunctionRequest(FunctionRegistry.Spec spec, byte[] zip, Map<String, String> tags, boolean publish) {
        this.spec = spec;
        this.zip = zip;
        this.tags = tags;
        this.publish = publish;
    }

    static CreateFunctionRequest read(byte[] body, FunctionRegistry registry) {
        JsonObject req = Jsons.object(body);
        ConfigurationRequest configuration = ConfigurationRequest.read(req);
        FunctionRegistry.Spec spec = configuration.applyTo(new FunctionRegistry.Spec());
        String name = FunctionsEndpoint.string(req, "FunctionName", null);
        JsonObject code = FunctionsEndpoint.object(req, "Code");
        // the model's required members and constraints, reported together before anything else
        Violations violations = configuration.check(new Violations())
                .required(spec.role, "role")
                .required(code, "code");
        checkArchitectures(req.get("Architectures"), violations);
        spec.tenancy = TenancyRequests.ofCreate(req, violations);
        if (name == null) {
            throw violations.required(null, "functionName").exception();
        }
        spec.name = registry.reachable(FunctionNames.checkCreatable(name, violations)).name;
        if (FunctionsEndpoint.string(req, "Runtime", null) == null || spec.handler == null) {
            // AWS's answer to a package (zip) function without either; local-lambda takes packages only
            throw ApiException.invalidParameter(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        CreateFunctionLimits.checkEnvironment(spec.environment);
        Map<String, String> tags = TagsEndpoint.ofCreate(req);
        return new CreateFunctionRequest(spec, zip(code), tags, req.getBoolean("Publish", false));
    }

    /**
     * Adds the violations of {@code Architectures} (null: absent), model shape ArchitecturesList: exactly one
     * architecture, each of the enum (recorded: test_lambda_api.snapshot.json,
     * TestLambdaFunction::test_create_lambda_exceptions, "multiple_architectures" and "uppercase_architecture").
     */
    private static void checkArchitectures(JsonValue architectures, Violations violations) {
        if (architectures == null || architectures.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (architectures.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.invalidContent("Field Architectures must be an array");
        }
        List<String> values = architectures.asJsonArray().stream()
                .map(v -> v instanceof JsonString ? ((JsonString) v).getString() : null).toList();
        violations.size(values, "architectures", 1, 1);
        if (values.stream().anyMatch(v -> v == null || !ARCHITECTURES.contains(v))) {
            // the constraints of the list's members, quoted together (null elements included)
            violations.add(values.toString(), "architectures", "Member must satisfy constraint: [Member must "
                    + "satisfy enum value set: [" + String.join(", ", ARCHITECTURES) + "], Member must not be null]");
        }
    }

    /** The package of {@code Code}: local-lambda takes it as {@code ZipFile} only. */
    private static byte[] zip(JsonObject code) {
        return CreateFunctionLimits.zipFile(FunctionsEndpoint.string(code, "ZipFile", null), "Code.ZipFile");
    }
}
