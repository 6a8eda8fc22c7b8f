package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.AliasInfo;
import io.lambdajca.api.AliasRequest;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionManagement;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaServiceException;
import io.lambdajca.api.PreconditionFailedException;
import io.lambdajca.api.ResourceConflictException;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.testing.Poll;
import jakarta.resource.ResourceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Versions, aliases, reserved concurrency and tags through a real connection's {@code functions()} against the local
 * endpoint, which answers these operations as AWS recorded them: what an application reads back after each change,
 * and the exceptions it can act on (404 as empty or {@link FunctionNotFoundException}, 409 as
 * {@link ResourceConflictException}, 412 as {@link PreconditionFailedException}). Functions are created through the
 * SDK; their preparation is held by the test, so that Pending and an update in progress can be observed.
 */
class ManagementThroughConnectionTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";

    private static final Preparation preparation = new Preparation();
    private static LocalLambda lambda;
    private static LambdaClient sdk;
    private static DirectConnection direct;
    private static LambdaConnection connection;
    private static FunctionManagement functions;

    @BeforeAll
    static void connect() throws ResourceException {
        lambda = LocalLambda.builder().port(0).preparationExecutor(preparation).build().start();
        sdk = DirectConnection.sdk(lambda);
        direct = DirectConnection.to(lambda, mcf -> { });
        connection = direct.connection();
        functions = connection.functions();
    }

    @AfterAll
    static void close() throws ResourceException {
        if (direct != null) {
            direct.close();
        }
        if (sdk != null) {
            sdk.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void publishVersion_whilePending_isAConflict_thenPublishesTheVersion_andListVersionsHasItAfterLatest() {
        create("published");
        assertThatThrownBy(() -> functions.publishVersion("published", "first"))
                .as("the function is still Pending: its code is not ready")
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo("ResourceConflictException");
                    assertThat(e.functionName()).isEqualTo("published");
                })
                .isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("Pending");
        preparation.runNext();

        FunctionInfo first = functions.publishVersion("published", "first");
        assertThat(first.version()).isEqualTo("1");
        assertThat(first.description()).isEqualTo("first");
        assertThat(first.arn()).endsWith(":function:published:1");
        assertThat(functions.publishVersion("published", null).version())
                .as("nothing changed since version 1: Lambda publishes none and answers that version").isEqualTo("1");

        sdk.updateFunctionConfiguration(r -> r.functionName("published").description("changed"));
        assertThatThrownBy(() -> functions.publishVersion("published", null))
                .as("the update is still in progress").isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("in progress");
        preparation.runNext();
        assertThat(functions.publishVersion("published", null).version()).isEqualTo("2");

        assertThat(functions.listVersions("published")).extracting(FunctionInfo::version)
                .containsExactly("$LATEST", "1", "2");
        assertThat(functions.getFunction("published", "1")).get().extracting(FunctionInfo::description)
                .isEqualTo("first");
        assertThat(functions.getFunction("published", null)).get().extracting(FunctionInfo::version)
                .isEqualTo("$LATEST");
        assertThat(functions.getFunction("published", "9")).as("no version 9").isEmpty();
        assertThat(functions.getFunction("absent", "1")).isEmpty();
        assertThatThrownBy(() -> functions.listVersions("absent")).isInstanceOf(FunctionNotFoundException.class);
        assertThatThrownBy(() -> functions.publishVersion("absent", null))
                .isInstanceOf(FunctionNotFoundException.class);
    }

    @Test
    void listVersions_andListAliases_followEveryPage() {
        create("paged");
        preparation.runNext();
        for (int i = 1; i <= 51; i++) {
            String description = "v" + i;
            sdk.updateFunctionConfiguration(r -> r.functionName("paged").description(description));
            preparation.runNext();
            sdk.publishVersion(r -> r.functionName("paged"));
            String alias = "a" + i;
            sdk.createAlias(r -> r.functionName("paged").name(alias).functionVersion("1"));
        }
        List<FunctionInfo> versions = functions.listVersions("paged");
        assertThat(versions).hasSize(52).first().extracting(FunctionInfo::version).isEqualTo("$LATEST");
        assertThat(versions.get(51).version()).isEqualTo("51");
        List<AliasInfo> aliases = functions.listAliases("paged");
        assertThat(aliases).hasSize(51).extracting(AliasInfo::name).doesNotHaveDuplicates().contains("a1", "a51");
    }

    @Test
    void anAlias_isCreatedReadUpdatedWithItsRevision_andDeleted() {
        String arn = publishTwoVersions("aliased");
        AliasInfo live = functions.createAlias(AliasRequest.builder("aliased", "live").functionVersion("1")
                .description("production").additionalVersionWeight("2", 0.25).build());
        assertThat(live.name()).isEqualTo("live");
        assertThat(live.aliasArn()).isEqualTo(arn + ":live");
        assertThat(live.functionVersion()).isEqualTo("1");
        assertThat(live.description()).isEqualTo("production");
        assertThat(live.additionalVersionWeights()).isEqualTo(Map.of("2", 0.25));
        assertThat(live.revisionId()).isNotBlank();
        assertThat(functions.getAlias("aliased", "live")).contains(live);
        assertThat(functions.listAliases("aliased")).containsExactly(live);

        assertThatThrownBy(() -> functions.createAlias(AliasRequest.builder("aliased", "live").functionVersion("2")
                .build())).isInstanceOfSatisfying(ResourceConflictException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409)).hasMessageContaining("Alias already exists");

        AliasInfo moved = functions.updateAlias(AliasRequest.builder("aliased", "live").functionVersion("2")
                .noRouting().revisionId(live.revisionId()).build());
        assertThat(moved.functionVersion()).isEqualTo("2");
        assertThat(moved.additionalVersionWeights()).as("routing removed").isEmpty();
        assertThat(moved.description()).as("not set in the update: kept").isEqualTo("production");
        assertThat(moved.revisionId()).isNotEqualTo(live.revisionId());

        assertThatThrownBy(() -> functions.updateAlias(AliasRequest.builder("aliased", "live").functionVersion("1")
                .revisionId(live.revisionId()).build()))
                .as("the alias changed since that revision")
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.errorCode()).isEqualTo("PreconditionFailedException");
                })
                .hasMessageContaining("Revision Id");
        assertThat(functions.getAlias("aliased", "live")).contains(moved);

        AliasInfo described = functions.updateAlias(AliasRequest.builder("aliased", "live").description("")
                .build());
        assertThat(described.functionVersion()).as("not set: kept").isEqualTo("2");
        assertThat(described.description()).as("cleared").isEmpty();

        assertThatThrownBy(() -> functions.updateAlias(AliasRequest.builder("aliased", "absent").functionVersion("1")
                .build())).isInstanceOf(FunctionNotFoundException.class);
        assertThatThrownBy(() -> functions.createAlias(AliasRequest.builder("aliased", "later").functionVersion("9")
                .build())).as("no version 9").isInstanceOf(FunctionNotFoundException.class);

        functions.deleteAlias("aliased", "live");
        assertThat(functions.getAlias("aliased", "live")).isEmpty();
        assertThat(functions.listAliases("aliased")).isEmpty();
        functions.deleteAlias("aliased", "live"); // Lambda answers a deletion of an absent alias as done
        assertThat(functions.getAlias("absent", "live")).isEmpty();
        assertThatThrownBy(() -> functions.listAliases("absent")).isInstanceOf(FunctionNotFoundException.class);
    }

    @Test
    void deletingAVersionAnAliasRoutesTo_isAConflict() {
        publishTwoVersions("routed");
        functions.createAlias(AliasRequest.builder("routed", "live").functionVersion("1").build());
        assertThatThrownBy(() -> connection.deleteFunction("routed", "1"))
                .isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> connection.deleteFunction("routed:1", "$LATEST"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("differs from '1'");
        assertThatThrownBy(() -> functions.getFunction("routed:live", "1"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("differs from 'live'");
        assertThat(functions.getFunction("routed", "1")).isPresent();
    }

    @Test
    void reservedConcurrency_isPutReadAndDeleted() {
        create("reserved");
        preparation.runNext();
        assertThat(functions.getReservedConcurrency("reserved")).isEmpty();
        functions.putReservedConcurrency("reserved", 5);
        assertThat(functions.getReservedConcurrency("reserved")).isEqualTo(OptionalInt.of(5));
        functions.putReservedConcurrency("reserved", 0);
        assertThat(functions.getReservedConcurrency("reserved")).as("0: the function cannot run")
                .isEqualTo(OptionalInt.of(0));
        functions.deleteReservedConcurrency("reserved");
        assertThat(functions.getReservedConcurrency("reserved")).isEmpty();
        functions.deleteReservedConcurrency("reserved"); // none: still done

        assertThatThrownBy(() -> functions.getReservedConcurrency("absent"))
                .isInstanceOf(FunctionNotFoundException.class);
        assertThatThrownBy(() -> functions.putReservedConcurrency("absent", 1))
                .isInstanceOf(FunctionNotFoundException.class);
    }

    @Test
    void tags_areAddedListedAndRemoved_byTheFunctionsArn() {
        create("tagged");
        preparation.runNext();
        String arn = connection.getFunction("tagged").map(FunctionInfo::arn).orElseThrow();
        assertThat(functions.listTags(arn)).isEmpty();
        functions.tag(arn, Map.of("team", "pricing", "cost-centre", "42"));
        functions.tag(arn, Map.of("team", "billing"));
        assertThat(functions.listTags(arn)).isEqualTo(Map.of("team", "billing", "cost-centre", "42"));
        functions.untag(arn, Set.of("cost-centre", "never-set"));
        assertThat(functions.listTags(arn)).isEqualTo(Map.of("team", "billing"));

        String absent = arn.replace(":tagged", ":absent");
        assertThatThrownBy(() -> functions.listTags(absent)).isInstanceOf(FunctionNotFoundException.class);
        assertThatThrownBy(() -> functions.tag(absent, Map.of("a", "b")))
                .isInstanceOf(FunctionNotFoundException.class);
        assertThatThrownBy(() -> functions.listTags("tagged"))
                .as("a name: Lambda's tag operations take ARNs").isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("FunctionInfo.arn()");
    }

    @Test
    void theView_isUsableOnlyWhileItsConnectionIsOpen() throws ResourceException {
        LambdaConnection other = direct.newHandle();
        FunctionManagement view = other.functions();
        assertThat(view.getFunction("absent", null)).isEmpty();
        other.close();
        long before = lambda.lambdaRequests();
        assertThatThrownBy(() -> view.listVersions("absent")).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("connection is closed");
        assertThatThrownBy(other::functions).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("connection is closed");
        assertThat(lambda.lambdaRequests()).isEqualTo(before);
    }

    /** Creates a function, prepares it, and publishes versions 1 and 2; returns its ARN. */
    private static String publishTwoVersions(String name) {
        create(name);
        preparation.runNext();
        functions.publishVersion(name, null);
        sdk.updateFunctionConfiguration(r -> r.functionName(name).description("second"));
        preparation.runNext();
        return functions.publishVersion(name, null).arn().replaceAll(":2$", "");
    }

    private static void create(String name) {
        sdk.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA21).role(ROLE).handler("example.H")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip(name)))));
    }

    /** A deployment package: the endpoint stores it; nothing here invokes it. */
    private static byte[] zip(String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Holds the endpoint's preparation of created and updated functions until the test runs it. The endpoint queues
     * the preparation after it answered, so the test waits for it to be queued.
     */
    private static final class Preparation implements Executor {
        private final ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            held.add(task);
        }

        /** Runs the preparation of the last create or update: the function is then Active, its update done. */
        void runNext() {
            Poll.until(Duration.ofSeconds(10), () -> !held.isEmpty(), "the preparation to be queued");
            held.poll().run();
        }
    }
}
