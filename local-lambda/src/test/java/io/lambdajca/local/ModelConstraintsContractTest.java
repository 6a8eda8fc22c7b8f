package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.testfunctions.Handlers;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The constraints of Lambda's model (lengths, patterns, ranges, enums, required members) on a request's members,
 * checked as AWS's front end checks them: all of them together, in one ValidationException, before the function is
 * looked up and before anything is created or changed. Each violation's wording is AWS's, as recorded in LocalStack's
 * AWS-validated snapshots where a recording has it (cited), else as users report AWS's answer (cited); the
 * combinations of several violations are not recorded: they are in the model-validation form of the recorded ones
 * ("N validation error(s) detected: Value '...' at 'member' failed to satisfy constraint: ...; ..."), which
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
    /** The role pattern as AWS quotes it (recorded: test_create_lambda_exceptions, "invalid_role_arn_exc"). */
    private static final String ROLE_R1 = "Value 'r1' at 'role' failed to satisfy constraint: Member must satisfy "
            + "regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    /** An alias name of digits only (recorded: test_alias_naming, "create_alias_number_exception"). */
    private static final String ALIAS_2024 = "Value '2024' at 'name' failed to satisfy constraint: Member must satisfy "
            + "regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)";
    /** Model shape VersionWithLatestPublished, quoted as the alias name's pattern is. */
    private static final String VERSION_PATTERN = "(\\$LATEST(\\.PUBLISHED)?|[0-9]+)";
    /** A weight over 1 (recorded: test_notfound_and_invalid_routingconfigs, "routing_config_exc_toohigh"). */
    private static final String WEIGHT_TOO_HIGH = "Value '{2=2.0}' at 'routingConfig.additionalVersionWeights' failed "
            + "to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to "
            + "1.0, Member must have value greater than or equal to 0.0, Member must not be null]";
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

    /** A violation in AWS's words: "Value 'v' at 'member' failed to satisfy constraint: Member must ...". */
    private static String violation(String value, String member, String constraint) {
        return "Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member + "' failed to satisfy "
                + "constraint: Member must " + constraint;
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

    // ---------------------------------------------------------------------------------------------------------------
    // CreateFunction and UpdateFunctionConfiguration
    // ---------------------------------------------------------------------------------------------------------------

    private static void createFunction(Consumer<CreateFunctionRequest.Builder> request) {
        client.createFunction(r -> {
            r.functionName("constrained").runtime(Runtime.JAVA21).role(ApiFixture.ROLE).handler(Handlers.ECHO)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())));
            request.accept(r);
        });
    }

    @Test
    void createFunction_violationsOfSeveralMembers_areReportedTogether_inAwsWords_beforeAnythingIsCreated() {
        // each in AWS's words: the name's and role's recorded (test_function_name_and_qualifier_validation
        // [invalid_characters_in_function_name-create_function], test_create_lambda_exceptions "invalid_role_arn_exc");
        // the handler's, timeout's and memory's as users report AWS's answers ("Value '' at 'handler' ... pattern:
        // [^\s]+", "Value '3000' at 'timeout' ... less than or equal to 900", "Value '5555555' at 'memorySize' ...
        // less than or equal to 10240"); the model's minimums in the form of the recorded ranges
        assertViolations(() -> createFunction(r -> r.functionName("bad!name").role("r1").handler("has space")
                .timeout(0).memorySize(64).description(DESCRIPTION_257)),
                namePattern("bad!name") + RecordedValidationTest.FUNCTION_NAME, ROLE_R1, DESCRIPTION_TOO_LONG,
                violation("has space", "handler", "satisfy regular expression pattern: [^\\s]+"),
                violation("0", "timeout", "have value greater than or equal to 1"),
                violation("64", "memorySize", "have value greater than or equal to 128"));
        assertViolations(() -> createFunction(r -> r.handler("h".repeat(129) + " ").timeout(901).memorySize(10241)),
                violation("h".repeat(129) + " ", "handler", "have length less than or equal to 128"),
                violation("h".repeat(129) + " ", "handler", "satisfy regular expression pattern: [^\\s]+"),
                violation("901", "timeout", "have value less than or equal to 900"),
                violation("10241", "memorySize", "have value less than or equal to 10240"));
        // the required members, absent, together
        assertViolations(() -> createFunction(r -> r.functionName(null).role(null).code((FunctionCode) null)),
                violation(null, "functionName", "not be null"), violation(null, "role", "not be null"),
                violation(null, "code", "not be null"));
        // reported before the ARN's region is looked at (404), before an existing name's 409, and before the runtime
        // (the service's InvalidParameterValueException, recorded: "invalid_runtime_exc")
        assertViolations(() -> createFunction(r -> r.functionName("arn:aws:lambda:eu-west-1:123456789012:function:x")
                .role("r1")), ROLE_R1);
        assertViolations(() -> createFunction(r -> r.functionName("plain").timeout(0)),
                violation("0", "timeout", "have value greater than or equal to 1"));
        assertViolations(() -> createFunction(r -> r.runtime("non-existent-runtime").role("r1")), ROLE_R1);
        assertThat(api.lambda.hasFunction("constrained")).isFalse();
        // the limits themselves are accepted
        assertThat(api.create("at-limits", Handlers.ECHO, r -> r.timeout(900).memorySize(10240)).memorySize())
                .isEqualTo(10240);
    }

    @Test
    void createFunction_architectures_areCheckedAsRecorded_withTheRequestsOtherViolations() {
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_create_lambda_exceptions,
        // "multiple_architectures" and "uppercase_architecture" (whole messages)
        assertThat(error(() -> createFunction(r -> r.architectures(Architecture.X86_64, Architecture.ARM64)))
                .awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '[x86_64, arm64]' at "
                        + "'architectures' failed to satisfy constraint: Member must have length less than or equal "
                        + "to 1");
        String uppercase = "Value '[X86_64]' at 'architectures' failed to satisfy constraint: Member must satisfy "
                + "constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]";
        assertThat(error(() -> createFunction(r -> r.architecturesWithStrings("X86_64"))).awsErrorDetails()
                .errorMessage()).isEqualTo("1 validation error detected: " + uppercase);
        assertViolations(() -> createFunction(r -> r.architecturesWithStrings("X86_64").role("r1")), uppercase,
                ROLE_R1);
        assertThat(api.lambda.hasFunction("constrained")).isFalse();
    }

    @Test
    void updateFunctionConfiguration_violations_areReportedTogether_beforeTheFunctionIsLookedUp() {
        api.create("configured", Handlers.ECHO, r -> { });
        var before = client.getFunctionConfiguration(r -> r.functionName("configured"));
        String[] expected = {ROLE_R1, violation("a b", "handler", "satisfy regular expression pattern: [^\\s]+"),
            violation("0", "timeout", "have value greater than or equal to 1"),
            violation("20000", "memorySize", "have value less than or equal to 10240")};
        for (String name : new String[] {"configured", "missing"}) {
            assertViolations(() -> client.updateFunctionConfiguration(r -> r.functionName(name).role("r1")
                    .handler("a b").timeout(0).memorySize(20000)), expected);
        }
        var after = client.getFunctionConfiguration(r -> r.functionName("configured"));
        assertThat(after.revisionId()).isEqualTo(before.revisionId());
        assertThat(error(() -> client.updateFunctionConfiguration(r -> r.functionName("missing").timeout(900))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Aliases
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void createAlias_violationsOfSeveralMembers_areReportedTogether_beforeTheFunctionIsLookedUp() {
        String[] expected = {ALIAS_2024, WEIGHT_TOO_HIGH, DESCRIPTION_TOO_LONG,
            violation("v1", "functionVersion", "satisfy regular expression pattern: " + VERSION_PATTERN)};
        for (String function : new String[] {"plain", "missing"}) {
            assertViolations(() -> client.createAlias(r -> r.functionName(function).name("2024").functionVersion("v1")
                    .description(DESCRIPTION_257).routingConfig(c -> c.additionalVersionWeights(Map.of("2", 2.0)))),
                    expected);
        }
        // with the name's violation, and the required members absent
        assertViolations(() -> client.createAlias(r -> r.functionName("bad!name").name(null).functionVersion(null)),
                namePattern("bad!name") + RecordedValidationTest.FUNCTION_NAME, violation(null, "name", "not be null"),
                violation(null, "functionVersion", "not be null"));
        // a valid request for a missing function is answered 404 (recorded: test_notfound_and_invalid_routingconfigs,
        // "routing_config_exc_fn_doesnotexist")
        assertThat(error(() -> client.createAlias(r -> r.functionName("missing").name("live").functionVersion("1"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void getUpdateDeleteAlias_violations_areReportedWithTheNamesBeforeTheFunctionIsLookedUp() {
        String name = namePattern("bad!name") + RecordedValidationTest.FUNCTION_NAME;
        assertViolations(() -> client.getAlias(r -> r.functionName("bad!name").name("2024")), name, ALIAS_2024);
        assertViolations(() -> client.deleteAlias(r -> r.functionName("bad!name").name("2024")), name, ALIAS_2024);
        // UpdateAlias: a routing key that is not a version (recorded: test_notfound_and_invalid_routingconfigs,
        // "routing_config_exc_version_latest"), and the others
        String latestKey = "Value '{$LATEST=0.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy "
                + "constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 1024, "
                + "Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: "
                + "[0-9]+]";
        assertViolations(() -> client.updateAlias(r -> r.functionName("missing").name("2024").functionVersion("v1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("$LATEST", 0.5)))), ALIAS_2024, latestKey,
                violation("v1", "functionVersion", "satisfy regular expression pattern: " + VERSION_PATTERN));
        for (Runnable valid : List.<Runnable>of(() -> client.getAlias(r -> r.functionName("missing").name("live")),
                () -> client.updateAlias(r -> r.functionName("missing").name("live").functionVersion("1")),
                () -> client.deleteAlias(r -> r.functionName("missing").name("live")))) {
            assertThat(error(valid)).isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void listAliases_functionVersionAndMaxItems_areReportedTogether_beforeTheFunctionIsLookedUp() {
        assertViolations(() -> client.listAliases(r -> r.functionName("missing").functionVersion("v1").maxItems(0)),
                violation("v1", "functionVersion", "satisfy regular expression pattern: " + VERSION_PATTERN),
                violation("0", "maxItems", "have value greater than or equal to 1"));
        assertViolations(() -> client.listAliases(r -> r.functionName("bad!name").maxItems(10001)),
                namePattern("bad!name") + RecordedValidationTest.FUNCTION_NAME,
                violation("10001", "maxItems", "have value less than or equal to 10000"));
        assertThat(error(() -> client.listAliases(r -> r.functionName("missing").functionVersion("1").maxItems(1))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
