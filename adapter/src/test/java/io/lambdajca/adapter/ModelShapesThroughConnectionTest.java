package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.lambdajca.adapter.internal.ModelTable;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.local.LocalLambda;
import jakarta.resource.ResourceException;

/**
 * The model's name and qualifier table through a real connection against the local endpoint, for Invoke, GetFunction
 * and DeleteFunction: every value the model accepts reaches the network, and every value it refuses is refused before
 * the network, where the endpoint (which follows the model, as AWS does) answers not-found for a function that does not
 * exist.
 */
class ModelShapesThroughConnectionTest {

    private static LocalLambda lambda;
    private static DirectConnection direct;
    private static LambdaConnection connection;

    @BeforeAll
    static void connect() throws ResourceException {
        lambda = LocalLambda.builder().port(0).build().start();
        direct = DirectConnection.to(lambda, mcf -> mcf.setMaxRetries(0));
        connection = direct.connection();
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

    static List<ModelTable.Row> acceptedNames() {
        return ModelTable.ACCEPTED_NAMES;
    }

    static List<ModelTable.Row> refusedNames() {
        return ModelTable.REFUSED_NAMES;
    }

    static List<ModelTable.Row> acceptedQualifiers() {
        return ModelTable.ACCEPTED_QUALIFIERS;
    }

    static List<ModelTable.Row> refusedQualifiers() {
        return ModelTable.REFUSED_QUALIFIERS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedNames")
    void anAcceptedName_reachesTheEndpoint_whichAnswersNotFound(ModelTable.Row row) {
        String name = row.value();
        long before = lambda.lambdaRequests();
        assertNotFound("invoke " + name, catchThrowable(() -> connection.invoke(
                InvocationRequest.builder(name).payload("{}").build())));
        assertNotFound("getFunction " + name, catchThrowable(() -> assertThat(
                connection.getFunction(name)).isEmpty()));
        assertDeleteAnswered("deleteFunction " + name, catchThrowable(() -> assertThat(
                connection.deleteFunction(name)).isFalse()));
        assertThat(lambda.lambdaRequests() - before).as("requests that reached the endpoint").isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedQualifiers")
    void anAcceptedQualifier_reachesTheEndpoint(ModelTable.Row row) {
        long before = lambda.lambdaRequests();
        assertNotFound("invoke", catchThrowable(() -> connection.invoke(
                InvocationRequest.builder("absent").qualifier(row.value()).payload("{}").build())));
        assertDeleteAnswered("deleteFunction", catchThrowable(() -> assertThat(
                connection.deleteFunction("absent", row.value())).isFalse()));
        assertThat(lambda.lambdaRequests() - before).as("requests that reached the endpoint").isEqualTo(2);
    }

    /**
     * The endpoint's answer to deleting a function that does not exist: not found, or, for the qualifiers Lambda
     * refuses before it looks the function up ($LATEST, an alias), its refusal, in Lambda's words.
     */
    private static void assertDeleteAnswered(String call, Throwable thrown) {
        if (thrown instanceof InvalidRequestException) {
            assertThat(thrown).as(call).hasMessageContaining("InvalidParameterValueException (HTTP 400)")
                    .message().containsAnyOf("$LATEST version cannot be deleted without deleting the function.",
                            "Deletion of aliases is not currently supported.");
        } else {
            assertNotFound(call, thrown);
        }
    }

    /** Not-found, thrown or as an empty answer (nothing thrown): the endpoint follows the model too. */
    private static void assertNotFound(String call, Throwable thrown) {
        if (thrown != null) {
            assertThat(thrown).as(call).isInstanceOf(FunctionNotFoundException.class);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedNames")
    void aRefusedName_neverReachesTheEndpoint(ModelTable.Row row) {
        String name = row.value();
        long before = lambda.lambdaRequests();
        for (Throwable t : List.of(
                catchThrowable(() -> connection.invoke(InvocationRequest.builder(name).payload("{}").build())),
                catchThrowable(() -> connection.getFunction(name)),
                catchThrowable(() -> connection.deleteFunction(name)))) {
            assertThat(t).isInstanceOf(InvalidRequestException.class).hasMessageContaining(row.why());
        }
        assertThat(lambda.lambdaRequests()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedQualifiers")
    void aRefusedQualifier_neverReachesTheEndpoint(ModelTable.Row row) {
        long before = lambda.lambdaRequests();
        assertThat(catchThrowable(() -> connection.invoke(InvocationRequest.builder("absent").qualifier(row.value())
                .payload("{}").build()))).isInstanceOf(InvalidRequestException.class).hasMessageContaining(row.why());
        assertThat(catchThrowable(() -> connection.deleteFunction("absent", row.value())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(row.why());
        assertThat(lambda.lambdaRequests()).isEqualTo(before);
    }

    /**
     * A qualifier that differs from the one the name ends with, which Lambda refuses (recorded for Invoke, GetFunction
     * and DeleteFunction), is refused before anything is sent by every call that takes both; an Event invocation after
     * commit would otherwise be refused only once its transaction had committed.
     */
    @Test
    void aQualifierThatDiffersFromTheNamesOwn_neverReachesTheEndpoint() {
        long before = lambda.lambdaRequests();
        InvocationRequest differing = InvocationRequest.builder("absent:$LATEST").qualifier("1").payload("{}").build();
        for (Throwable t : List.of(
                catchThrowable(() -> connection.invoke(differing)),
                catchThrowable(() -> connection.invoke(differing, String.class)),
                catchThrowable(() -> connection.invokeStream(differing)),
                catchThrowable(() -> connection.deleteFunction("absent:$LATEST", "1")),
                catchThrowable(() -> connection.functions().getFunction("absent:$LATEST", "1")))) {
            assertThat(t).isInstanceOf(InvalidRequestException.class).hasMessageContaining("qualifier '1' differs "
                    + "from '$LATEST', the qualifier functionName ends with");
        }
        assertThat(lambda.lambdaRequests()).isEqualTo(before);
    }
}
