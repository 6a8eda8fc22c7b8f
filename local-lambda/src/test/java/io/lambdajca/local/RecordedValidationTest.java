package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.lambdajca.local.testing.LargeResponseHandler;
import io.lambdajca.testfunctions.Handlers;
import jakarta.json.JsonObject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The local endpoint's validations and messages against what AWS answered, as recorded in LocalStack's AWS-validated
 * snapshots (tests/aws/services/lambda_/*.snapshot.json; ids, ARNs' account and dates differ, the rest must not).
 * Each assertion cites the recorded answer it reproduces. Requests go through the SDK v2 client without retries;
 * where the body keys or a request the SDK cannot send are tested, through a raw request signed as the SDK signs.
 */
class RecordedValidationTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/test";
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    /** The NamespacedFunctionName pattern as AWS quotes it (with the eusc- region prefix). */
    static final String NAMESPACED = "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?"
            + "-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?";
    /** The FunctionName pattern (CreateFunction) as AWS quotes it. */
    static final String FUNCTION_NAME = "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|"
            + "(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final String QUALIFIER = "\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+";
    private static final String A65 = "a".repeat(65);
    private static final String A129 = "a".repeat(129);
    private static final String A170 = "a".repeat(170);

    @TempDir
    static Path workDir;

    private static LocalLambda lambda;
    private static LambdaClient client;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path testClasses = Path.of(LargeResponseHandler.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        lambda = LocalLambda.builder().port(0).workDir(workDir)
                .function(FunctionDefinition.builder("large", LargeResponseHandler.class.getName(), testClasses)
                        .build())
                .build().start();
        client = ApiFixture.noRetryClient(lambda);
        create("echo");
    }

    @AfterAll
    static void stop() {
        client.close();
        lambda.close();
    }

    private static CreateFunctionResponse create(String name) {
        return client.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA21).role(ROLE)
                .handler(Handlers.ECHO).code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes()))));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Names and qualifiers: TestLambdaFunction::test_function_name_and_qualifier_validation[<case>-<operation>]
    // ---------------------------------------------------------------------------------------------------------------

    enum Op { GET_FUNCTION, DELETE_FUNCTION, INVOKE, CREATE_FUNCTION }

    /** One recorded answer: status, code, and either the sorted violations or the message. */
    record Expected(int status, String code, List<String> violations, String message) {
    }

    private static Expected violations(String... items) {
        return new Expected(400, "ValidationException", List.of(items), null);
    }

    private static Expected notFound(String message) {
        return new Expected(404, "ResourceNotFoundException", null, message);
    }

    private static Expected invalidParameter(String message) {
        return new Expected(400, "InvalidParameterValueException", null, message);
    }

    private static String pattern(String value, String member, String pattern) {
        return "Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: " + pattern;
    }

    private static String length(String value, String member, int max) {
        return "Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must have length less "
                + "than or equal to " + max;
    }

    /** Cases whose every operation answers the name's pattern violation. */
    private static void patternCase(List<Arguments> cases, String id, String name) {
        for (Op op : List.of(Op.GET_FUNCTION, Op.DELETE_FUNCTION, Op.INVOKE)) {
            cases.add(Arguments.of(id, op, name, null, violations(pattern(name, "functionName", NAMESPACED))));
        }
        cases.add(Arguments.of(id, Op.CREATE_FUNCTION, name, null,
                violations(pattern(name, "functionName", FUNCTION_NAME))));
    }

    static Stream<Arguments> namesAndQualifiers() {
        List<Arguments> cases = new ArrayList<>();
        patternCase(cases, "invalid_characters_in_function_name", "my-function!");
        patternCase(cases, "function_name_is_single_invalid", "*");
        patternCase(cases, "invalid_account_id_in_partial_arn", "invalid-account:function:my-function");
        patternCase(cases, "invalid_region_in_arn", "arn:aws:lambda:invalid-region:123456789012:function:my-function");
        patternCase(cases, "non_lambda_arn", "arn:aws:ec2:us-east-1:123456789012:instance:i-1234567890abcdef0");
        patternCase(cases, "full_arn_with_multiple_qualifiers", ARN + "my-function:1:2");
        patternCase(cases, "partial_arn_with_extra_qualifier", "function:my-function:$LATEST:extra");
        patternCase(cases, "missing_region_in_arn", "arn:aws:lambda::123456789012:function:my-function");
        patternCase(cases, "missing_account_id_in_arn", "arn:aws:lambda:us-east-1::function:my-function");
        patternCase(cases, "misspelled_latest_in_arn", ARN + "my-function:$LATES");

        for (Op op : List.of(Op.GET_FUNCTION, Op.DELETE_FUNCTION, Op.INVOKE)) {
            cases.add(Arguments.of("invalid_characters_in_qualifier", op, "my-function", "invalid!",
                    violations(pattern("invalid!", "qualifier", QUALIFIER))));
            cases.add(Arguments.of("qualifier_too_long", op, "my-function", A129,
                    violations(length(A129, "qualifier", 128))));
            String longArn = "arn:aws:lambda:invalid-region:123456789012:function:my-function" + A170;
            cases.add(Arguments.of("function_name_too_long_and_invalid_region", op, longArn, null,
                    violations(pattern(longArn, "functionName", NAMESPACED))));
            String longArn2 = "arn:aws:lambda:invalid-region:123456789012:function:my-function-" + A170;
            cases.add(Arguments.of("full_arn_and_qualifier_too_long_and_invalid_region", op, longArn2, A129,
                    violations(length(A129, "qualifier", 128), pattern(longArn2, "functionName", NAMESPACED))));
            cases.add(Arguments.of("latest_version_with_additional_qualifier", op, ARN + "my-function:$LATEST", "1",
                    invalidParameter("The derived qualifier from the function name does not match the specified "
                            + "qualifier.")));
        }
        cases.add(Arguments.of("invalid_characters_in_qualifier", Op.CREATE_FUNCTION, "my-function", "invalid!",
                violations(pattern("my-function:invalid!", "functionName", FUNCTION_NAME))));
        cases.add(Arguments.of("qualifier_too_long", Op.CREATE_FUNCTION, "my-function", A129,
                violations(length("my-function:" + A129, "functionName", 140))));
        String longArn = "arn:aws:lambda:invalid-region:123456789012:function:my-function" + A170;
        cases.add(Arguments.of("function_name_too_long_and_invalid_region", Op.CREATE_FUNCTION, longArn, null,
                violations(length(longArn, "functionName", 140), pattern(longArn, "functionName", FUNCTION_NAME))));
        String longArn2 = "arn:aws:lambda:invalid-region:123456789012:function:my-function-" + A170 + ":" + A129;
        cases.add(Arguments.of("full_arn_and_qualifier_too_long_and_invalid_region", Op.CREATE_FUNCTION,
                "arn:aws:lambda:invalid-region:123456789012:function:my-function-" + A170, A129,
                violations(length(longArn2, "functionName", 140), pattern(longArn2, "functionName", FUNCTION_NAME))));
        cases.add(Arguments.of("latest_version_with_additional_qualifier", Op.CREATE_FUNCTION,
                ARN + "my-function:$LATEST", "1",
                violations(pattern(ARN + "my-function:$LATEST:1", "functionName", FUNCTION_NAME))));

        // a 65-character bare name is simply not found, except by CreateFunction
        cases.add(Arguments.of("function_name_too_long", Op.GET_FUNCTION, A65, null,
                notFound("Function not found: " + ARN + A65)));
        cases.add(Arguments.of("function_name_too_long", Op.DELETE_FUNCTION, A65, null,
                notFound("Function not found: " + ARN + A65)));
        cases.add(Arguments.of("function_name_too_long", Op.INVOKE, A65, null,
                notFound("Function not found: " + ARN + A65 + ":$LATEST")));
        cases.add(Arguments.of("function_name_too_long", Op.CREATE_FUNCTION, A65, null,
                invalidParameter("1 validation error detected: " + length(A65, "functionName", 64))));

        cases.add(Arguments.of("incomplete_arn", Op.GET_FUNCTION, ARN.substring(0, ARN.length() - 1), null,
                notFound("Function not found: " + ARN + "function")));
        cases.add(Arguments.of("incomplete_arn", Op.DELETE_FUNCTION, ARN.substring(0, ARN.length() - 1), null,
                notFound("Function not found: " + ARN + "function")));
        cases.add(Arguments.of("incomplete_arn", Op.INVOKE, ARN.substring(0, ARN.length() - 1), null,
                notFound("Function not found: " + ARN + "function:$LATEST")));

        cases.add(Arguments.of("lowercase_latest_qualifier", Op.GET_FUNCTION, ARN + "my-function", "$latest",
                notFound("Function not found: " + ARN + "my-function:$latest")));
        cases.add(Arguments.of("lowercase_latest_qualifier", Op.INVOKE, ARN + "my-function", "$latest",
                notFound("Function not found: " + ARN + "my-function:$latest")));
        cases.add(Arguments.of("lowercase_latest_qualifier", Op.DELETE_FUNCTION, ARN + "my-function", "$latest",
                notFound("Function not found: " + ARN + "my-function")));
        cases.add(Arguments.of("lowercase_latest_qualifier", Op.CREATE_FUNCTION, ARN + "my-function", "$latest",
                violations(pattern(ARN + "my-function:$latest", "functionName", FUNCTION_NAME))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}-{1}")
    @MethodSource("namesAndQualifiers")
    void namesAndQualifiers_areAnsweredAsRecorded(String id, Op op, String name, String qualifier, Expected expected) {
        LambdaException e = catchThrowableOfType(LambdaException.class, () -> call(op, name, qualifier));
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_function_name_and_qualifier_validation
        // [<id>-<op>], "<op>_exception" (Code and Message, or Code, Count and the sorted Errors)
        assertThat(e).as("%s-%s", id, op).isNotNull();
        assertThat(e.statusCode()).isEqualTo(expected.status());
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(expected.code());
        String message = e.awsErrorDetails().errorMessage();
        if (expected.violations() == null) {
            assertThat(message).isEqualTo(expected.message());
        } else {
            assertViolations(message, expected.violations());
        }
    }

    /** Asserts "N validation error(s) detected: a; b" with the recorded set of violations, in any order. */
    private static void assertViolations(String message, List<String> expected) {
        String prefix = expected.size() + (expected.size() == 1 ? " validation error detected: "
                : " validation errors detected: ");
        assertThat(message).startsWith(prefix);
        assertThat(message.substring(prefix.length()).split("; ")).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void call(Op op, String name, String qualifier) {
        switch (op) {
            case GET_FUNCTION -> client.getFunction(r -> r.functionName(name).qualifier(qualifier));
            case DELETE_FUNCTION -> client.deleteFunction(r -> r.functionName(name).qualifier(qualifier));
            case INVOKE -> client.invoke(r -> r.functionName(name).qualifier(qualifier)
                    .payload(SdkBytes.fromUtf8String("{}")));
            case CREATE_FUNCTION -> client.createFunction(r -> r
                    .functionName(qualifier == null ? name : name + ":" + qualifier).runtime(Runtime.JAVA21)
                    .role(ROLE).handler(Handlers.ECHO)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes()))));
            default -> throw new IllegalArgumentException(op.toString());
        }
    }

    @Test
    void invoke_nameWithAtSign_failsThePattern() {
        String name = "arn:aws:lambda:us-east-1:123400000000@function:myfn";
        LambdaException e = catchThrowableOfType(LambdaException.class, () -> call(Op.INVOKE, name, null));
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_invalid_invoke,
        // "invoke_function_name_pattern_exc"
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: " + pattern(name, "functionName", NAMESPACED));
    }

    @Test
    void modelPatterns_dotsIsoRegionsAndLatestPublished_passTheNamespacedPattern() {
        // model: lambda-service-2.json, NamespacedFunctionName (dots, -iso regions, $LATEST.PUBLISHED) on Invoke and
        // GetFunction; FunctionName (no dots) on CreateFunction
        assertThat(message(() -> client.getFunction(r -> r.functionName("my.function"))))
                .isEqualTo("Function not found: " + ARN + "my.function");
        assertThat(message(() -> create("my.function")))
                .isEqualTo("1 validation error detected: " + pattern("my.function", "functionName", FUNCTION_NAME));
        assertThat(message(() -> client.invoke(r -> r.functionName(
                "arn:aws-iso:lambda:us-iso-east-1:123456789012:function:echo"))))
                .isEqualTo("Functions from 'us-iso-east-1' are not reachable in this region ('us-east-1')");
        assertThat(message(() -> client.invoke(r -> r.functionName("echo:$LATEST.PUBLISHED"))))
                .isEqualTo("Function not found: " + ARN + "echo:$LATEST.PUBLISHED");
        assertThat(message(() -> client.invoke(r -> r.functionName("echo").qualifier("$LATEST.PUBLISHED"))))
                .isEqualTo("Function not found: " + ARN + "echo:$LATEST.PUBLISHED");
    }

    @Test
    void missingFunction_isNamedWithTheQualifierTheOperationLookedFor() {
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_ops_on_nonexisting_fn[get_function],
        // [get_function_configuration], [delete_function], [get_function_concurrency], "not_found_exception"
        assertThat(message(() -> client.getFunction(r -> r.functionName("nope"))))
                .isEqualTo("Function not found: " + ARN + "nope");
        assertThat(message(() -> client.getFunctionConfiguration(r -> r.functionName("nope"))))
                .isEqualTo("Function not found: " + ARN + "nope");
        assertThat(message(() -> client.deleteFunction(r -> r.functionName("nope"))))
                .isEqualTo("Function not found: " + ARN + "nope");
        assertThat(message(() -> client.getFunctionConcurrency(r -> r.functionName("nope"))))
                .isEqualTo("Function not found: " + ARN + "nope");
        // recorded: TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[get_function], "match_exception"
        assertThat(message(() -> client.getFunction(r -> r.functionName(ARN + "some-function:$LATEST")
                .qualifier("$LATEST")))).isEqualTo("Function not found: " + ARN + "some-function:$LATEST");
        // recorded: TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[delete_function], "match_exception"
        assertThat(message(() -> client.deleteFunction(r -> r.functionName(ARN + "echo:$LATEST")
                .qualifier("$LATEST")))).isEqualTo("$LATEST version cannot be deleted without deleting the function.");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Another region or account in an ARN
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void arnOfAnotherRegion_isNotReachable404_onGetInvokeDeleteAndCreate() {
        String other = "arn:aws:lambda:eu-central-1:123456789012:function:echo";
        String expected = "Functions from 'eu-central-1' are not reachable in this region ('us-east-1')";
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_get_function_wrong_region[get_function],
        // [get_function_configuration], [invoke], [delete_function], "wrong_region_exception"
        for (Runnable call : List.<Runnable>of(() -> client.getFunction(r -> r.functionName(other)),
                () -> client.getFunctionConfiguration(r -> r.functionName(other)),
                () -> client.invoke(r -> r.functionName(other)), () -> client.deleteFunction(r -> r.functionName(other)),
                () -> call(Op.CREATE_FUNCTION, "arn:aws:lambda:ap-southeast-1:123456789012:function:new-one", null))) {
            LambdaException e = catchThrowableOfType(LambdaException.class, call::run);
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("Functions from '")
                    .endsWith("' are not reachable in this region ('us-east-1')");
        }
        // recorded: TestLambdaFunction::test_function_arns, "function_arn_other_region_exc"
        assertThat(message(() -> call(Op.CREATE_FUNCTION, "arn:aws:lambda:ap-southeast-1:123456789012:function:x",
                null))).isEqualTo("Functions from 'ap-southeast-1' are not reachable in this region ('us-east-1')");
        assertThat(message(() -> client.getFunction(r -> r.functionName(other)))).isEqualTo(expected);
        assertThat(lambda.hasFunction("echo")).isTrue();
    }

    @Test
    void arnOfAnotherAccount_isAccessDenied403WithoutMessage() {
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_function_arns,
        // "function_arn_other_account_exc" (CreateFunction; Get/Invoke/Delete answer the same here, unrecorded)
        String other = "arn:aws:lambda:us-east-1:210987654321:function:echo";
        for (Runnable call : List.<Runnable>of(() -> call(Op.CREATE_FUNCTION, other, null),
                () -> client.getFunction(r -> r.functionName(other)), () -> client.invoke(r -> r.functionName(other)),
                () -> client.deleteFunction(r -> r.functionName(other)))) {
            LambdaException e = catchThrowableOfType(LambdaException.class, call::run);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isNull();
        }
        assertThat(lambda.hasFunction("echo")).isTrue();
    }

    @Test
    void createFunction_givenAnArnOrPartialArn_createsThePlainName() {
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_function_arns,
        // "create-function-arn-response" and "create-function-partial-arn-response"
        CreateFunctionResponse full = create(ARN + "by-full-arn");
        assertThat(full.functionName()).isEqualTo("by-full-arn");
        assertThat(full.functionArn()).isEqualTo(ARN + "by-full-arn");
        CreateFunctionResponse partial = create("123456789012:function:by-partial-arn");
        assertThat(partial.functionName()).isEqualTo("by-partial-arn");
        assertThat(lambda.hasFunction("by-full-arn")).isTrue();
        assertThat(lambda.hasFunction("by-partial-arn")).isTrue();
    }

    @Test
    void createFunction_invalidNamesOrArnTooLong_areRefusedAsRecorded() {
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_function_arns, "invalid_function_name_exc"
        assertThat(message(() -> create("invalid:function:name"))).isEqualTo("1 validation error detected: "
                + pattern("invalid:function:name", "functionName", FUNCTION_NAME));
        // recorded: TestLambdaFunction::test_function_arns, "long_function_arn_exc"
        String longArn = ARN + "a".repeat(140 - ARN.length() + 1);
        assertThat(message(() -> create(longArn))).isEqualTo("1 validation error detected: "
                + length(longArn, "functionName", 140));
        // recorded: TestLambdaFunction::test_function_arns, "long_function_name_exc": InvalidParameterValueException
        LambdaException e = catchThrowableOfType(LambdaException.class, () -> create(A65));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void deploy_refusesTheNamesAndSettingsCreateFunctionRefuses_inItsWords() {
        // LocalLambda.deploy and CreateFunction's request share one check of the name and settings, an ARN's region
        // and account included
        for (FunctionDefinition refused : List.of(
                FunctionDefinition.builder(A65, Handlers.ECHO, TestFunctions.zip()).build(),
                FunctionDefinition.builder("invalid:function:name", Handlers.ECHO, TestFunctions.zip())
                        .timeoutSeconds(0).memorySizeMb(64).build(),
                FunctionDefinition.builder("arn:aws:lambda:ap-southeast-1:123456789012:function:elsewhere",
                        Handlers.ECHO, TestFunctions.zip()).build(),
                FunctionDefinition.builder("210987654321:function:elsewhere", Handlers.ECHO, TestFunctions.zip())
                        .build())) {
            LambdaException api = catchThrowableOfType(LambdaException.class, () -> client.createFunction(r -> r
                    .functionName(refused.name()).runtime(Runtime.JAVA21).role(ROLE).handler(refused.handler())
                    .timeout(refused.timeoutSeconds()).memorySize(refused.memorySizeMb())
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())))));
            ApiException deployed = catchThrowableOfType(ApiException.class, () -> lambda.deploy(refused));

            assertThat(deployed).as(refused.name()).isNotNull();
            assertThat(deployed.status()).isEqualTo(api.statusCode());
            assertThat(deployed.code()).isEqualTo(api.awsErrorDetails().errorCode());
            assertThat(deployed.getMessage()).isEqualTo(api.awsErrorDetails().errorMessage());
            assertThat(lambda.hasFunction(refused.name())).isFalse();
        }
        assertThat(lambda.hasFunction("elsewhere")).isFalse();
    }

    @Test
    void deploy_givenAnArnOrPartialArn_deploysThePlainName_asCreateFunctionDoes() throws IOException {
        // as createFunction_givenAnArnOrPartialArn_createsThePlainName: the function is named, and invoked, by its name
        lambda.deploy(FunctionDefinition.builder(ARN + "deployed-by-full-arn", Handlers.ECHO, TestFunctions.zip())
                .build());
        lambda.deploy(FunctionDefinition.builder("123456789012:function:deployed-by-partial-arn", Handlers.ECHO,
                TestFunctions.zip()).build());
        for (String name : List.of("deployed-by-full-arn", "deployed-by-partial-arn")) {
            assertThat(lambda.hasFunction(name)).as(name).isTrue();
            assertThat(client.getFunction(r -> r.functionName(name)).configuration().functionArn())
                    .isEqualTo(ARN + name);
            InvokeResponse r = client.invoke(i -> i.functionName(name).payload(SdkBytes.fromUtf8String("[1,2]")));
            assertThat(r.functionError()).isNull();
            assertThat(r.payload().asUtf8String()).isEqualTo("[1,2]");
        }
        assertThat(lambda.hasFunction(ARN + "deployed-by-full-arn")).isFalse();
        // the builder's functions are deployed the same way
        try (LocalLambda built = LocalLambda.builder().port(0).workDir(Files.createTempDirectory(workDir, "built"))
                .function(FunctionDefinition.builder(ARN + "built-by-arn", Handlers.ECHO, TestFunctions.zip())
                        .build())
                .build().start()) {
            assertThat(built.hasFunction("built-by-arn")).isTrue();
            assertThat(built.hasFunction(ARN + "built-by-arn")).isFalse();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // CreateFunction: runtime, role, code and environment
    // ---------------------------------------------------------------------------------------------------------------

    private static LambdaException createWith(String runtime, String role, byte[] zip, Map<String, String> env) {
        return catchThrowableOfType(LambdaException.class, () -> client.createFunction(r -> r
                .functionName("refused").runtime(runtime).role(role).handler(Handlers.ECHO)
                .environment(e -> e.variables(env)).code(c -> c.zipFile(SdkBytes.fromByteArray(zip)))));
    }

    @Test
    void createFunction_unknownRuntime_isRefusedWithTheEnumAwsLists() {
        String accepted = "[nodejs20.x, python3.14, provided.al2023, python3.12, python3.13, nodejs24.x, nodejs22.x, "
                + "java25, python3.10, python3.11, java21, ruby3.3, ruby3.4, ruby3.2, python3.8, python3.9, java17, "
                + "nodejs16.x, dotnet10, dotnet8, java11, dotnet6, nodejs18.x, provided.al2, java8.al2]";
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_create_lambda_exceptions,
        // "invalid_runtime_exc" and "uppercase_runtime_exc"
        for (String runtime : List.of("non-existent-runtime", "PYTHON3.9")) {
            LambdaException e = createWith(runtime, ROLE, TestFunctions.zipBytes(), Map.of());
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Value " + runtime + " at 'runtime' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: " + accepted + " or be a valid ARN");
        }
        assertThat(lambda.hasFunction("refused")).isFalse();
    }

    @Test
    void createFunction_deprecatedRuntime_isNoLongerSupported() {
        // recorded: test_lambda_api.snapshot.json,
        // TestRuntimeValidation::test_create_deprecated_function_runtime_with_validation_enabled[java8] and [go1.x],
        // "deprecation_error"
        for (String runtime : List.of("java8", "go1.x")) {
            LambdaException e = createWith(runtime, ROLE, TestFunctions.zipBytes(), Map.of());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The runtime parameter of " + runtime + " is no "
                    + "longer supported for creating or updating AWS Lambda functions. We recommend you use a "
                    + "supported runtime while creating or updating functions.");
        }
    }

    @Test
    void createFunction_knownRuntimeThatIsNotJava_isRefusedByLocalLambda() {
        // not an AWS answer: local-lambda runs Java handlers only
        LambdaException e = createWith("python3.12", ROLE, TestFunctions.zipBytes(), Map.of());
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("python3.12", "local-lambda", "java21");
    }

    @Test
    void createFunction_badRoleOrZip_areRefusedAsRecorded() {
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_create_lambda_exceptions,
        // "invalid_role_arn_exc"
        assertThat(createWith("java21", "r1", TestFunctions.zipBytes(), Map.of()).awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: " + pattern("r1", "role",
                        "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+"));
        // recorded: TestLambdaFunction::test_create_lambda_exceptions, "invalid_zip_exc"
        LambdaException e = createWith("java21", ROLE,
                "this is not a zipfile, just a random string".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    @Test
    void createFunction_withoutRuntimeOrHandler_isRefusedInAwsWords_afterAMissingRole() {
        // AWS's answer for a package function (users' reports of it through CloudFormation: "(Service: Lambda,
        // Status Code: 400 ...)"); the required Role is checked before it, as the model's members are
        String mandatory = "Runtime and Handler are mandatory parameters for functions created with deployment "
                + "packages.";
        for (boolean runtime : new boolean[] {false, true}) {
            LambdaException e = catchThrowableOfType(LambdaException.class, () -> client.createFunction(r -> {
                r.functionName("refused").role(ROLE).code(c -> c.zipFile(SdkBytes.fromByteArray(
                        TestFunctions.zipBytes())));
                if (runtime) {
                    r.runtime(Runtime.JAVA21);
                } else {
                    r.handler(Handlers.ECHO);
                }
            }));
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(mandatory);
        }
        LambdaException noRole = catchThrowableOfType(LambdaException.class, () -> client.createFunction(r -> r
                .functionName("refused").code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())))));
        assertThat(noRole.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(noRole.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value null at "
                + "'role' failed to satisfy constraint: Member must not be null");
        assertThat(client.listFunctions().functions()).noneMatch(f -> f.functionName().equals("refused"));
    }

    @Test
    void createFunction_environmentOver4Kb_isRefusedQuotingTheStringMeasured() {
        String prefix = "Lambda was unable to configure your environment variables because the environment variables "
                + "you have provided exceeded the 4KB limit. String measured: ";
        // recorded: test_lambda_api.snapshot.json, TestLambdaSizeLimits::test_large_environment_variables_fails,
        // "failed_create_fn_result" (4 KB - 6 bytes of key and value: one byte too many once in JSON)
        String large = "x".repeat(4096 - 6 - "LARGE_VAR".length());
        LambdaException e = createWith("java21", ROLE, TestFunctions.zipBytes(), Map.of("LARGE_VAR", large));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(prefix + "{\"LARGE_VAR\":\"" + large + "\"}");
        // recorded: TestLambdaSizeLimits::test_large_environment_fails_multiple_keys,
        // "failured_create_fn_result_multi_key" (4,097 bytes)
        Map<String, String> two = new LinkedHashMap<>();
        two.put("SMALL_VAR", "ok");
        two.put("LARGE_VAR", "x".repeat(4064));
        assertThat(createWith("java21", ROLE, TestFunctions.zipBytes(), two).awsErrorDetails().errorMessage())
                .isEqualTo(prefix + "{\"SMALL_VAR\":\"ok\",\"LARGE_VAR\":\"" + "x".repeat(4064) + "\"}");
        assertThat(lambda.hasFunction("refused")).isFalse();
        // recorded: TestLambdaSizeLimits::test_lambda_envvars_near_limit_succeeds, "successful_create_fn_result"
        String fits = "x".repeat(4096 - 7 - "LARGE_VAR".length());
        CreateFunctionResponse created = client.createFunction(r -> r.functionName("env-at-limit")
                .runtime(Runtime.JAVA21).role(ROLE).handler(Handlers.ECHO)
                .environment(v -> v.variables(Map.of("LARGE_VAR", fits)))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes()))));
        assertThat(created.environment().variables()).containsEntry("LARGE_VAR", fits);
    }

    @Test
    void createFunction_zipOver50Mb_is413_andTheRequestIsReadWhole() {
        // a stored (uncompressed) entry of random bytes: the ZIP is just over 50 MB, its request about 70 MB
        byte[] zip = storedZip(52_428_800, new Random(1));
        assertThat(zip.length).isGreaterThan(52_428_800);
        LambdaException e = createWith("java21", ROLE, zip, Map.of());
        // recorded: test_lambda_api.snapshot.json, TestLambdaSizeLimits::test_oversized_zipped_create_lambda,
        // "invalid_param_exc"
        assertThat(e.statusCode()).isEqualTo(413);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Zipped size must be smaller than 52428800 bytes");
        assertThat(lambda.hasFunction("refused")).isFalse();
    }

    @Test
    void createFunction_requestOverAwsLimit_is413BeforeAnythingElse() throws Exception {
        long size = 70_167_212L;
        // the body is streamed, not held: the endpoint refuses it on its Content-Length and discards it
        HttpRequest request = HttpRequest.newBuilder(lambda.endpoint().resolve("/2015-03-31/functions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(size)), size))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        // recorded: test_lambda_api.snapshot.json, TestLambdaSizeLimits::test_oversized_request_create_lambda,
        // "invalid_param_exc"
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains("RequestEntityTooLargeException");
        assertThat(json(response.body()).getString("message"))
                .isEqualTo("Request must be smaller than 70167211 bytes for the CreateFunction operation");
    }

    @Test
    void createFunction_zipUnpackingToOver250Mb_isRefused_withoutFillingTheDisk() throws IOException {
        // 250 MB of zeros deflate to a quarter of a megabyte: a small upload that would unpack to the limit
        byte[] bomb = deflatedZip(262_144_000L);
        assertThat(bomb.length).isLessThan(1_000_000);
        LambdaException e = createWith("java21", ROLE, bomb, Map.of());
        // recorded: test_lambda_api.snapshot.json, TestLambdaSizeLimits::test_oversized_unzipped_lambda,
        // "invalid_param_exc" (AWS's case uploads through S3; the limit and the answer are the same)
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unzipped size must be smaller than 262144000 bytes");
        assertThat(lambda.hasFunction("refused")).isFalse();
        try (Stream<Path> files = Files.walk(workDir)) {
            long written = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            assertThat(written).as("bytes left in the work directory").isLessThan(50_000_000L);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Invoke
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void invoke_payloadNotUtf8_isInvalidRequestContent_inJacksonsWords() {
        String location = "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, "
                + "column: ";
        // recorded: test_lambda.snapshot.json,
        // TestLambdaErrors::test_lambda_invoke_payload_encoding_error[body-n\x87r\x9e\xe9\xb5\xd7I\xee\x9bmt],
        // "invoke_function_invalid_payload_body"
        assertThat(invokeRaw(bytes(0x6e, 0x87, 0x72, 0x9e, 0xe9, 0xb5, 0xd7, 0x49, 0xee, 0x9b, 0x6d, 0x74)))
                .isEqualTo("Could not parse request body into json: Could not parse payload into json: Invalid UTF-8 "
                        + "start byte 0x87" + location + "3]");
        // recorded: TestLambdaErrors::test_lambda_invoke_payload_encoding_error[message-\x99\xeb,j\x07\xa1zYh],
        // "invoke_function_invalid_payload_message"
        assertThat(invokeRaw(bytes(0x99, 0xeb, 0x2c, 0x6a, 0x07, 0xa1, 0x7a, 0x59, 0x68)))
                .isEqualTo("Could not parse request body into json: Could not parse payload into json: Unexpected "
                        + "character ((CTRL-CHAR, code 153)): expected a valid value (JSON String, Number, Array, "
                        + "Object or token 'null', 'true' or 'false')" + location + "1]");
    }

    private static String invokeRaw(byte[] payload) {
        LambdaException e = catchThrowableOfType(LambdaException.class,
                () -> client.invoke(r -> r.functionName("echo").payload(SdkBytes.fromByteArray(payload))));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestContentException");
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void invoke_responseOver6Mb_isAFunctionErrorQuotingTheMaximum() {
        // recorded: test_lambda.snapshot.json, TestLambdaBaseFeatures::test_lambda_too_large_response, "invoke_result"
        // and "invoke_result_2" (a 7 MB response, twice: the function keeps working)
        for (int i = 0; i < 2; i++) {
            InvokeResponse r = client.invoke(b -> b.functionName("large").payload(SdkBytes.fromUtf8String("7340032")));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.functionError()).isEqualTo("Unhandled");
            assertThat(r.executedVersion()).isEqualTo("$LATEST");
            JsonObject error = json(r.payload().asUtf8String());
            assertThat(error.getString("errorType")).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(error.getString("errorMessage"))
                    .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
        }
        // the maximum itself is answered
        InvokeResponse fits = client.invoke(b -> b.functionName("large").payload(SdkBytes.fromUtf8String("6291554")));
        assertThat(fits.functionError()).isNull();
        assertThat(fits.payload().asByteArray()).hasSize(6_291_556);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reserved concurrency
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void putFunctionConcurrency_qualifiedArnOrMissingFunction_areRefusedAsRecorded() {
        create("reserving");
        // recorded: test_lambda_api.snapshot.json, TestLambdaReservedConcurrency::test_function_concurrency_exceptions,
        // "put_function_concurrency_with_qualified_arn"
        LambdaException e = catchThrowableOfType(LambdaException.class, () -> client.putFunctionConcurrency(r -> r
                .functionName(ARN + "reserving:$LATEST").reservedConcurrentExecutions(0)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("This operation is permitted on Lambda functions "
                + "only. Aliases and versions do not support this operation. Please specify either a function name or "
                + "an unqualified function ARN.");
        // recorded: test_function_concurrency_exceptions, "put_function_concurrency_with_function_name_doesnotexist"
        // and "put_function_concurrency_with_function_name_doesnotexist_and_invalid_concurrency"
        for (int reserved : new int[] {1, 0}) {
            LambdaException missing = catchThrowableOfType(LambdaException.class, () -> client.putFunctionConcurrency(
                    r -> r.functionName("doesnotexist").reservedConcurrentExecutions(reserved)));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.awsErrorDetails().errorMessage())
                    .isEqualTo("Function not found: " + ARN + "doesnotexist:$LATEST");
        }
    }

    @Test
    void putFunctionConcurrency_leavingLessThan100Unreserved_isRefused() {
        create("reserving-a");
        create("reserving-b");
        String expected = "Specified ReservedConcurrentExecutions for function decreases account's "
                + "UnreservedConcurrentExecution below its minimum value of [100].";
        // recorded: test_lambda_api.snapshot.json, TestLambdaReservedConcurrency::test_function_concurrency_limits,
        // "put_function_concurrency_account_limit_exceeded" (quota + 1) and
        // "put_function_concurrency_below_unreserved_min_value" (the whole quota); the default quota is 1,000
        for (int reserved : new int[] {1001, 1000, 901}) {
            LambdaException e = catchThrowableOfType(LambdaException.class, () -> client.putFunctionConcurrency(r -> r
                    .functionName("reserving-a").reservedConcurrentExecutions(reserved)));
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(expected);
        }
        assertThat(client.putFunctionConcurrency(r -> r.functionName("reserving-a").reservedConcurrentExecutions(900))
                .reservedConcurrentExecutions()).isEqualTo(900);
        // what one function holds counts against another's reservation
        assertThat(catchThrowableOfType(LambdaException.class, () -> client.putFunctionConcurrency(r -> r
                .functionName("reserving-b").reservedConcurrentExecutions(1))).awsErrorDetails().errorMessage())
                .isEqualTo(expected);
        // and a function may change its own reservation within the quota
        client.putFunctionConcurrency(r -> r.functionName("reserving-a").reservedConcurrentExecutions(899));
        assertThat(client.putFunctionConcurrency(r -> r.functionName("reserving-b").reservedConcurrentExecutions(1))
                .reservedConcurrentExecutions()).isEqualTo(1);
        client.deleteFunctionConcurrency(r -> r.functionName("reserving-a"));
        client.deleteFunctionConcurrency(r -> r.functionName("reserving-b"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Error bodies: the keys of each error's shape
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void errorBodies_useTheKeysOfEachErrorsShape() throws Exception {
        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_ops_on_nonexisting_fn[get_function]:
        // ResourceNotFoundException carries "Type" and "Message"
        JsonObject notFound = json(sendSigned("GET", "/2015-03-31/functions/nope", "").body());
        assertThat(notFound.keySet()).containsExactlyInAnyOrder("Type", "Message");
        assertThat(notFound.getString("Type")).isEqualTo("User");
        // recorded: TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[get_function], "not_match_exception":
        // InvalidParameterValueException carries "Type" and a lower-case "message"
        JsonObject invalid = json(sendSigned("GET", "/2015-03-31/functions/"
                + "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aecho%3A1?Qualifier=2", "").body());
        assertThat(invalid.keySet()).containsExactlyInAnyOrder("Type", "message");
        // recorded: TestLambdaReservedConcurrency::test_function_concurrency_limits: that error has no "Type"
        HttpResponse<String> limit = sendSigned("PUT", "/2017-10-31/functions/echo/concurrency",
                "{\"ReservedConcurrentExecutions\":5000}");
        assertThat(json(limit.body()).keySet()).containsExactly("message");
        // ValidationException is no shape of the model: its message alone, as AWS's front end sends it
        HttpResponse<String> validation = sendSigned("GET", "/2015-03-31/functions/bad%21name", "");
        assertThat(validation.statusCode()).isEqualTo(400);
        assertThat(json(validation.body()).keySet()).containsExactly("message");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String message(Runnable call) {
        LambdaException e = catchThrowableOfType(LambdaException.class, call::run);
        assertThat(e).isNotNull();
        return e.awsErrorDetails().errorMessage();
    }

    private static JsonObject json(String text) {
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static HttpResponse<String> sendSigned(String method, String pathAndQuery, String body) throws Exception {
        URI uri = lambda.endpoint().resolve(pathAndQuery);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")).request();
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).method(method, body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(v -> http.header(name, v));
            }
        });
        return HttpClient.newHttpClient().send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A ZIP with one stored entry of {@code size} random bytes. */
    private static byte[] storedZip(int size, Random random) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("random.bin");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(size);
            entry.setCompressedSize(size);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ZIP with one deflated entry of {@code size} zero bytes. */
    private static byte[] deflatedZip(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            for (long left = size; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** An input stream of {@code size} zero bytes, generated as read. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
