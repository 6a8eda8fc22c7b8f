package io.lambdajca.ct;

import static io.lambdajca.ct.Failures.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.FunctionError;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.testfunctions.Handlers;
import jakarta.ejb.EJB;

/**
 * The portable core through an EJB: connection factories from {@code @Resource(lookup = ...)}, list (every page),
 * get, invoke in the three types with qualifier, log tail and client context, typed invoke, function errors, not
 * found, delete, bad input refused before the network, wrong credentials, pool exhaustion and tenant isolation.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class EjbIT {

    @Deployment
    static WebArchive app() {
        return Deployments.app("ejb-it.war", LambdaCaller.class, BadInputs.class, BadInputServlet.class);
    }

    @EJB
    private LambdaCaller caller;

    @Test
    @Order(1)
    void listFunctions_returnsEveryFunctionAcrossPages() {
        List<FunctionInfo> all = caller.withLambda(LambdaConnection::listFunctions);
        List<String> names = all.stream().map(FunctionInfo::name).toList();
        assertTrue(all.size() > 50, "more than one page of 50: " + all.size());
        assertTrue(names.containsAll(List.of("echo", "pricing", "page-000", "page-054")), names.toString());
        assertEquals(names.size(), names.stream().distinct().count(), "no function listed twice");
        List<FunctionInfo> paged = caller.withLambda(c -> c.listFunctions("page-"));
        assertEquals(TestWorld.PAGED_FUNCTIONS, paged.size());
        assertTrue(paged.get(0).arn().endsWith(":function:page-000"), paged.get(0).arn());
        assertEquals(52L, (long) caller.withLambda(c -> c.streamFunctions().limit(52).count()));
    }

    @Test
    @Order(2)
    void getFunction_readsConfiguration_orEmptyWhenAbsent() {
        Optional<FunctionInfo> reporter = caller.withLambda(c -> c.getFunction("reporter"));
        assertEquals(Handlers.REPORTER, reporter.orElseThrow().handler());
        assertFalse(caller.withLambda(c -> c.getFunction("no-such-function")).isPresent());
    }

    @Test
    @Order(3)
    void invoke_requestResponse_withQualifierLogTailAndClientContext() {
        InvocationResult r = caller.withLambda(c -> c.invoke(InvocationRequest.builder("reporter")
                .qualifier("$LATEST").payload("{\"order\":42}").tailLog(true)
                .clientContext("{\"custom\":{\"tenant\":\"acme\"}}").build()));
        assertEquals(200, r.statusCode());
        assertEquals("$LATEST", r.executedVersion());
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
        assertEquals(202, caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo")
                .invocationType(InvocationType.EVENT).payload("{\"async\":true}").build())).statusCode());
        assertEquals(204, caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo")
                .invocationType(InvocationType.DRY_RUN).payload("{}").build())).statusCode());
    }

    @Test
    @Order(5)
    void invoke_typed_mapsRecordsWithJsonb() {
        Quote quote = caller.withLambda(c -> c.invoke("pricing", new PurchaseOrder("ada",
                List.of(new PurchaseOrder.Line("a", 2, 150), new PurchaseOrder.Line("b", 1, 1000))), Quote.class));
        assertEquals(new Quote("ada", 3, 1300), quote);
    }

    @Test
    @Order(6)
    void functionError_isInTheResult_andThrownByTypedInvoke() {
        InvocationResult r = caller.withLambda(c -> c.invoke(InvocationRequest.builder("failing")
                .payload("{\"reason\":\"bad day\"}").build()));
        FunctionError error = r.functionError().orElseThrow();
        assertEquals(FunctionError.Kind.UNHANDLED, error.kind());
        assertEquals("java.lang.IllegalStateException", error.errorType());
        assertEquals("failed on purpose: bad day", error.errorMessage());
        FunctionErrorException e = thrown(FunctionErrorException.class,
                () -> caller.withLambda(c -> c.invoke("failing", new Quote("z", 0, 0), Quote.class)));
        assertEquals("failing", e.functionName());
    }

    @Test
    @Order(7)
    void missingFunction_isNotFound_andDeleteReportsFalse() {
        FunctionNotFoundException e = thrown(FunctionNotFoundException.class,
                () -> caller.withLambda(c -> c.invoke(InvocationRequest.builder("ghost").payload("{}").build())));
        assertEquals("ghost", e.functionName());
        boolean deleted = caller.withLambda(c -> c.deleteFunction("ghost"));
        assertFalse(deleted);
    }

    @Test
    @Order(8)
    void deleteFunction_deletesOnce() {
        boolean first = caller.withLambda(c -> c.deleteFunction("doomed"));
        assertTrue(first);
        assertFalse(caller.withLambda(c -> c.getFunction("doomed")).isPresent());
        boolean second = caller.withLambda(c -> c.deleteFunction("doomed"));
        assertFalse(second);
    }

    @Test
    @Order(9)
    void badInput_isRefusedBeforeAnyCall_withTheValueAndTheRule() {
        List<String> problems = BadInputs.problems(caller);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @Order(10)
    @RunAsClient
    void badInput_reachesNoEndpoint(@ArquillianResource URL base) throws Exception {
        long before = ClientSide.quietLambdaRequests();
        HttpResponse<String> table = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base.toString()).resolve("bad-input")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, table.statusCode(), table.body());
        assertEquals(BadInputs.rows() + "\n", table.body(), "every bad request refused in the server");
        assertEquals(before, ClientSide.lambdaRequests(), "Lambda requests during the bad-input table");
    }

    @Test
    @Order(12)
    void wrongSecret_isAccessDenied_withoutTheSecret() {
        AccessDeniedException e = thrown(AccessDeniedException.class,
                () -> caller.with(Jndi.BAD_SECRET, LambdaConnection::listFunctions));
        assertEquals("InvalidSignatureException", e.errorCode());
        assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
    }

    @Test
    @Order(13)
    void exhaustedPool_givesClearException_andRecovers() {
        LambdaConnection a = caller.smallPool().getConnection();
        LambdaConnection b = caller.smallPool().getConnection();
        try {
            ConnectionUnavailableException e = thrown(ConnectionUnavailableException.class,
                    () -> caller.smallPool().getConnection());
            assertTrue(e.getMessage().startsWith("No Lambda connection could be had from the pool"), e.getMessage());
        } finally {
            a.close();
            b.close();
        }
        try (LambdaConnection c = caller.smallPool().getConnection()) {
            assertTrue(c.getFunction("echo").isPresent());
        }
    }

    @Test
    @Order(14)
    void tenantId_reachesTheFunctionsContext_tenantsNeverShareAnInstance_andIsRequiredWithIsolation() {
        TenantAnswer blue = tenanted("blue");
        TenantAnswer green = tenanted("green");
        TenantAnswer blueAgain = tenanted("blue");
        TenantAnswer greenAgain = tenanted("green");
        assertEquals(List.of("blue", "green", "blue", "green"), List.of(blue.tenantId(), green.tenantId(),
                blueAgain.tenantId(), greenAgain.tenantId()));
        assertNotEquals(blue.instance(), green.instance(), "blue and green share no instance");
        // one caller at a time: each tenant's warm instance serves it again, and only it
        assertEquals(blue.instance(), blueAgain.instance());
        assertEquals(blue.count() + 1, blueAgain.count());
        assertEquals(green.instance(), greenAgain.instance());
        assertEquals(green.count() + 1, greenAgain.count());
        InvalidRequestException e = thrown(InvalidRequestException.class, () -> tenanted(null));
        assertEquals("tenanted", e.functionName());
        assertTrue(e.getMessage().contains("'tenanted'") && e.getMessage().contains("InvalidParameterValueException")
                && e.getMessage().contains("Tenant ID configuration not specified"), e.getMessage());
    }

    private TenantAnswer tenanted(String tenant) {
        return caller.withLambda(c -> c.invoke(InvocationRequest.builder("tenanted").tenantId(tenant).payload("{}")
                .build(), TenantAnswer.class));
    }
}
