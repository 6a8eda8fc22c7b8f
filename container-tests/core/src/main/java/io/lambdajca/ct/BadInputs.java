package io.lambdajca.ct;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;

/**
 * A table of bad requests, each with what its refusal must say: a name, a qualifier, a payload and a client context
 * that Lambda would refuse. Runs in the server, for {@link EjbIT}'s in-container test and for the client-side test
 * that counts the endpoint's requests around it (through {@link BadInputServlet}).
 */
public final class BadInputs {

    private BadInputs() {
    }

    private record Row(String what, Function<LambdaConnection, ?> call, String message) {
    }

    private static final List<Row> TABLE = List.of(
            new Row("bad name", c -> c.invoke(InvocationRequest.builder("bad name!").build()), "'bad name!'"),
            new Row("bad qualifier", c -> c.invoke(InvocationRequest.builder("echo").qualifier("v 1").build()),
                    "'v 1'"),
            new Row("payload not JSON", c -> c.invoke(InvocationRequest.builder("echo").payload("{oops").build()),
                    "not valid JSON"),
            new Row("client context too large", c -> c.invoke(InvocationRequest.builder("echo").payload("{}")
                    .clientContext("{\"custom\":{\"k\":\"" + "x".repeat(3000) + "\"}}").build()), "3583"));

    /** How many bad requests the table holds. */
    public static int rows() {
        return TABLE.size();
    }

    /** Runs every row; returns the rows not refused as they should be (empty when all were), with what happened. */
    public static List<String> problems(LambdaCaller caller) {
        List<String> problems = new ArrayList<>();
        for (Row row : TABLE) {
            try {
                caller.withLambda(row.call());
                problems.add(row.what() + ": no exception");
            } catch (InvalidRequestException e) {
                if (e.getMessage() == null || !e.getMessage().contains(row.message())) {
                    problems.add(row.what() + ": message does not name " + row.message() + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                problems.add(row.what() + ": " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
