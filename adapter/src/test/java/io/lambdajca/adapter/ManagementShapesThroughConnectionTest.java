package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.lambdajca.api.AliasRequest;
import io.lambdajca.api.FunctionManagement;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.local.LocalLambda;
import jakarta.resource.ResourceException;

/**
 * The model's shapes for the parameters of the management calls, both ways, through a real connection against the
 * local endpoint: every value the model accepts reaches the endpoint (one request; whatever it answers about a function
 * that does not exist), and every value it refuses is refused before the network with a message naming the rule.
 * Shapes: FunctionName (1-140, no dot) of the alias, concurrency and PublishVersion operations, NamespacedFunctionName
 * of ListVersionsByFunction, Alias, VersionWithLatestPublished, AdditionalVersion and Weight, Description,
 * ReservedConcurrentExecutions and TaggableResource (botocore 1.43's Lambda model).
 */
class ManagementShapesThroughConnectionTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private static LocalLambda lambda;
    private static DirectConnection direct;
    private static LambdaConnection connection;
    private static FunctionManagement functions;

    /** One call with one value, and for a refused one what its message must say. */
    record Case(String label, ThrowingCallable call, String why) {
        @Override
        public String toString() {
            return label;
        }
    }

    @BeforeAll
    static void connect() throws ResourceException {
        lambda = LocalLambda.builder().port(0).build().start();
        direct = DirectConnection.to(lambda, mcf -> mcf.setMaxRetries(0));
        connection = direct.connection();
        functions = connection.functions();
    }

    @AfterAll
    static void close() throws ResourceException {
        if (direct != null) {
            direct.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    private static Case ok(String label, ThrowingCallable call) {
        return new Case(label, call, null);
    }

    private static Case refused(String label, ThrowingCallable call, String why) {
        return new Case(label + ": " + why, call, why);
    }

    private static AliasRequest.Builder alias(String function, String alias) {
        return AliasRequest.builder(function, alias);
    }

    static List<Case> accepted() {
        String arn140 = ARN + "f".repeat(140 - ARN.length());
        return List.of(
                ok("FunctionName: a bare name", () -> functions.getReservedConcurrency("absent")),
                ok("FunctionName: hyphen, underscore, digit", () -> functions.getReservedConcurrency("my-fn_1")),
                ok("FunctionName: an ARN of 140", () -> functions.getReservedConcurrency(arn140)),
                ok("FunctionName: a partial ARN", () -> functions.listAliases("000000000000:function:absent")),
                ok("FunctionName: a name with $LATEST", () -> functions.publishVersion("absent:$LATEST", null)),
                ok("NamespacedFunctionName: a dot in listVersions", () -> functions.listVersions("with.dot")),
                ok("NamespacedFunctionName: 256 characters in listVersions",
                        () -> functions.listVersions("a".repeat(256))),
                ok("Qualifier: an alias in getFunction", () -> functions.getFunction("absent", "live")),
                ok("Qualifier: $LATEST.PUBLISHED in getFunction",
                        () -> functions.getFunction("absent", "$LATEST.PUBLISHED")),
                ok("Alias: letters and digits", () -> functions.getAlias("absent", "v1")),
                ok("Alias: hyphen and underscore", () -> functions.deleteAlias("absent", "a-b_c")),
                ok("Alias: 128 characters", () -> functions.getAlias("absent", "a".repeat(128))),
                ok("Alias: digits then a letter", () -> functions.getAlias("absent", "123a")),
                ok("Version: a number", () -> functions.createAlias(alias("absent", "live").functionVersion("12")
                        .build())),
                ok("Version: $LATEST", () -> functions.createAlias(alias("absent", "live").functionVersion("$LATEST")
                        .build())),
                ok("Version: $LATEST.PUBLISHED", () -> functions.createAlias(alias("absent", "live")
                        .functionVersion("$LATEST.PUBLISHED").build())),
                ok("Version: none in an update", () -> functions.updateAlias(alias("absent", "live").build())),
                ok("Description: empty", () -> functions.publishVersion("absent", "")),
                ok("Description: 256 characters", () -> functions.publishVersion("absent", "d".repeat(256))),
                // the model's length counts code points: 256 characters outside the BMP are 512 UTF-16 units
                ok("Description: 256 emoji", () -> functions.publishVersion("absent", "\uD83D\uDE00".repeat(256))),
                ok("Description: 256 emoji in an alias", () -> functions.updateAlias(alias("absent", "live")
                        .description("\uD83D\uDE00".repeat(256)).build())),
                ok("Weight: 0.0", () -> functions.updateAlias(alias("absent", "live")
                        .additionalVersionWeight("2", 0.0).build())),
                ok("Weight: 1.0", () -> functions.updateAlias(alias("absent", "live")
                        .additionalVersionWeight("2", 1.0).build())),
                ok("AdditionalVersionWeights: empty (no routing)", () -> functions.updateAlias(alias("absent", "live")
                        .noRouting().build())),
                ok("ReservedConcurrentExecutions: 0", () -> functions.putReservedConcurrency("absent", 0)),
                ok("TaggableResource: a function ARN", () -> functions.listTags(ARN + "absent")),
                ok("TaggableResource: GovCloud", () -> functions.untag(
                        "arn:aws-us-gov:lambda:us-gov-west-1:000000000000:function:absent", List.of("k"))),
                ok("Alias of $LATEST with routing removed", () -> functions.createAlias(alias("absent", "live")
                        .functionVersion("$LATEST").noRouting().build())));
    }

    static List<Case> refusedValues() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("team", null);
        return List.of(
                refused("FunctionName null", () -> functions.getReservedConcurrency(null), "must not be null"),
                refused("FunctionName empty", () -> functions.putReservedConcurrency("", 1), "1 to 140"),
                refused("FunctionName of 141", () -> functions.deleteReservedConcurrency("a".repeat(141)),
                        "1 to 140"),
                refused("FunctionName with a dot", () -> functions.listAliases("with.dot"), "must match"),
                refused("FunctionName with a space", () -> functions.publishVersion("my fn", null), "must match"),
                refused("NamespacedFunctionName of 257", () -> functions.listVersions("a".repeat(257)), "1 to 256"),
                refused("Qualifier with a dot", () -> functions.getFunction("absent", "v.1"), "must match"),
                refused("Alias null", () -> functions.getAlias("absent", null), "must not be null"),
                refused("Alias empty", () -> functions.getAlias("absent", ""), "1 to 128"),
                refused("Alias of 129", () -> functions.deleteAlias("absent", "a".repeat(129)), "1 to 128"),
                refused("Alias only digits", () -> functions.getAlias("absent", "123"), "not only digits"),
                refused("Alias with a dot", () -> functions.createAlias(alias("absent", "v.1").functionVersion("1")
                        .build()), "must match"),
                refused("Version missing to create", () -> functions.createAlias(alias("absent", "live").build()),
                        "functionVersion must not be null"),
                refused("Version a name", () -> functions.createAlias(alias("absent", "live").functionVersion("v1")
                        .build()), "must match"),
                refused("Version $latest", () -> functions.updateAlias(alias("absent", "live")
                        .functionVersion("$latest").build()), "must match"),
                refused("Version empty", () -> functions.updateAlias(alias("absent", "live").functionVersion("")
                        .build()), "1 to 1024"),
                refused("Description of 257", () -> functions.publishVersion("absent", "d".repeat(257)),
                        "at most 256"),
                refused("Description of 257 in an alias", () -> functions.updateAlias(alias("absent", "live")
                        .description("d".repeat(257)).build()), "at most 256"),
                refused("Description of 257 emoji", () -> functions.publishVersion("absent",
                        "\uD83D\uDE00".repeat(257)), "has 257 characters; Lambda accepts at most 256"),
                refused("Weight above 1", () -> functions.updateAlias(alias("absent", "live")
                        .additionalVersionWeight("2", 1.01).build()), "between 0.0 and 1.0"),
                refused("Two additional versions", () -> functions.updateAlias(alias("absent", "live")
                        .additionalVersionWeight("2", 0.1).additionalVersionWeight("3", 0.1).build()),
                        "at most one version besides its own"),
                refused("Weight below 0", () -> functions.updateAlias(alias("absent", "live")
                        .additionalVersionWeight("2", -0.1).build()), "between 0.0 and 1.0"),
                refused("Weight NaN", () -> functions.createAlias(alias("absent", "live").functionVersion("1")
                        .additionalVersionWeight("2", Double.NaN).build()), "between 0.0 and 1.0"),
                refused("AdditionalVersion $LATEST", () -> functions.updateAlias(alias("absent", "live")
                        .additionalVersionWeight("$LATEST", 0.5).build()), "must match [0-9]+"),
                refused("AdditionalVersion an alias", () -> functions.updateAlias(alias("absent", "live")
                        .additionalVersionWeight("blue", 0.5).build()), "must match [0-9]+"),
                refused("request null", () -> functions.createAlias(null), "request must not be null"),
                refused("ReservedConcurrentExecutions -1", () -> functions.putReservedConcurrency("absent", -1),
                        "is negative"),
                refused("TaggableResource a name", () -> functions.listTags("absent"), "must match"),
                refused("TaggableResource an account of 11 digits", () -> functions.tag(
                        "arn:aws:lambda:us-east-1:00000000000:function:absent", Map.of("k", "v")), "must match"),
                refused("TaggableResource of 257", () -> functions.untag(ARN + "f".repeat(257 - ARN.length()),
                        List.of("k")), "1 to 256"),
                refused("TaggableResource null", () -> functions.listTags(null), "must not be null"),
                refused("Tags null", () -> functions.tag(ARN + "absent", null), "tags must not be null"),
                refused("Tags with a null value", () -> functions.tag(ARN + "absent", nullValue), "no null key"),
                refused("TagKeys null", () -> functions.untag(ARN + "absent", null), "keys must not be null"),
                // the model's shapes take these; Lambda refuses them (recorded, see ManagementValidator)
                refused("TaggableResource a qualified function ARN", () -> functions.listTags(ARN + "absent:live"),
                        "names a version or an alias (':live')"),
                refused("TaggableResource a version's ARN to tag", () -> functions.tag(ARN + "absent:1",
                        Map.of("k", "v")), "names a version or an alias (':1')"),
                refused("Tags empty", () -> functions.tag(ARN + "absent", Map.of()), "tags is empty"),
                refused("TagKeys empty", () -> functions.untag(ARN + "absent", List.of()), "keys is empty"),
                refused("Alias routed to its own version", () -> functions.createAlias(alias("absent", "live")
                        .functionVersion("1").additionalVersionWeight("1", 0.5).build()), "the alias's own version"),
                refused("Alias of $LATEST routed", () -> functions.createAlias(alias("absent", "live")
                        .functionVersion("$LATEST").additionalVersionWeight("1", 0.5).build()),
                        "an alias of $LATEST cannot route"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void anAcceptedValue_reachesTheEndpoint(Case c) {
        long before = lambda.lambdaRequests();
        Throwable answer = catchThrowable(c.call());
        if (answer instanceof InvalidRequestException) {
            // the endpoint may refuse it too (it knows no such function); the adapter must not have refused it
            assertThat(lambda.lambdaRequests()).as("refused by the endpoint, not before the network: " + answer)
                    .isEqualTo(before + 1);
        }
        assertThat(lambda.lambdaRequests() - before).as("requests that reached the endpoint").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedValues")
    void aRefusedValue_neverReachesTheEndpoint(Case c) {
        long before = lambda.lambdaRequests();
        assertThat(catchThrowable(c.call())).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(c.why());
        assertThat(lambda.lambdaRequests()).isEqualTo(before);
    }
}
