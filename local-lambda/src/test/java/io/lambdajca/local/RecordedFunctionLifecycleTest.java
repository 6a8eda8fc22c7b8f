package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.testfunctions.Handlers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartOptimizationStatus;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.StateReasonCode;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * A function's lifecycle as AWS Lambda answers it, case by case against what AWS recorded (LocalStack's AWS-validated
 * snapshots, {@code tests/aws/services/lambda_/test_lambda_api.snapshot.json}, cited at each assertion): the
 * FunctionConfiguration shape, Pending then Active, list shapes, the code download, deletion of versions, publishing,
 * ListVersionsByFunction, UpdateFunctionCode/Configuration (InProgress then Successful) and GetAccountSettings.
 * Identifiers, ARNs and dates are compared modulo their values, as the recordings' placeholders are.
 */
class RecordedFunctionLifecycleTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/test";
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final String CREATING = "The function is being created.";
    private static final int ACCOUNT_CONCURRENCY = 140; // room for a reservation of 5 above the 100 that stay unreserved

    private static final HeldExecutor preparation = new HeldExecutor();
    private static LocalLambda lambda;
    private static LambdaClient client;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.builder().port(0).accountConcurrency(ACCOUNT_CONCURRENCY)
                .preparationExecutor(preparation).build().start();
        client = ApiFixture.noRetryClient(lambda);
    }

    @AfterEach
    void releasePreparation() {
        preparation.release();
    }

    @AfterAll
    static void stop() {
        client.close();
        lambda.close();
        preparation.close();
    }

    private static CreateFunctionResponse create(String name, String handler, byte[] zip,
            java.util.function.Consumer<CreateFunctionRequest.Builder> more) {
        return client.createFunction(r -> {
            r.functionName(name).runtime(Runtime.JAVA21).role(ROLE).handler(handler)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip)));
            more.accept(r);
        });
    }

    private static CreateFunctionResponse createActive(String name, String handler, Map<String, String> env) {
        CreateFunctionResponse created = create(name, handler, TestFunctions.zipBytes(),
                r -> r.environment(e -> e.variables(env)));
        client.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
        return created;
    }

    private static String invoke(String name, String qualifier) {
        InvokeResponse r = client.invoke(b -> b.functionName(name).qualifier(qualifier)
                .payload(SdkBytes.fromUtf8String("{}")));
        return (r.functionError() == null ? "" : r.functionError() + ": ") + r.payload().asUtf8String();
    }

    @Test
    void createFunction_answersPending_withTheRecordedShape_thenBecomesActiveOnItsOwn() {
        preparation.hold();
        CreateFunctionResponse created = create("shape", Handlers.ECHO, TestFunctions.zipBytes(), r -> { });

        // recorded: test_lambda_api.snapshot.json, TestLambdaFunction::test_lambda_code_location_zipfile,
        // "create-response-zip-file": State Pending with its reason, no LastUpdateStatus, no Environment key
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(created.state()).isEqualTo(State.PENDING);
        assertThat(created.stateReason()).isEqualTo(CREATING);
        assertThat(created.stateReasonCode()).isEqualTo(StateReasonCode.CREATING);
        assertThat(created.lastUpdateStatus()).isNull();
        assertThat(created.environment()).isNull();
        assertThat(created.functionArn()).isEqualTo(ARN + "shape");
        assertThat(created.version()).isEqualTo("$LATEST");
        // recorded: same "create-response-zip-file": LoggingConfig, SnapStart, RuntimeVersionConfig and the rest
        assertThat(created.loggingConfig().logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(created.loggingConfig().logGroup()).isEqualTo("/aws/lambda/shape");
        assertThat(created.snapStart().applyOn()).isEqualTo(SnapStartApplyOn.NONE);
        assertThat(created.snapStart().optimizationStatus()).isEqualTo(SnapStartOptimizationStatus.OFF);
        assertThat(created.runtimeVersionConfig().runtimeVersionArn())
                .matches("arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}");
        assertThat(created.ephemeralStorage().size()).isEqualTo(512);
        assertThat(created.architectures()).containsExactly(Architecture.X86_64);
        assertThat(created.packageType()).isEqualTo(PackageType.ZIP);
        assertThat(created.tracingConfig().mode()).isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(created.description()).isEmpty();
        assertThat(created.timeout()).isEqualTo(3);
        assertThat(created.memorySize()).isEqualTo(128);
        assertThat(created.codeSize()).isEqualTo(TestFunctions.zipBytes().length);
        assertThat(created.revisionId()).matches("[0-9a-f-]{36}");

        // model: Invoke's ResourceConflictException; the text is AWS's for an operation on a Pending function
        assertThatThrownBy(() -> invoke("shape", null)).isInstanceOfSatisfying(ResourceConflictException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The operation cannot be performed at this time. "
                    + "The function is currently in the following state: Pending");
        });
        assertThatThrownBy(() -> client.updateFunctionConfiguration(r -> r.functionName("shape").timeout(9)))
                .isInstanceOf(ResourceConflictException.class);

        preparation.release();
        client.waiter().waitUntilFunctionActiveV2(r -> r.functionName("shape"));
        GetFunctionResponse got = client.getFunction(r -> r.functionName("shape"));
        // recorded: TestLambdaFunction::test_lambda_code_location_zipfile, "get-function-response": Active,
        // LastUpdateStatus Successful, no state reason, a new RevisionId
        assertThat(got.configuration().state()).isEqualTo(State.ACTIVE);
        assertThat(got.configuration().stateReason()).isNull();
        assertThat(got.configuration().lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(got.configuration().revisionId()).isNotEqualTo(created.revisionId());
        assertThat(got.configuration().environment()).isNull();
        assertThat(invoke("shape", null)).isEqualTo("{}");
    }

    @Test
    void configuration_hasExactlyTheRecordedMembers_inEachState_andInLists() throws Exception {
        preparation.hold();
        create("members", Handlers.ECHO, TestFunctions.zipBytes(), r -> { });
        Set<String> common = Set.of("Architectures", "CodeSha256", "CodeSize", "Description", "EphemeralStorage",
                "FunctionArn", "FunctionName", "Handler", "LastModified", "LoggingConfig", "MemorySize", "PackageType",
                "RevisionId", "Role", "Runtime", "SnapStart", "Timeout", "TracingConfig", "Version");
        // recorded: TestLambdaFunction::test_lambda_code_location_zipfile, "create-response-zip-file" (and
        // TestLambdaVersions::test_publish_with_update, "get_function_version_result", a Pending version read back)
        assertThat(getJson("/2015-03-31/functions/members").getJsonObject("Configuration").keySet())
                .containsExactlyInAnyOrderElementsOf(union(common, "RuntimeVersionConfig", "State", "StateReason",
                        "StateReasonCode"));
        preparation.release();
        client.waiter().waitUntilFunctionActiveV2(r -> r.functionName("members"));
        // recorded: same test, "get-function-response"
        JsonObject got = getJson("/2015-03-31/functions/members");
        assertThat(got.keySet()).containsExactlyInAnyOrder("Code", "Configuration");
        assertThat(got.getJsonObject("Code").keySet()).containsExactlyInAnyOrder("Location", "RepositoryType");
        assertThat(got.getJsonObject("Configuration").keySet()).containsExactlyInAnyOrderElementsOf(union(common,
                "RuntimeVersionConfig", "State", "LastUpdateStatus"));
        // recorded: TestLambdaVersions::test_publish_version_on_create, "list_versions_result"
        assertThat(getJson("/2015-03-31/functions/members/versions").getJsonArray("Versions").getJsonObject(0)
                .keySet()).containsExactlyInAnyOrderElementsOf(common);
        // recorded: TestLambdaFunction::test_list_functions, "list_default" (there with the Environment it was given)
        JsonObject listed = getJson("/2015-03-31/functions/?MaxItems=50").getJsonArray("Functions")
                .getValuesAs(JsonObject.class).stream().filter(f -> f.getString("FunctionName").equals("members"))
                .findFirst().orElseThrow();
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(common);
    }

    private static Set<String> union(Set<String> common, String... more) {
        Set<String> all = new HashSet<>(common);
        all.addAll(List.of(more));
        return all;
    }

    /** A signed GET through plain HTTP, to read the JSON members themselves rather than the SDK's model of them. */
    private static JsonObject getJson(String pathAndQuery) throws Exception {
        URI uri = lambda.endpoint().resolve(pathAndQuery);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build())
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")).request();
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).GET();
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(v -> http.header(name, v));
            }
        });
        HttpResponse<String> response = HttpClient.newHttpClient().send(http.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    @Test
    void environment_isReportedWhenGiven_evenEmpty() {
        CreateFunctionResponse created = create("withenv", Handlers.ECHO, TestFunctions.zipBytes(),
                r -> r.environment(e -> e.variables(Map.of())));
        // recorded: TestLambdaFunction::test_function_lifecycle, "create_response": "Environment": {"Variables": {}}
        assertThat(created.environment()).isNotNull();
        assertThat(created.environment().variables()).isEmpty();
    }

    @Test
    void listFunctions_leavesOutStateMembers_andWithAllQualifiesLatest() {
        createActive("listed", Handlers.ECHO, Map.of());
        client.publishVersion(r -> r.functionName("listed"));

        FunctionConfiguration entry = client.listFunctionsPaginator(r -> r.maxItems(50)).functions().stream()
                .filter(f -> f.functionName().equals("listed")).findFirst().orElseThrow();
        // recorded: TestLambdaFunction::test_list_functions, "list_default": no State, LastUpdateStatus or
        // RuntimeVersionConfig; the unqualified ARN
        assertThat(entry.state()).isNull();
        assertThat(entry.lastUpdateStatus()).isNull();
        assertThat(entry.runtimeVersionConfig()).isNull();
        assertThat(entry.loggingConfig().logGroup()).isEqualTo("/aws/lambda/listed");
        assertThat(entry.functionArn()).isEqualTo(ARN + "listed");

        List<String> all = client.listFunctionsPaginator(r -> r.functionVersion("ALL").maxItems(1)).functions()
                .stream().filter(f -> f.functionName().equals("listed")).map(FunctionConfiguration::functionArn)
                .collect(Collectors.toList());
        // recorded: TestLambdaFunction::test_list_functions, "list_all": $LATEST as "...:$LATEST", then ":1"
        assertThat(all).containsExactly(ARN + "listed:$LATEST", ARN + "listed:1");

        // recorded: TestLambdaFunction::test_list_functions, "list_functions_invalid_functionversion"
        assertThatThrownBy(() -> client.listFunctions(r -> r.functionVersion("invalid")))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                            + "'invalid' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum "
                            + "value set: [ALL]");
                });
    }

    @Test
    void getFunction_withQualifierLatest_answersTheQualifiedArn() {
        createActive("qualified", Handlers.ECHO, Map.of());
        // recorded: TestLambdaVersions::test_publish_version_on_create, "get_function_latest_result"
        assertThat(client.getFunction(r -> r.functionName("qualified").qualifier("$LATEST")).configuration()
                .functionArn()).isEqualTo(ARN + "qualified:$LATEST");
        assertThat(client.getFunctionConfiguration(r -> r.functionName("qualified").qualifier("$LATEST"))
                .functionArn()).isEqualTo(ARN + "qualified:$LATEST");
        // recorded: same test, "get_function_result": without a qualifier, the unqualified ARN
        assertThat(client.getFunction(r -> r.functionName("qualified")).configuration().functionArn())
                .isEqualTo(ARN + "qualified");
        // recorded: TestLambdaFunction::test_ops_on_nonexisting_version[get_function], "version_not_found_exception"
        assertThatThrownBy(() -> client.getFunction(r -> r.functionName("qualified").qualifier("1221")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: " + ARN + "qualified:1221");
                });
    }

    @Test
    void codeLocation_downloadsTheDeploymentPackage_beforeAndAfterAnUpdate() throws Exception {
        createActive("download", Handlers.ECHO, Map.of());
        GetFunctionResponse got = client.getFunction(r -> r.functionName("download"));
        // recorded: TestLambdaFunction::test_lambda_code_location_zipfile (the test downloads Code.Location and
        // compares it, its SHA-256 and size with the package), "get-function-response": RepositoryType S3
        assertThat(got.code().repositoryType()).isEqualTo("S3");
        byte[] downloaded = download(got.code().location(), 200);
        assertThat(downloaded).isEqualTo(TestFunctions.zipBytes());
        assertThat(sha256(downloaded)).isEqualTo(got.configuration().codeSha256());
        assertThat((long) downloaded.length).isEqualTo(got.configuration().codeSize());

        byte[] other = withoutContextReporter();
        client.updateFunctionCode(r -> r.functionName("download").zipFile(SdkBytes.fromByteArray(other)));
        client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("download"));
        GetFunctionResponse updated = client.getFunction(r -> r.functionName("download"));
        // recorded: same test, "get-function-response-updated": the new package, a new CodeSha256
        assertThat(updated.configuration().codeSha256()).isNotEqualTo(got.configuration().codeSha256());
        byte[] again = download(updated.code().location(), 200);
        assertThat(again).isEqualTo(other);
        assertThat(sha256(again)).isEqualTo(updated.configuration().codeSha256());

        // the URL is the credential: another token finds nothing
        download(got.code().location().replaceAll("/[^/]+$", "/" + "A".repeat(43)), 404);
    }

    @Test
    void codeLocation_ofAFunctionDeployedFromADirectory_downloadsAZipOfItsFiles(@TempDir Path dir) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(TestFunctions.zipBytes()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    Files.createDirectories(dir.resolve(e.getName()).getParent());
                    Files.copy(in, dir.resolve(e.getName()));
                }
            }
        }
        lambda.deploy(FunctionDefinition.builder("exploded", Handlers.ECHO, dir).build());
        GetFunctionResponse got = client.getFunction(r -> r.functionName("exploded"));
        byte[] downloaded = download(got.code().location(), 200);
        assertThat(sha256(downloaded)).isEqualTo(got.configuration().codeSha256());
        assertThat((long) downloaded.length).isEqualTo(got.configuration().codeSize());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(downloaded))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("io/lambdajca/testfunctions/EchoHandler.class");
        assertThat(invoke("exploded", null)).isEqualTo("{}");
    }

    @Test
    void deleteFunction_ofLatest_isRefused_andOfAMissingVersion_succeeds() {
        createActive("deleting", Handlers.ECHO, Map.of());
        // recorded: TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[delete_function], "match_exception"
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("deleting").qualifier("$LATEST")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("$LATEST version cannot be deleted without deleting the function.");
                });
        // recorded: TestLambdaFunction::test_delete_on_nonexisting_version (the test deletes Qualifier "1233" of an
        // existing function twice without an error)
        assertThat(client.deleteFunction(r -> r.functionName("deleting").qualifier("1233")).sdkHttpResponse()
                .statusCode()).isEqualTo(204);
        client.deleteFunction(r -> r.functionName("deleting"));
        // recorded: TestLambdaFunction::test_function_lifecycle, "delete_postdelete"
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("deleting")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + ARN + "deleting"));
        // recorded: same test, "delete_function_response_non_existent_with_qualifier": the unqualified ARN
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("deleting").qualifier("1233")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + ARN + "deleting");
                });
        // $LATEST and an alias are refused before the function is looked up, so also for one that does not exist
        // (recorded: test_ops_with_arn_qualifier_mismatch[delete_function] "match_exception", for "some-function";
        // test_function_name_and_qualifier_validation[function_name_and_qualifier_too_long-delete_function])
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName(ARN + "deleting:$LATEST")
                .qualifier("$LATEST"))).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo(
                                "$LATEST version cannot be deleted without deleting the function."));
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("deleting").qualifier("live")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Deletion of aliases is not currently "
                                + "supported."));
        // "$latest" is neither: the function's absence (recorded: [lowercase_latest_qualifier-delete_function])
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("deleting").qualifier("$latest")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + ARN + "deleting"));
    }

    @Test
    void createFunction_withPublish_answersVersionOne_underTheUnqualifiedArn() {
        preparation.hold();
        CreateFunctionResponse created = create("published", Handlers.ECHO, TestFunctions.zipBytes(),
                r -> r.publish(true));
        // recorded: TestLambdaVersions::test_publish_version_on_create, "create_response": Version "1", FunctionArn
        // unqualified, State Pending
        assertThat(created.version()).isEqualTo("1");
        assertThat(created.functionArn()).isEqualTo(ARN + "published");
        assertThat(created.state()).isEqualTo(State.PENDING);
        preparation.release();
        client.waiter().waitUntilFunctionActiveV2(r -> r.functionName("published"));
        // recorded: same test, "get_function_version_result": version 1 Active under ":1"
        FunctionConfiguration one = client.getFunction(r -> r.functionName("published").qualifier("1"))
                .configuration();
        assertThat(one.functionArn()).isEqualTo(ARN + "published:1");
        assertThat(one.state()).isEqualTo(State.ACTIVE);
        assertThat(invoke("published", "1")).isEqualTo("{}");

        // recorded: same test, "repeated_publish_response": nothing changed, so version 1 again with its own
        // description and revision, not the new description
        String latestBefore = client.getFunction(r -> r.functionName("published")).configuration().revisionId();
        PublishVersionResponse repeated = client.publishVersion(r -> r.functionName("published")
                .description("Repeated version description :)"));
        assertThat(repeated.version()).isEqualTo("1");
        assertThat(repeated.description()).isEmpty();
        assertThat(repeated.revisionId()).isEqualTo(one.revisionId());
        assertThat(repeated.sdkHttpResponse().statusCode()).isEqualTo(201);
        // recorded: same test, "list_versions_result_after_publish": returning the existing version leaves $LATEST's
        // RevisionId as it was
        assertThat(client.getFunction(r -> r.functionName("published")).configuration().revisionId())
                .isEqualTo(latestBefore);
    }

    @Test
    void publishVersion_takesItsOwnDescription_andChecksCodeSha256AndRevisionId() {
        createActive("publishing", Handlers.ECHO, Map.of());
        GetFunctionConfigurationResponse latest = client.getFunctionConfiguration(r -> r.functionName("publishing"));
        // recorded: TestLambdaVersions::test_publish_with_wrong_sha256, "publish_wrong_sha256_exc"
        assertThatThrownBy(() -> client.publishVersion(r -> r.functionName("publishing")
                .codeSha256("somenonexistentsha256"))).isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("CodeSHA256 "
                                    + "(somenonexistentsha256) is different from current CodeSHA256 in $LATEST ("
                                    + latest.codeSha256() + "). Please try again with the CodeSHA256 in $LATEST.");
                        });
        // recorded: TestLambdaVersions::test_publish_with_wrong_revisionid, "publish_wrong_revisionid_exc"
        assertThatThrownBy(() -> client.publishVersion(r -> r.functionName("publishing").revisionId("wrong")))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Revision Id provided does not match "
                            + "the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest "
                            + "Revision Id");
                });
        // recorded: TestLambdaVersions::test_version_lifecycle, "first_publish_response": the version's own
        // description, its qualified ARN, Active and Successful
        PublishVersionResponse first = client.publishVersion(r -> r.functionName("publishing")
                .codeSha256(latest.codeSha256()).revisionId(latest.revisionId())
                .description("First version description :)"));
        assertThat(first.version()).isEqualTo("1");
        assertThat(first.description()).isEqualTo("First version description :)");
        assertThat(first.functionArn()).isEqualTo(ARN + "publishing:1");
        assertThat(first.state()).isEqualTo(State.ACTIVE);
        assertThat(first.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        GetFunctionConfigurationResponse after = client.getFunctionConfiguration(r -> r.functionName("publishing"));
        assertThat(after.description()).isEmpty();
        // recorded: TestLambdaRevisions::test_function_revisions_version_and_alias, "get_function_latest_rev3": a new
        // version gives $LATEST a new RevisionId, not the version's
        assertThat(after.revisionId()).isNotIn(latest.revisionId(), first.revisionId());
        // so the RevisionId read before the publish no longer matches (412, as for any stale RevisionId)
        assertThatThrownBy(() -> client.updateFunctionConfiguration(r -> r.functionName("publishing")
                .revisionId(latest.revisionId()).timeout(9))).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void listVersionsByFunction_pagesThroughLatestThenTheVersions_withoutStateMembers() {
        createActive("versions", Handlers.ECHO, Map.of());
        client.publishVersion(r -> r.functionName("versions"));
        client.updateFunctionConfiguration(r -> r.functionName("versions").description("Second version :))"));
        client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("versions"));
        client.publishVersion(r -> r.functionName("versions"));

        ListVersionsByFunctionResponse page = client.listVersionsByFunction(r -> r.functionName("versions")
                .maxItems(1));
        assertThat(page.versions()).hasSize(1);
        assertThat(page.nextMarker()).isNotBlank();
        List<FunctionConfiguration> all = client.listVersionsByFunctionPaginator(r -> r.functionName("versions")
                .maxItems(1)).versions().stream().collect(Collectors.toList());
        // recorded: TestLambdaVersions::test_version_lifecycle, "list_versions_result_after_third_publish": $LATEST
        // under ":$LATEST" then each version under its number; no State, LastUpdateStatus or RuntimeVersionConfig
        assertThat(all).extracting(FunctionConfiguration::functionArn)
                .containsExactly(ARN + "versions:$LATEST", ARN + "versions:1", ARN + "versions:2");
        assertThat(all).extracting(FunctionConfiguration::description)
                .containsExactly("Second version :))", "", "Second version :))");
        assertThat(all).allSatisfy(v -> {
            assertThat(v.state()).isNull();
            assertThat(v.lastUpdateStatus()).isNull();
            assertThat(v.runtimeVersionConfig()).isNull();
        });
        assertThatThrownBy(() -> client.listVersionsByFunction(r -> r.functionName("no-such-versions")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updateFunctionConfiguration_isInProgress_thenSuccessful_andOnlyLatestRunsTheNewConfiguration() {
        createActive("configured", Handlers.REPORTER, Map.of("GREETING", "Bonjour"));
        client.publishVersion(r -> r.functionName("configured"));
        String before = client.getFunctionConfiguration(r -> r.functionName("configured")).revisionId();

        // recorded: TestLambdaRevisions::test_function_revisions_basic,
        // "update_function_configuration_revision_exception"
        assertThatThrownBy(() -> client.updateFunctionConfiguration(r -> r.functionName("configured")
                .revisionId("wrong").timeout(9))).isInstanceOfSatisfying(PreconditionFailedException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(412));

        preparation.hold();
        UpdateFunctionConfigurationResponse updated = client.updateFunctionConfiguration(r -> r
                .functionName("configured").revisionId(before).description("Changed-Description").memorySize(512)
                .timeout(10).environment(e -> e.variables(Map.of("GREETING", "Hola"))));
        // recorded: TestLambdaFunction::test_function_lifecycle, "update_func_conf_response": the new settings,
        // State Active, LastUpdateStatus InProgress with AWS's reason, a new RevisionId
        assertThat(updated.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(updated.state()).isEqualTo(State.ACTIVE);
        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(updated.lastUpdateStatusReason()).isEqualTo(CREATING);
        // the SDK's enum lacks "Creating", which AWS sends nonetheless
        assertThat(updated.lastUpdateStatusReasonCodeAsString()).isEqualTo("Creating");
        assertThat(updated.description()).isEqualTo("Changed-Description");
        assertThat(updated.memorySize()).isEqualTo(512);
        assertThat(updated.timeout()).isEqualTo(10);
        assertThat(updated.environment().variables()).containsEntry("GREETING", "Hola");
        assertThat(updated.revisionId()).isNotEqualTo(before);

        // recorded: TestLambdaFunction::test_lambda_concurrent_config_updates, "update-during-in-progress-update-exc"
        assertThatThrownBy(() -> client.updateFunctionConfiguration(r -> r.functionName("configured").timeout(11)))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The operation cannot be performed at "
                            + "this time. An update is in progress for resource: " + ARN + "configured");
                });
        // while the update is in progress, $LATEST still runs the configuration before it
        assertThat(invoke("configured", null)).contains("\"greeting\":\"Bonjour\"");

        preparation.release();
        client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("configured"));
        GetFunctionConfigurationResponse after = client.getFunctionConfiguration(r -> r.functionName("configured"));
        // recorded: same test, "get_function_response_postupdate": Successful, no reason, yet another RevisionId
        assertThat(after.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(after.lastUpdateStatusReason()).isNull();
        assertThat(after.revisionId()).isNotIn(before, updated.revisionId());
        assertThat(invoke("configured", null)).contains("\"greeting\":\"Hola\"", "\"memoryLimitInMB\":512");
        assertThat(invoke("configured", "1")).contains("\"greeting\":\"Bonjour\"", "\"memoryLimitInMB\":128");
    }

    @Test
    void updateFunctionCode_runsTheNewCodeOnLatest_whilePublishedVersionsKeepTheirs() throws Exception {
        CreateFunctionResponse created = create("recoded", Handlers.REPORTER, withoutContextReporter(), r -> { });
        client.waiter().waitUntilFunctionActiveV2(r -> r.functionName("recoded"));
        client.publishVersion(r -> r.functionName("recoded"));
        assertThat(invoke("recoded", null)).startsWith("Unhandled: ").contains("ClassNotFoundException");

        preparation.hold();
        UpdateFunctionCodeResponse updated = client.updateFunctionCode(r -> r.functionName("recoded")
                .zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())));
        // recorded: TestLambdaFunction::test_lambda_code_location_zipfile, "update-function-response": the new
        // CodeSha256, InProgress with AWS's reason
        assertThat(updated.codeSha256()).isNotEqualTo(created.codeSha256()).isEqualTo(sha256(TestFunctions.zipBytes()));
        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        // the SDK's enum lacks "Creating", which AWS sends nonetheless
        assertThat(updated.lastUpdateStatusReasonCodeAsString()).isEqualTo("Creating");
        // recorded: TestLambdaFunction::test_lambda_concurrent_code_updates, "update-during-in-progress-update-exc"
        assertThatThrownBy(() -> client.updateFunctionCode(r -> r.functionName("recoded")
                .zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes()))))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).endsWith("An update is in progress for resource: "
                                + ARN + "recoded"));
        // recorded: TestLambdaVersions::test_version_lifecycle (publishing during an update is not recorded; AWS
        // refuses changes while one is in progress, and so does the endpoint)
        assertThatThrownBy(() -> client.publishVersion(r -> r.functionName("recoded")))
                .isInstanceOf(ResourceConflictException.class);

        preparation.release();
        client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("recoded"));
        assertThat(invoke("recoded", null)).contains("\"functionName\":\"recoded\"");
        assertThat(invoke("recoded", "1")).startsWith("Unhandled: ");

        // recorded: TestLambdaRevisions::test_function_revisions_basic, "update_function_revision_exception"
        assertThatThrownBy(() -> client.updateFunctionCode(r -> r.functionName("recoded").revisionId("wrong")
                .zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes()))))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void updateFunctionCode_withPublish_answersTheNewVersion_PendingUntilReady() {
        createActive("republished", Handlers.ECHO, Map.of());
        preparation.hold();
        UpdateFunctionCodeResponse published = client.updateFunctionCode(r -> r.functionName("republished")
                .publish(true).zipFile(SdkBytes.fromByteArray(withoutContextReporter())));
        // recorded: TestLambdaVersions::test_publish_with_update, "update_function_code_result": version 1 under
        // ":1", State Pending with its reason, no LastUpdateStatus
        assertThat(published.version()).isEqualTo("1");
        assertThat(published.functionArn()).isEqualTo(ARN + "republished:1");
        assertThat(published.state()).isEqualTo(State.PENDING);
        assertThat(published.stateReasonCode()).isEqualTo(StateReasonCode.CREATING);
        assertThat(published.lastUpdateStatus()).isNull();
        // recorded: same test, "get_function_latest_result": $LATEST Active, its update InProgress
        FunctionConfiguration latest = client.getFunction(r -> r.functionName("republished").qualifier("$LATEST"))
                .configuration();
        assertThat(latest.state()).isEqualTo(State.ACTIVE);
        assertThat(latest.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        preparation.release();
        client.waiter().waitUntilPublishedVersionActive(r -> r.functionName("republished").qualifier("1"));
        assertThat(invoke("republished", "1")).isEqualTo("{}");
    }

    @Test
    void getAccountSettings_reportsTheEndpointsConcurrency_andUsage() {
        createActive("accounted", Handlers.ECHO, Map.of());
        client.putFunctionConcurrency(r -> r.functionName("accounted").reservedConcurrentExecutions(5));
        GetAccountSettingsResponse settings = client.getAccountSettings(r -> { });
        // recorded: TestLambdaAccountSettings::test_account_settings, "acc_settings_modded": these members exactly
        assertThat(settings.accountLimit().concurrentExecutions()).isEqualTo(ACCOUNT_CONCURRENCY);
        assertThat(settings.accountLimit().unreservedConcurrentExecutions()).isEqualTo(ACCOUNT_CONCURRENCY - 5);
        assertThat(settings.accountLimit().codeSizeZipped()).isEqualTo(52_428_800L);
        assertThat(settings.accountLimit().codeSizeUnzipped()).isEqualTo(262_144_000L);
        assertThat(settings.accountLimit().totalCodeSize()).isEqualTo(80_530_636_800L);
        List<FunctionConfiguration> functions = client.listFunctionsPaginator(r -> { }).functions().stream()
                .collect(Collectors.toList());
        assertThat(settings.accountUsage().functionCount()).isEqualTo(functions.size());
        assertThat(settings.accountUsage().totalCodeSize()).isGreaterThanOrEqualTo(
                functions.stream().mapToLong(FunctionConfiguration::codeSize).sum());
        client.deleteFunctionConcurrency(r -> r.functionName("accounted"));
    }

    @Test
    void getAccountSettings_countsTheCodeOfLatest_andOfEachPublishedVersion() {
        long before = totalCodeSize();
        long size = createActive("sized", Handlers.ECHO, Map.of()).codeSize();
        // recorded: TestLambdaAccountSettings::test_account_settings_total_code_size,
        // "total_code_size_diff_create_function": the package's size (276 for its 276-byte zip)
        long created = totalCodeSize();
        assertThat(created - before).isEqualTo(size);

        client.updateFunctionCode(r -> r.functionName("sized").publish(true)
                .zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())));
        // recorded: same test, "total_code_size_diff_update_function": the same zip again with Publish=True adds its
        // size once more, at once (version 1 counts besides $LATEST)
        long republished = totalCodeSize();
        assertThat(republished - created).isEqualTo(size);
        client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("sized"));

        client.updateFunctionConfiguration(r -> r.functionName("sized").description("configured"));
        client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("sized"));
        // recorded: TestLambdaAccountSettings::test_account_settings_total_code_size_config_update,
        // "total_code_size_diff_update_function_configuration": 0
        long configured = totalCodeSize();
        assertThat(configured).isEqualTo(republished);

        client.publishVersion(r -> r.functionName("sized"));
        // recorded: same test, "is_total_code_size_diff_publish_version_after_config_update_more_than_200": true for
        // a package of about 368 bytes, i.e. the unchanged code counts again for version 2
        assertThat(totalCodeSize() - configured).isEqualTo(size);
    }

    private static long totalCodeSize() {
        return client.getAccountSettings(r -> { }).accountUsage().totalCodeSize();
    }

    private static byte[] download(String location, int expectedStatus) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(expectedStatus);
        return r.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The test functions' package without the ContextReporter class: another package, whose REPORTER fails. */
    private static byte[] withoutContextReporter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(TestFunctions.zipBytes()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().endsWith("ContextReporter.class")) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Runs preparations on a thread of its own, or holds them while a test looks at Pending and InProgress. */
    private static final class HeldExecutor implements Executor, AutoCloseable {
        private final ExecutorService runner = Executors.newSingleThreadExecutor();
        private final List<Runnable> held = new ArrayList<>();
        private boolean holding;

        @Override
        public synchronized void execute(Runnable task) {
            if (holding) {
                held.add(task);
            } else {
                runner.execute(task);
            }
        }

        synchronized void hold() {
            holding = true;
        }

        synchronized void release() {
            holding = false;
            held.forEach(runner::execute);
            held.clear();
        }

        @Override
        public void close() {
            runner.shutdownNow();
        }
    }
}
