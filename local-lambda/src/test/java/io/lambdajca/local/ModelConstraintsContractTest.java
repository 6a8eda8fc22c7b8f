package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.testfunctions.Handlers;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The constraints of Lambda's model (lengths, patterns, ranges) on a request's members, checked as AWS's front end
 * checks them: all of them together, in one ValidationException, before the function is looked up and before anything
 * is created or changed. No recording gives these answers; they are in the model-validation form of the recorded ones
 * ("N validation error(s) detected: Value '...' at 'member' failed to satisfy constraint: ..."), which
 * {@link RecordedValidationTest} checks against AWS's.
 */
class ModelConstraintsContractTest {

    /** A character outside the BMP: one code point, two UTF-16 units. */
    private static final String EMOJI = "\uD83D\uDE00";
    /** Model shape Description: at most 256 characters, counted as the model counts them (code points). */
    private static final String DESCRIPTION_256 = EMOJI.repeat(256);
    private static final String DESCRIPTION_257 = EMOJI.repeat(257);
    private static final String DESCRIPTION_TOO_LONG = "Value '" + DESCRIPTION_257 + "' at 'description' failed to "
            + "satisfy constraint: Member must have length less than or equal to 256";
    /** Model shape TenantId: 1-256 characters of this pattern. */
    private static final String TENANT_ID_PATTERN = "[a-zA-Z0-9\\._:\\/=+\\-@ ]+";

    private static ApiFixture api;
    private static LambdaClient client;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        client = api.client;
        api.create("plain", Handlers.ECHO, r -> { });
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static LambdaException error(Runnable call) {
        LambdaException e = catchThrowableOfType(LambdaException.class, call::run);
        assertThat(e).as("an error answer").isNotNull();
        return e;
    }

    /** Asserts a 400 ValidationException "N validation error(s) detected: a; b" of these violations, in any order. */
    private static void assertViolations(Runnable call, String... expected) {
        LambdaException e = error(call);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        String prefix = expected.length + (expected.length == 1 ? " validation error detected: "
                : " validation errors detected: ");
        String message = e.awsErrorDetails().errorMessage();
        assertThat(message).startsWith(prefix);
        assertThat(message.substring(prefix.length()).split("; ")).containsExactlyInAnyOrder(expected);
    }

    /** The violation of a name that does not match the pattern (as AWS quotes it: see RecordedValidationTest). */
    private static String namePattern(String name) {
        return "Value '" + name + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: ";
    }

