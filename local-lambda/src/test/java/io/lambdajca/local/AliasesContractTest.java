package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.testfunctions.Handlers;
import jakarta.json.JsonObject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Aliases as Lambda answers them (CreateAlias, GetAlias, ListAliases, UpdateAlias, DeleteAlias, and aliases as
 * qualifiers of GetFunction, Invoke and DeleteFunction), through the SDK against a running endpoint. Each case cites
 * AWS's recorded answer (LocalStack's AWS-validated snapshots) or the service model's shape.
 */
class AliasesContractTest {

    private static ApiFixture api;
    private static LambdaClient client;

    /** "fn": $LATEST plus versions 1 and 2, for the aliases of each test (names differ per test). */
    @BeforeAll
    static void start() {
        api = new ApiFixture();
        client = api.client;
        api.create("fn", Handlers.COUNTING, r -> { });
        api.publishNew("fn", 1);
        api.publishNew("fn", 2);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static LambdaException error(Runnable call) {
        try {
            call.run();
        } catch (LambdaException e) {
            return e;
        }
        throw new AssertionError("expected an error answer");
    }

    private static JsonObject invoke(String functionName, String qualifier) {
        InvokeResponse r = client.invoke(b -> b.functionName(functionName).qualifier(qualifier)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(r.functionError()).isNull();
        return Jsons.object(r.payload().asByteArray());
    }

    @Test
    void aliasLifecycle_createGetListUpdateDelete() {
        String arn = ApiFixture.ARN_PREFIX + "fn:life1";
        CreateAliasResponse created = client.createAlias(r -> r.functionName("fn").name("life1").functionVersion("1")
                .description("custom-alias").routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.2))));
        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "create_alias_1_1"
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(created.aliasArn()).isEqualTo(arn);
        assertThat(created.name()).isEqualTo("life1");
        assertThat(created.functionVersion()).isEqualTo("1");
        assertThat(created.description()).isEqualTo("custom-alias");
        assertThat(created.revisionId()).isNotBlank();
        assertThat(created.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("2", 0.2));

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "get_alias_1_1" (same as created)
        var got = client.getAlias(r -> r.functionName("fn").name("life1"));
        assertThat(got.aliasArn()).isEqualTo(arn);
        assertThat(got.revisionId()).isEqualTo(created.revisionId());
        assertThat(got.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("2", 0.2));

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "create_alias_1_2", "create_alias_1_3",
        // "create_alias_2": no RoutingConfig member without routing; Description "" when none was given
        var plain = client.createAlias(r -> r.functionName("fn").name("life2").functionVersion("1"));
        assertThat(plain.description()).isEmpty();
        assertThat(plain.routingConfig()).isNull();
        client.createAlias(r -> r.functionName("fn").name("life3").functionVersion("1").description("custom-alias"));
        client.createAlias(r -> r.functionName("fn").name("life4").functionVersion("2").description("custom-alias"));

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "list_aliases_for_fnname" (paged by 1)
        List<String> listed = new ArrayList<>();
        client.listAliasesPaginator(r -> r.functionName("fn").maxItems(1)).aliases()
                .forEach(a -> listed.add(a.name()));
        assertThat(listed).filteredOn(n -> n.startsWith("life")).containsExactly("life1", "life2", "life3", "life4");

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "update_alias_1_1": empty weights remove
        // the routing, and the alias gets a new RevisionId
        var updated = client.updateAlias(r -> r.functionName("fn").name("life1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of())));
        assertThat(updated.routingConfig()).isNull();
        assertThat(updated.functionVersion()).isEqualTo("1");
        assertThat(updated.description()).isEqualTo("custom-alias");
        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "update_alias_1_2": an update without
        // changes still gives a new RevisionId and keeps everything else
        var unchanged = client.updateAlias(r -> r.functionName("fn").name("life2"));
        assertThat(unchanged.revisionId()).isNotEqualTo(plain.revisionId());
        assertThat(unchanged.functionVersion()).isEqualTo("1");

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "list_aliases_for_version" (3 of 4)
        assertThat(client.listAliases(r -> r.functionName("fn").functionVersion("1")).aliases())
                .extracting(AliasConfiguration::name).filteredOn(n -> n.startsWith("life"))
                .containsExactly("life1", "life2", "life3");

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "delete_alias_response",
        // "list_aliases_for_fnname_afterdelete"
        assertThat(client.deleteAlias(r -> r.functionName("fn").name("life1")).sdkHttpResponse().statusCode())
                .isEqualTo(204);
        assertThat(client.listAliases(r -> r.functionName("fn")).aliases()).extracting(AliasConfiguration::name)
                .filteredOn(n -> n.startsWith("life")).containsExactly("life2", "life3", "life4");
    }

    @Test
    void getFunction_withAlias_answersTheAliasedVersionUnderTheAliasArn() {
        client.createAlias(r -> r.functionName("fn").name("getfn").functionVersion("1"));
        var v1 = client.getFunctionConfiguration(r -> r.functionName("fn").qualifier("1"));

        GetFunctionResponse byQualifier = client.getFunction(r -> r.functionName("fn").qualifier("getfn"));
        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "get_function_alias_1_1": FunctionArn is
        // the alias's ARN, Version and RevisionId those of version 1
        assertThat(byQualifier.configuration().functionArn()).isEqualTo(ApiFixture.ARN_PREFIX + "fn:getfn");
        assertThat(byQualifier.configuration().version()).isEqualTo("1");
        assertThat(byQualifier.configuration().revisionId()).isEqualTo(v1.revisionId());

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "get_function_byarn_alias_1_1"
        GetFunctionResponse byArn = client.getFunction(r -> r.functionName(ApiFixture.ARN_PREFIX + "fn:getfn"));
        assertThat(byArn.configuration().functionArn()).isEqualTo(ApiFixture.ARN_PREFIX + "fn:getfn");
        assertThat(byArn.configuration().version()).isEqualTo("1");

        // GetFunctionConfiguration answers the same configuration
        assertThat(client.getFunctionConfiguration(r -> r.functionName("fn").qualifier("getfn")).functionArn())
                .isEqualTo(ApiFixture.ARN_PREFIX + "fn:getfn");

        // recorded: test_lambda_api.snapshot.json, test_alias_lifecycle, "get_function_alias_notfound_exc" and
        // "get_function_alias_byarn_notfound_exc"
        assertThatThrownBy(() -> client.getFunction(r -> r.functionName("fn").qualifier("aliasdoesnotexist")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: "
                                + ApiFixture.ARN_PREFIX + "fn:aliasdoesnotexist"));
        assertThatThrownBy(() -> client.getFunction(r -> r.functionName(ApiFixture.ARN_PREFIX
                + "fn:aliasdoesnotexist"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createAlias_refusesBadRoutingAndMissingVersions_withTheServicesErrors() {
        String fnArn = ApiFixture.ARN_PREFIX + "fn";
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs, "routing_config_exc_toomany"
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn").name("bad").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("1", 0.8, "2", 0.2))))))
                .isInstanceOf(InvalidParameterValueException.class).extracting(e -> e.awsErrorDetails().errorMessage())
                .isEqualTo("Number of items in AdditionalVersionWeights cannot be greater than 1");
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs, "routing_config_exc_toohigh"
        LambdaException tooHigh = error(() -> client.createAlias(r -> r.functionName("fn").name("bad")
                .functionVersion("1").routingConfig(c -> c.additionalVersionWeights(Map.of("2", 2.0)))));
        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(tooHigh.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(tooHigh.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '{2=2.0}' "
                + "at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy "
                + "constraint: [Member must have value less than or equal to 1.0, Member must have value greater than "
                + "or equal to 0.0, Member must not be null]");
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs, "routing_config_exc_subzero"
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn").name("bad").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", -1.0))))).awsErrorDetails().errorMessage())
                .startsWith("1 validation error detected: Value '{2=-1.0}' at 'routingConfig.additionalVersionWeights'");
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs,
        // "routing_config_exc_sameversion"
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn").name("bad").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("1", 0.5))))))
                .isInstanceOf(InvalidParameterValueException.class).extracting(e -> e.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid function version 1. Function version 1 is already included in routing "
                        + "configuration.");
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs,
        // "target_version_doesnotexist" and "routing_config_exc_version_doesnotexist"
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn").name("bad").functionVersion("10")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.5))))))
                .isInstanceOf(ResourceNotFoundException.class).extracting(e -> e.awsErrorDetails().errorMessage())
                .isEqualTo("Function not found: " + fnArn + ":10");
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn").name("bad").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("10", 0.5))))))
                .isInstanceOf(ResourceNotFoundException.class).extracting(e -> e.awsErrorDetails().errorMessage())
                .isEqualTo("Function not found: " + fnArn + ":10");
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs,
        // "target_version_exc_version_latest"
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn").name("bad").functionVersion("$LATEST")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("1", 0.5))))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("$LATEST is not supported for an alias pointing to more than 1 version");
                    assertThat(e.type()).as("no Type in the recorded body").isNull();
                });
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs,
        // "routing_config_exc_version_latest"
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn").name("bad").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("$LATEST", 0.5))))).awsErrorDetails()
                .errorMessage()).isEqualTo("1 validation error detected: Value '{$LATEST=0.5}' at "
                        + "'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy "
                        + "constraint: [Member must have length less than or equal to 1024, Member must have length "
                        + "greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]");
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs,
        // "routing_config_exc_fn_doesnotexist": the message names the version asked for
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn-unknown").name("bad").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.5))))))
                .isInstanceOf(ResourceNotFoundException.class).extracting(e -> e.awsErrorDetails().errorMessage())
                .isEqualTo("Function not found: " + fnArn + "-unknown:1");
        assertThat(client.listAliases(r -> r.functionName("fn")).aliases()).extracting(AliasConfiguration::name)
                .doesNotContain("bad");
    }

    @Test
    void createAlias_toLatest_emptyRouting_duplicates_andMissingAliases() {
        String fnArn = ApiFixture.ARN_PREFIX + "fn";
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs, "create-alias-latest"
        assertThat(client.createAlias(r -> r.functionName("fn").name("custom-latest").functionVersion("$LATEST"))
                .functionVersion()).isEqualTo("$LATEST");
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs,
        // "create_alias_empty_routingconfig": no RoutingConfig in the answer
        assertThat(client.createAlias(r -> r.functionName("fn").name("custom-empty-routingconfig")
                .functionVersion("1").routingConfig(c -> c.additionalVersionWeights(Map.of()))).routingConfig())
                .isNull();
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs, "create_alias_response"
        assertThat(client.createAlias(r -> r.functionName("fn").name("custom").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.5)))).routingConfig()
                .additionalVersionWeights()).isEqualTo(Map.of("2", 0.5));
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs,
        // "routing_config_exc_already_exist"
        assertThatThrownBy(() -> client.createAlias(r -> r.functionName("fn").name("custom").functionVersion("1")))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Alias already exists: " + fnArn
                            + ":custom");
                });
        // recorded: test_lambda_api.snapshot.json, test_notfound_and_invalid_routingconfigs, "alias_does_not_exist_esc"
        assertThatThrownBy(() -> client.getAlias(r -> r.functionName("fn").name("non-existent")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Cannot find alias arn: " + fnArn
                                + ":non-existent"));
        // recorded: test_lambda_api.snapshot.json, test_non_existent_alias_update, "update_alias_response"
        assertThatThrownBy(() -> client.updateAlias(r -> r.functionName("fn").name("non-existent")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Alias not found: " + fnArn + ":non-existent"));
        // recorded: test_lambda_api.snapshot.json, test_non_existent_alias_deletion, "delete_alias_response"
        assertThat(client.deleteAlias(r -> r.functionName("fn").name("non-existent")).sdkHttpResponse().statusCode())
                .isEqualTo(204);
    }

    @Test
    void aliasNames_followTheModelPattern() {
        // recorded: test_lambda_api.snapshot.json, test_alias_naming, "create_alias_date" (and invoked as fn:alias)
        assertThat(client.createAlias(r -> r.functionName("fn").name("2024-01-02").functionVersion("1")).name())
                .isEqualTo("2024-01-02");
        assertThat(invoke("fn:2024-01-02", null).getString("functionVersion")).isEqualTo("1");
        // recorded: test_lambda_api.snapshot.json, test_alias_naming, "create_alias_number_exception"
        LambdaException number = error(() -> client.createAlias(r -> r.functionName("fn").name("2024")
                .functionVersion("1")));
        assertThat(number.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(number.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '2024' at "
                + "'name' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        // model shape Alias: at most 128 characters
        String tooLong = "a".repeat(129);
        assertThat(error(() -> client.createAlias(r -> r.functionName("fn").name(tooLong).functionVersion("1")))
                .awsErrorDetails().errorMessage()).contains("'name'", "length less than or equal to 128");
    }

    @Test
    void updateAlias_withAnOldRevisionId_isPreconditionFailed() {
        var created = client.createAlias(r -> r.functionName("fn").name("revision_alias").functionVersion("1"));
        // recorded: test_lambda_api.snapshot.json, test_function_revisions_version_and_alias,
        // "update_alias_revision_exception"
        assertThatThrownBy(() -> client.updateAlias(r -> r.functionName("fn").name("revision_alias")
                .description("something changed").revisionId("wrong")))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Revision Id provided does not "
                            + "match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest "
                            + "Revision Id");
                });
        // recorded: test_lambda_api.snapshot.json, test_function_revisions_version_and_alias,
        // "update_alias_response_rev_a2"
        var updated = client.updateAlias(r -> r.functionName("fn").name("revision_alias")
                .description("something changed").revisionId(created.revisionId()));
        assertThat(updated.description()).isEqualTo("something changed");
        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
    }

    @Test
    void invokingAnAlias_runsItsVersion_andTheFunctionSeesTheAliasArn() {
        client.createAlias(r -> r.functionName("fn").name("live").functionVersion("2"));
        client.createAlias(r -> r.functionName("fn").name("edge").functionVersion("$LATEST"));
        for (String[] call : new String[][] {{"fn", "live"}, {"fn:live", null},
                {ApiFixture.ARN_PREFIX + "fn:live", null}}) {
            InvokeResponse r = client.invoke(b -> b.functionName(call[0]).qualifier(call[1])
                    .payload(SdkBytes.fromUtf8String("{}")));
            // model: InvocationResponse.ExecutedVersion, "the version of the function that executed"
            assertThat(r.executedVersion()).isEqualTo("2");
            JsonObject seen = Jsons.object(r.payload().asByteArray());
            assertThat(seen.getString("functionVersion")).isEqualTo("2");
            assertThat(seen.getString("invokedFunctionArn")).isEqualTo(ApiFixture.ARN_PREFIX + "fn:live");
        }
        InvokeResponse latest = client.invoke(b -> b.functionName("fn").qualifier("edge")
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(latest.executedVersion()).isEqualTo("$LATEST");
        assertThatThrownBy(() -> client.invoke(b -> b.functionName("fn").qualifier("nolias")
                .payload(SdkBytes.fromUtf8String("{}")))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invokingAnAliasWithRouting_sendsTheWeightedShareToTheAdditionalVersion() {
        client.createAlias(r -> r.functionName("fn").name("canary").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.3))));
        int invocations = 1000;
        int onVersion2 = 0;
        for (int i = 0; i < invocations; i++) {
            InvokeResponse r = client.invoke(b -> b.functionName("fn:canary").payload(SdkBytes.fromUtf8String("{}")));
            assertThat(r.executedVersion()).isIn("1", "2");
            if ("2".equals(r.executedVersion())) {
                onVersion2++;
            }
        }
        // binomial(1000, 0.3): mean 300, standard deviation 14.5; 220-380 is more than 5 deviations either side
        assertThat(onVersion2).isBetween(220, 380);
    }

    @Test
    void deleteFunction_refusesAliasesAndVersionsAnAliasReferences() {
        api.create("deletable", Handlers.ECHO, r -> { });
        api.publishNew("deletable", 1);
        client.createAlias(r -> r.functionName("deletable").name("live").functionVersion("1"));
        // recorded: test_lambda_api.snapshot.json, test_function_name_and_qualifier_validation[...-delete_function],
        // "delete_function_exception"
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("deletable").qualifier("live")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Deletion of aliases is not currently "
                                + "supported."));
        // not recorded in the snapshots: AWS's text as users quote it (cloud-custodian/cloud-custodian#6739,
        // karl-cardenas-coding/go-lambda-cleanup#45); the API reference: "You can't delete a version that an alias
        // references."
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("deletable").qualifier("1")))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Unable to delete version because the "
                                + "following aliases reference it: [live]"));
        client.deleteAlias(r -> r.functionName("deletable").name("live"));
        client.deleteFunction(r -> r.functionName("deletable").qualifier("1"));
        assertThatThrownBy(() -> client.getFunction(r -> r.functionName("deletable").qualifier("1")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
