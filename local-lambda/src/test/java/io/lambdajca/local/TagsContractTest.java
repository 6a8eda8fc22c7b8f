package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.testfunctions.Handlers;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Tags on functions as Lambda answers them (TagResource, ListTags, UntagResource, CreateFunction's Tags and
 * GetFunction's), through the SDK against a running endpoint; each case cites AWS's recorded answer.
 */
class TagsContractTest {

    private static ApiFixture api;
    private static LambdaClient client;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        client = api.client;
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String arn(String name) {
        return ApiFixture.ARN_PREFIX + name;
    }

    private static Map<String, String> numbered(int count) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            tags.put(k + "_key", k + "_value");
        }
        return tags;
    }

    @Test
    void tagLifecycle_createTagOverwriteUntag_seenByListTagsAndGetFunction() {
        api.create("tagged", Handlers.ECHO, r -> r.tags(Map.of("key_a", "value_a")));
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_lifecycle, "list_tags_response_postfncreate"
        // and "get_fn_response_postfncreate"
        assertThat(client.listTags(r -> r.resource(arn("tagged"))).tags()).isEqualTo(Map.of("key_a", "value_a"));
        assertThat(client.getFunction(r -> r.functionName("tagged")).tags()).isEqualTo(Map.of("key_a", "value_a"));

        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_lifecycle, "tag_resource_response" (204),
        // "list_tags_response_postaddtags"
        assertThat(client.tagResource(r -> r.resource(arn("tagged")).tags(Map.of("key_b", "value_b", "key_c",
                "value_c", "key_d", "value_d", "key_e", "value_e"))).sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThat(client.listTags(r -> r.resource(arn("tagged"))).tags()).containsOnlyKeys("key_a", "key_b",
                "key_c", "key_d", "key_e");
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_lifecycle, "list_tags_response_overwrite"
        client.tagResource(r -> r.resource(arn("tagged")).tags(Map.of("key_c", "value_x")));
        assertThat(client.getFunction(r -> r.functionName("tagged")).tags()).containsEntry("key_c", "value_x")
                .hasSize(5);
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_lifecycle, "list_tags_response_postuntag"
        assertThat(client.untagResource(r -> r.resource(arn("tagged")).tagKeys("key_c", "key_d")).sdkHttpResponse()
                .statusCode()).isEqualTo(204);
        assertThat(client.listTags(r -> r.resource(arn("tagged"))).tags()).containsOnlyKeys("key_a", "key_b",
                "key_e");
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_lifecycle, "list_tags_response_postuntagall"
        // ({}) and "get_fn_response_postuntagall" (no Tags member)
        client.untagResource(r -> r.resource(arn("tagged")).tagKeys("key_a", "key_b", "key_e"));
        assertThat(client.listTags(r -> r.resource(arn("tagged"))).tags()).isEmpty();
        assertThat(client.getFunction(r -> r.functionName("tagged")).hasTags()).isFalse();
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_lifecycle, "list_tags_postdelete"
        client.deleteFunction(r -> r.functionName("tagged"));
        assertThatThrownBy(() -> client.listTags(r -> r.resource(arn("tagged"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + arn("tagged")));
    }

    @Test
    void tagErrors_badArn_missingFunction_qualifiedArn_emptyTagsAndKeys() {
        api.create("fn-tag", Handlers.ECHO, r -> { });
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions, "tag_lambda_invalidarn"
        LambdaException invalid = (LambdaException) catchError(() -> client.tagResource(r -> r
                .resource("arn:aws:something").tags(Map.of("key_a", "value_a"))));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(invalid.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                + "'arn:aws:something' at 'resource' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-"
                + "\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|"
                + "code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"
                + "[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)");
        // recorded: test_lambda_api.snapshot.json, TestLambdaTag::test_tag_exceptions[lambda_function],
        // "invalid_arn_exception"
        assertThat(((LambdaException) catchError(() -> client.listTags(r -> r.resource(
                "arn:aws:lambda:us-east-1:123456789012:foobar:fn-tag")))).awsErrorDetails().errorCode())
                .isEqualTo("ValidationException");
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions, "tag_lambda_doesnotexist";
        // TestLambdaTag::test_tag_nonexisting_resource, "not_found_exception_untag", "not_found_exception_list"
        assertThatThrownBy(() -> client.tagResource(r -> r.resource(arn("doesnotexist")).tags(Map.of("k", "v"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + arn("doesnotexist")));
        assertThatThrownBy(() -> client.untagResource(r -> r.resource(arn("doesnotexist")).tagKeys("k")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.listTags(r -> r.resource(arn("doesnotexist"))))
                .isInstanceOf(ResourceNotFoundException.class);
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions,
        // "tag_lambda_qualifier_doesnotexist"; TestLambdaTags::test_tag_versions, "tag_resource_exception" and
        // "tag_resource_latest_exception"
        api.publishNew("fn-tag", 1);
        for (String qualified : new String[] {arn("fn-tag") + ":v1", arn("fn-tag") + ":1", arn("fn-tag") + ":$LATEST"}) {
            assertThatThrownBy(() -> client.tagResource(r -> r.resource(qualified).tags(Map.of("key_b", "value_b"))))
                    .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("Tags on function aliases and versions are "
                                    + "not supported. Please specify a function ARN."));
        }
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions, "list_tag_lambda_empty"
        assertThat(client.listTags(r -> r.resource(arn("fn-tag"))).tags()).isEmpty();
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions, "untag_nomatch"
        assertThat(client.untagResource(r -> r.resource(arn("fn-tag")).tagKeys("somekey")).sdkHttpResponse()
                .statusCode()).isEqualTo(204);
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions, "untag_empty_keys"
        LambdaException emptyKeys = (LambdaException) catchError(() -> client.untagResource(r -> r
                .resource(arn("fn-tag")).tagKeys(new String[0])));
        assertThat(emptyKeys.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(emptyKeys.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value null at "
                + "'tagKeys' failed to satisfy constraint: Member must not be null");
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_exceptions, "tag_empty_tags"
        assertThatThrownBy(() -> client.tagResource(r -> r.resource(arn("fn-tag")).tags(Map.of())))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("An error occurred and the request cannot be "
                                + "processed."));
        // TestLambdaTags::test_tag_exceptions (asserted, not snapshotted): a partial untag removes what exists
        client.tagResource(r -> r.resource(arn("fn-tag")).tags(Map.of("a_key", "a_value", "b_key", "b_value")));
        client.untagResource(r -> r.resource(arn("fn-tag")).tagKeys("a_key", "c_key"));
        assertThat(client.listTags(r -> r.resource(arn("fn-tag"))).tags()).isEqualTo(Map.of("b_key", "b_value"));
    }

    @Test
    void tagLimits_fiftyTagsPerFunction() {
        api.create("fn-limits", Handlers.ECHO, r -> { });
        String limit = "Number of tags exceeds resource tag limit.";
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_limits, "tag_lambda_too_many_tags"
        assertThatThrownBy(() -> client.tagResource(r -> r.resource(arn("fn-limits")).tags(numbered(51))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo(limit));
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_limits, "tag_response",
        // "list_tags_response", "get_fn_response"
        client.tagResource(r -> r.resource(arn("fn-limits")).tags(numbered(50)));
        assertThat(client.listTags(r -> r.resource(arn("fn-limits"))).tags()).isEqualTo(numbered(50));
        assertThat(client.getFunction(r -> r.functionName("fn-limits")).tags()).isEqualTo(numbered(50));
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_limits, "tag_lambda_too_many_tags_additional"
        assertThatThrownBy(() -> client.tagResource(r -> r.resource(arn("fn-limits")).tags(Map.of("a_key", "a"))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo(limit));
        // recorded: test_lambda_api.snapshot.json, TestLambdaTags::test_tag_limits, "create_function_invalid_tags"
        assertThatThrownBy(() -> api.create("fn-too-many-tags", Handlers.ECHO, r -> r.tags(numbered(51))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo(limit));
        assertThatThrownBy(() -> client.getFunction(r -> r.functionName("fn-too-many-tags")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static Throwable catchError(Runnable call) {
        try {
            call.run();
        } catch (LambdaException e) {
            return e;
        }
        throw new AssertionError("expected an error answer");
    }
}