    @Test
    void description_over256CodePoints_isRefusedByCreateFunction_beforeAnythingIsCreated() {
        assertViolations(() -> client.createFunction(r -> r.functionName("described").runtime(Runtime.JAVA21)
                .role(ApiFixture.ROLE).handler(Handlers.ECHO).description(DESCRIPTION_257)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())))), DESCRIPTION_TOO_LONG);
        assertThat(api.lambda.hasFunction("described")).isFalse();
        // reported with the name's violation, in one message
        assertViolations(() -> client.createFunction(r -> r.functionName("bad!name").runtime(Runtime.JAVA21)
                .role(ApiFixture.ROLE).handler(Handlers.ECHO).description(DESCRIPTION_257)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())))),
                DESCRIPTION_TOO_LONG, namePattern("bad!name") + RecordedValidationTest.FUNCTION_NAME);
        assertThat(api.create("described", Handlers.ECHO, r -> r.description(DESCRIPTION_256)).description())
                .isEqualTo(DESCRIPTION_256);
    }

    @Test
    void description_over256CodePoints_isRefusedByUpdateFunctionConfiguration_beforeAnythingChanges() {
        api.create("updated", Handlers.ECHO, r -> r.description("before"));
        var before = client.getFunctionConfiguration(r -> r.functionName("updated"));
        assertViolations(() -> client.updateFunctionConfiguration(r -> r.functionName("updated")
                .description(DESCRIPTION_257)), DESCRIPTION_TOO_LONG);
        var after = client.getFunctionConfiguration(r -> r.functionName("updated"));
        assertThat(after.description()).isEqualTo("before");
        assertThat(after.revisionId()).isEqualTo(before.revisionId());
        // before the function is looked up: a missing function is the same violation, not 404
        assertViolations(() -> client.updateFunctionConfiguration(r -> r.functionName("missing")
                .description(DESCRIPTION_257)), DESCRIPTION_TOO_LONG);
        assertThat(client.updateFunctionConfiguration(r -> r.functionName("updated").description(DESCRIPTION_256))
                .description()).isEqualTo(DESCRIPTION_256);
    }

    @Test
    void description_over256CodePoints_isRefusedByPublishVersion_beforeAVersionIsPublished() {
        api.create("published", Handlers.ECHO, r -> { });
        assertViolations(() -> client.publishVersion(r -> r.functionName("published").description(DESCRIPTION_257)),
                DESCRIPTION_TOO_LONG);
        assertThat(client.listVersionsByFunction(r -> r.functionName("published")).versions())
                .extracting(FunctionConfiguration::version).containsExactly("$LATEST");
        assertViolations(() -> client.publishVersion(r -> r.functionName("missing").description(DESCRIPTION_257)),
                DESCRIPTION_TOO_LONG);
        assertViolations(() -> client.publishVersion(r -> r.functionName("bad!name").description(DESCRIPTION_257)),
                DESCRIPTION_TOO_LONG, namePattern("bad!name") + RecordedValidationTest.FUNCTION_NAME);
        var published = client.publishVersion(r -> r.functionName("published").description(DESCRIPTION_256));
        assertThat(published.version()).isEqualTo("1");
        assertThat(published.description()).isEqualTo(DESCRIPTION_256);
    }

    @Test
    void description_over256CodePoints_isRefusedByCreateAlias() {
        assertViolations(() -> client.createAlias(r -> r.functionName("plain").name("live").functionVersion("$LATEST")
                .description(DESCRIPTION_257)), DESCRIPTION_TOO_LONG);
        assertThat(client.createAlias(r -> r.functionName("plain").name("live").functionVersion("$LATEST")
                .description(DESCRIPTION_256)).description()).isEqualTo(DESCRIPTION_256);
    }

    @Test
    void invoke_malformedTenantIdOrDurableName_isTheModelsViolation_beforeTheFunctionIsLookedUp() {
        String tenant = "Value 'bad#tenant' at 'tenantId' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: " + TENANT_ID_PATTERN;
        assertViolations(() -> invoke(r -> r.functionName("missing").tenantId("bad#tenant")), tenant);
        // with the name's violation, in one message
        assertViolations(() -> invoke(r -> r.functionName("bad!name").tenantId("bad#tenant")), tenant,
                namePattern("bad!name") + RecordedValidationTest.NAMESPACED);
        // model shape DurableExecutionName: 1-64 characters of [a-zA-Z0-9-_]+
        assertViolations(() -> invoke(r -> r.functionName("missing").durableExecutionName("not valid!")),
                "Value 'not valid!' at 'durableExecutionName' failed to satisfy constraint: Member must satisfy "
                        + "regular expression pattern: [a-zA-Z0-9-_]+");
        // what needs the function is answered once it is found
        assertThat(error(() -> invoke(r -> r.functionName("missing").tenantId("blue"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(error(() -> invoke(r -> r.functionName("plain").tenantId("blue"))))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    private static void invoke(Consumer<InvokeRequest.Builder> request) {
        client.invoke(r -> {
            r.payload(SdkBytes.fromUtf8String("{}"));
            request.accept(r);
        });
    }

    @Test
    void listVersionsByFunction_maxItemsOutOfRange_isTheModelsViolation_beforeTheFunctionIsLookedUp() {
        // model shape MaxListItems: 1-10000
        assertViolations(() -> client.listVersionsByFunction(r -> r.functionName("missing").maxItems(0)),
                "Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal "
                        + "to 1");
        assertViolations(() -> client.listVersionsByFunction(r -> r.functionName("bad!name").maxItems(10001)),
                "Value '10001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal "
                        + "to 10000", namePattern("bad!name") + RecordedValidationTest.NAMESPACED);
        assertThat(error(() -> client.listVersionsByFunction(r -> r.functionName("missing").maxItems(1))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(client.listVersionsByFunction(r -> r.functionName("plain").maxItems(10000)).versions())
                .extracting(FunctionConfiguration::version).containsExactly("$LATEST");
    }
}
