package io.lambdajca.it;

import io.lambdajca.ct.PurchaseOrder;
import io.lambdajca.ct.Quote;
import io.lambdajca.testfunctions.Handlers;

import static io.lambdajca.ct.Failures.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.FunctionError;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaException;
import io.lambdajca.api.ResultMappingException;
import io.lambdajca.api.ThrottledException;
import jakarta.ejb.EJB;

/**
 * The adapter deployed standalone and configured through the management CLI, used by an EJB through
 * {@code @Resource(lookup = ...)}, against the local Lambda endpoint.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdapterIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.appUsingStandaloneRar("adapter-it.war");
    }

    /** The pools this class's tests use (LargePool belongs to ThrottlingStormIT, which may run before or after). */
    private static final List<String> USED_HERE = List.of("Default", "ShortTimeout", "SmallPool", "BadSecret",
            "Unreachable");

    @EJB
    private LambdaCaller caller;

    @ArquillianResource
    private ManagementClient management;

    @Test
    @Order(1)
    void listFunctions_returnsEveryFunctionAcrossPages() {
        List<FunctionInfo> all = caller.withLambda(LambdaConnection::listFunctions);
        List<String> names = all.stream().map(FunctionInfo::name).collect(Collectors.toList());
        assertTrue(all.size() > 50, "more than one page of 50: " + all.size());
        assertTrue(names.containsAll(List.of("echo", "pricing", "page-000", "page-059")), names.toString());
        assertEquals(names.size(), names.stream().distinct().count(), "no function listed twice");

        List<FunctionInfo> paged = caller.withLambda(c -> c.listFunctions("page-"));
        assertEquals(LambdaEnvironment.PAGED_FUNCTIONS, paged.size());
        FunctionInfo first = paged.get(0);
        assertEquals("java21", first.runtime());
        assertEquals(128, first.memorySizeMb());
        assertTrue(first.arn().endsWith(":function:page-000"), first.arn());

        long lazily = caller.withLambda(c -> c.streamFunctions().limit(55).count());
        assertEquals(55, lazily);
    }

    @Test
    @Order(2)
    void getFunction_readsConfiguration_orEmptyWhenAbsent() {
        Optional<FunctionInfo> reporter = caller.withLambda(c -> c.getFunction("reporter"));
        assertTrue(reporter.isPresent());
        assertEquals(Handlers.REPORTER, reporter.get().handler());
        assertEquals(3, reporter.get().timeoutSeconds());
        assertFalse(caller.withLambda(c -> c.getFunction("no-such-function")).isPresent());
    }

    @Test
    @Order(3)
    void invoke_requestResponse_withQualifierLogTailAndClientContext() {
        InvocationResult r = caller.withLambda(c -> c.invoke(InvocationRequest.builder("reporter")
                .qualifier("$LATEST")
                .payload("{\"order\":42}")
                .tailLog(true)
                .clientContext("{\"custom\":{\"tenant\":\"acme\"}}")
                .build()));
        assertEquals(200, r.statusCode());
        assertEquals("$LATEST", r.executedVersion());
        assertFalse(r.isFunctionError());
        String body = r.payloadAsString();
        assertTrue(body.contains("\"input\":{\"order\":42}"), body);
        assertTrue(body.contains("\"clientCustom\":{\"tenant\":\"acme\"}"), body);
        assertTrue(body.contains("\"greeting\":\"Bonjour\""), body);
        String log = r.logTail().orElseThrow();
        assertTrue(log.contains("START RequestId:") && log.contains("reporting for reporter"), log);
    }

    @Test
    @Order(4)
    void invoke_eventAndDryRun_returnTheirStatusCodes() {
        InvocationResult event = caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo")
                .invocationType(InvocationType.EVENT).payload("{\"async\":true}").build()));
        assertEquals(202, event.statusCode());
        InvocationResult dryRun = caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo")
                .invocationType(InvocationType.DRY_RUN).payload("{}").build()));
        assertEquals(204, dryRun.statusCode());
    }

    @Test
    @Order(5)
    void invoke_typed_mapsRecordsAndGenericsWithJsonb() {
        Quote quote = caller.withLambda(c -> c.invoke("pricing", new PurchaseOrder("ada",
                List.of(new PurchaseOrder.Line("a", 2, 150), new PurchaseOrder.Line("b", 1, 1000))), Quote.class));
        assertEquals(new Quote("ada", 3, 1300), quote);

        Type listOfItems = new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {Item.class};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
        List<Item> items = caller.withLambda(c -> c.invoke("echo", List.of(new Item("x", 1), new Item("y", 2)),
                listOfItems));
        assertEquals(List.of(new Item("x", 1), new Item("y", 2)), items);
    }

    @Test
    @Order(6)
    void invoke_functionError_isInTheResult_andThrownByTypedInvoke() {
        InvocationResult r = caller.withLambda(c -> c.invoke(InvocationRequest.builder("failing")
                .payload("{\"reason\":\"bad day\"}").build()));
        assertEquals(200, r.statusCode());
        FunctionError error = r.functionError().orElseThrow();
        assertEquals(FunctionError.Kind.UNHANDLED, error.kind());
        assertEquals("java.lang.IllegalStateException", error.errorType());
        assertEquals("failed on purpose: bad day", error.errorMessage());
        assertFalse(error.stackTrace().isEmpty());

        FunctionErrorException e = thrown(FunctionErrorException.class,
                () -> caller.withLambda(c -> c.invoke("failing", new Item("z", 0), Quote.class)));
        assertEquals("java.lang.IllegalStateException", e.errorType());
        assertEquals("failing", e.functionName());
    }

    @Test
    @Order(7)
    void invoke_resultThatDoesNotMap_isResultMappingException() {
        ResultMappingException e = thrown(ResultMappingException.class,
                () -> caller.withLambda(c -> c.invoke("echo", List.of(1, 2), Quote.class)));
        assertTrue(e.getMessage().contains("echo") && e.getMessage().contains(Quote.class.getName()), e.getMessage());
    }

    @Test
    @Order(8)
    void missingFunction_isNotFound_unwrappedAsADeclaredApplicationException_andDeleteReportsFalse() {
        // assertThrows, not thrown(): the EJB declares it an application exception, so no EJBException wraps it
        FunctionNotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(FunctionNotFoundException.class,
                () -> caller.withLambda(c -> c.invoke(InvocationRequest.builder("ghost").payload("{}").build())));
        assertEquals("ghost", e.functionName());
        assertTrue(e.getMessage().contains("ghost"), e.getMessage());
        boolean deleted = caller.withLambda(c -> c.deleteFunction("ghost"));
        assertFalse(deleted);
    }

    @Test
    @Order(9)
    void deleteFunction_deletesOnce() {
        boolean first = caller.withLambda(c -> c.deleteFunction("doomed"));
        assertTrue(first);
        assertFalse(caller.withLambda(c -> c.getFunction("doomed")).isPresent());
        boolean second = caller.withLambda(c -> c.deleteFunction("doomed"));
        assertFalse(second);
    }

    @Test
    @Order(10)
    void throttledFunction_raisesThrottled_afterTheRetryBudget() {
        ThrottledException e = thrown(ThrottledException.class,
                () -> caller.withLambda(c -> c.invoke(InvocationRequest.builder("throttled").payload("{}").build())));
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", e.reason().orElseThrow());
        assertEquals(1, e.retryAfter().orElseThrow().toSeconds());
        assertEquals(4, e.attempts(), "first attempt and the 3 retries of the default policy");
    }

    @Test
    @Order(11)
    void readTimeout_raisesEndpointTimeout_andDoesNotRunTheFunctionTwice() {
        caller.withLambda(c -> c.invoke(InvocationRequest.builder("slow").payload("{\"op\":\"reset\"}").build()));
        EndpointUnavailableException e = thrown(EndpointUnavailableException.class,
                () -> caller.withShortTimeout(c -> c.invoke(InvocationRequest.builder("slow")
                        .payload("{\"sleepMillis\":3000}").build())));
        assertTrue(e.isTimeout(), e.getMessage());
        assertTrue(e.getMessage().contains("slow"), e.getMessage());
        // every attempt, retries included, was sent before the timeout reached the caller, and the first had started
        // (its handler sleeps 3 s, beyond the read timeout): the count needs no wait for the function to end
        String count = caller.withLambda(c -> c.invoke(InvocationRequest.builder("slow")
                .payload("{\"op\":\"count\"}").build())).payloadAsString();
        assertTrue(count.contains("\"started\":1"), "ran exactly once: " + count);
    }

    @Test
    @Order(12)
    void badInput_isRejectedBeforeAnyCall_withTheValueAndTheRule() {
        InvalidRequestException name = thrown(InvalidRequestException.class,
                () -> caller.withLambda(c -> c.invoke(InvocationRequest.builder("bad name!").build())));
        assertTrue(name.getMessage().contains("bad name!") && name.getMessage().contains("must match"),
                name.getMessage());
        InvalidRequestException qualifier = thrown(InvalidRequestException.class,
                () -> caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo").qualifier("v 1").build())));
        assertTrue(qualifier.getMessage().contains("'v 1'"), qualifier.getMessage());
        InvalidRequestException payload = thrown(InvalidRequestException.class,
                () -> caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo").payload("{oops").build())));
        assertTrue(payload.getMessage().contains("not valid JSON"), payload.getMessage());
        byte[] big = new byte[1_048_577];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '1';
        InvalidRequestException size = thrown(InvalidRequestException.class,
                () -> caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo")
                        .invocationType(InvocationType.EVENT).payload(big).build())));
        assertTrue(size.getMessage().contains("1048577 bytes") && size.getMessage().contains("at most 1048576"),
                size.getMessage());
        InvalidRequestException context = thrown(InvalidRequestException.class,
                () -> caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo").payload("{}")
                        .clientContext("{\"custom\":{\"k\":\"" + "x".repeat(3000) + "\"}}").build())));
        assertTrue(context.getMessage().contains("3583"), context.getMessage());
    }

    @Test
    @Order(13)
    void wrongSecret_isAccessDenied() {
        AccessDeniedException e = thrown(AccessDeniedException.class, () -> caller.withBadSecret(
                LambdaConnection::listFunctions));
        assertEquals("InvalidSignatureException", e.errorCode());
        assertFalse(e.getMessage().contains("not-the-secret"), "no secret in the message");
    }

    @Test
    @Order(14)
    void unreachableEndpoint_isEndpointUnavailable() {
        EndpointUnavailableException e = thrown(EndpointUnavailableException.class,
                () -> caller.withUnreachable(c -> c.invoke(InvocationRequest.builder("echo").payload("{}").build())));
        assertFalse(e.isTimeout());
        assertTrue(e.getMessage().contains("could not reach"), e.getMessage());
    }

    @Test
    @Order(15)
    void closedHandle_refusesCalls() {
        LambdaException e = thrown(LambdaException.class, () -> caller.withLambda(c -> {
            c.close();
            return c.listFunctions();
        }));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    @Order(16)
    void exhaustedPool_givesClearException_andRecovers() {
        LambdaConnection a = caller.smallPool().getConnection();
        LambdaConnection b = caller.smallPool().getConnection();
        long start = System.nanoTime();
        ConnectionUnavailableException e = thrown(ConnectionUnavailableException.class,
                () -> caller.smallPool().getConnection());
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 400, "waited for the blocking timeout: " + waitedMillis);
        assertTrue(e.getMessage().contains("pool"), e.getMessage());
        a.close();
        b.close();
        try (LambdaConnection c = caller.smallPool().getConnection()) {
            assertTrue(c.getFunction("echo").isPresent());
        }
    }

    @Test
    @Order(20)
    @RunAsClient
    void everyConnection_wentBackToThePool() throws Exception {
        for (String pool : LambdaEnvironment.POOLS) {
            ModelNode op = Operations.createReadResourceOperation(LambdaEnvironment.poolStatistics(pool));
            op.get("include-runtime").set(true);
            ModelNode stats = LambdaEnvironment.execute(management, op);
            assertEquals(0, stats.get("InUseCount").asInt(), pool + " in use: " + stats);
            if (USED_HERE.contains(pool)) {
                assertTrue(stats.get("CreatedCount").asInt() > 0, pool + " was used: " + stats);
            }
        }
    }
}
