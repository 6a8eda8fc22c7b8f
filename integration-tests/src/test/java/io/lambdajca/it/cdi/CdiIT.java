package io.lambdajca.it.cdi;

import static io.lambdajca.ct.Failures.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.ResultMappingException;
import io.lambdajca.it.Deployments;
import io.lambdajca.it.Item;
import io.lambdajca.it.LambdaEnvironment;
import io.lambdajca.ct.PurchaseOrder;
import io.lambdajca.ct.Quote;
import io.lambdajca.ct.TenantAnswer;
import io.lambdajca.local.testing.Poll;
import jakarta.inject.Inject;

/**
 * CDI: injected connection factories, a typed function interface in a CDI bean and a JAX-RS resource (also methods
 * returning a streamed response), asynchronous calls on the managed executor, Event invocations sent only after
 * commit, and deployment-time checks.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class CdiIT {

    static final String BEANS_ALL = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
            + "bean-discovery-mode=\"all\"/>";

    @Deployment(name = "app")
    static WebArchive app() {
        return withCdiJar(Deployments.appUsingStandaloneRar("cdi-it.war", CdiIT.class, PricingFunctions.class,
                OrderService.class, FailureCounter.class, QuoteResource.class, RestApplication.class, Poll.class,
                TenantAnswer.class));
    }

    @Deployment(name = "no-name", managed = false, testable = false)
    static WebArchive noName() {
        return bad("no-name.war", BadNoName.class);
    }

    @Deployment(name = "two-parameters", managed = false, testable = false)
    static WebArchive twoParameters() {
        return bad("two-parameters.war", BadTwoParameters.class);
    }

    @Deployment(name = "unknown-definition", managed = false, testable = false)
    static WebArchive unknownDefinition() {
        return bad("unknown-definition.war", BadUnknownDefinition.class);
    }

    private static WebArchive bad(String name, Class<?> type) {
        return withCdiJar(ShrinkWrap.create(WebArchive.class, name).addClass(type)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment."
                        + LambdaEnvironment.RAR + "\n")));
    }

    private static WebArchive withCdiJar(WebArchive war) {
        return war.addAsLibrary(new File(System.getProperty("lambdajca.cdi.jar")))
                .addAsWebInfResource(new StringAsset(BEANS_ALL), "beans.xml");
    }

    @Inject
    OrderService orders;

    @Inject
    PricingFunctions functions;

    @Inject
    FailureCounter failures;

    @ArquillianResource
    Deployer deployer;

    @Test
    @OperateOnDeployment("app")
    void typedInterface_roundTripsRecordsGenericsAndOptional() throws Exception {
        PurchaseOrder order = new PurchaseOrder("cy", List.of(new PurchaseOrder.Line("a", 4, 100)));
        assertEquals(new Quote("cy", 4, 400), functions.price(order));
        assertEquals(400, functions.totalCents(order), "a default method, calling price through the bean");
        assertEquals(new Quote("cy", 4, 400), functions.priceAsFuture(order).get(10, TimeUnit.SECONDS));
        Map<String, List<Item>> nested = Map.of("left", List.of(new Item("a", 1)), "right", List.of());
        assertEquals(nested, functions.echoNested(nested));
        assertEquals(Optional.of(new Item("m", 7)), functions.echoMaybe(new Item("m", 7)));
        assertEquals(Optional.empty(), functions.echoNothing());
    }

    @Test
    @OperateOnDeployment("app")
    void streamingMethod_givesTheLinesAsTheyCome_andAFailureMidStreamAfterThem() throws IOException {
        try (InputStream in = functions.lines(4)) {
            assertEquals("line 1\nline 2\nline 3\nline 4\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream in = functions.linesThenFailure(2)) {
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            FunctionErrorException e = thrown(FunctionErrorException.class, () -> in.transferTo(read));
            assertEquals("line 1\nline 2\n", read.toString(StandardCharsets.UTF_8));
            assertTrue(e.getMessage().contains("failed after 2 lines"), e.getMessage());
        }
    }

    @Test
    @OperateOnDeployment("app")
    void tenantIdParameter_reachesTheFunctionsContext_andTenantsNeverShareAnInstance() {
        TenantAnswer blue = functions.countFor("blue", Map.of());
        TenantAnswer green = functions.countFor("green", Map.of());
        TenantAnswer blueAgain = functions.countFor("blue", Map.of());
        assertEquals("blue", blue.tenantId());
        assertEquals("green", green.tenantId());
        assertEquals("blue", blueAgain.tenantId());
        assertFalse(blue.instance().equals(green.instance()), "blue and green share no instance");
        assertEquals(blue.instance(), blueAgain.instance());
        assertEquals(blue.count() + 1, blueAgain.count());
        // a null tenant sends none, which a function with tenant isolation refuses
        InvalidRequestException e = thrown(InvalidRequestException.class, () -> functions.countFor(null, Map.of()));
        assertTrue(e.getMessage().contains("'tenanted'") && e.getMessage().contains("Tenant ID configuration not "
                + "specified"), e.getMessage());
    }

    @Test
    @OperateOnDeployment("app")
    void injectedFactories_defaultAndQualified() {
        assertTrue(orders.smallPoolWorks());
        assertTrue(orders.defaultFactoryWorks());
    }

    @Test
    @OperateOnDeployment("app")
    void functionError_andUnmappableResult_raiseClearExceptions() {
        FunctionErrorException e = thrown(FunctionErrorException.class, () -> functions.fail(new Item("z", 0)));
        assertEquals("java.lang.IllegalStateException", e.errorType());
        assertTrue(e.errorMessage().startsWith("failed on purpose"), e.errorMessage());
        ResultMappingException m = thrown(ResultMappingException.class, () -> functions.wrongType(List.of(1, 2)));
        assertTrue(m.getMessage().contains("'echo'") && m.getMessage().contains(Quote.class.getName())
                && m.getMessage().contains("PricingFunctions.wrongType"), m.getMessage());
    }

    @Test
    @OperateOnDeployment("app")
    void completionStage_runsOnAManagedThread_withoutBlockingTheCaller() throws Exception {
        long start = System.nanoTime();
        CompletionStage<Map<String, Object>> stage = functions.sleepAsync(Map.of("sleepMillis", 400));
        long returnedAfterMillis = (System.nanoTime() - start) / 1_000_000;
        AtomicReference<String> thread = new AtomicReference<>();
        AtomicReference<Map<String, Object>> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        // no get() or join() here: a thread waiting in get() may run the stage's dependents itself
        stage.whenComplete((r, e) -> {
            thread.set(Thread.currentThread().getName());
            result.set(r);
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS), "completed");
        assertTrue(returnedAfterMillis < 300, "the caller was not blocked: " + returnedAfterMillis + " ms");
        assertEquals(400, ((Number) result.get().get("slept")).intValue());
        assertTrue(thread.get() != null && thread.get().contains("ManagedExecutorService"),
                "completed on a container-managed thread: " + thread.get());
    }

    @Test
    @OperateOnDeployment("app")
    void completionStage_whoseFunctionFails_failsWithTheFunctionErrorItself() throws Exception {
        // what exceptionally and handle see: the adapter's exception, not a CompletionException around it
        Throwable failure = functions.failLater(new Item("z", 0)).handle((result, thrown) -> thrown)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        FunctionErrorException e = assertInstanceOf(FunctionErrorException.class, failure, String.valueOf(failure));
        assertTrue(e.errorMessage().startsWith("failed on purpose"), e.errorMessage());
    }

    @Test
    @OperateOnDeployment("app")
    void eventAfterCommit_isSentOnceOnCommit_andNeverOnRollback() throws Exception {
        functions.control(Map.of("op", "reset"));
        orders.recordAndCommit();
        assertEquals(1, startedEventually(1), "one invocation after commit");
        thrown(IllegalStateException.class, () -> orders.recordAndRollBack());
        // an invocation sent on rollback would have been queued at the endpoint before this committed one, so the
        // count that includes this one shows it: 2 means none went on rollback
        assertTrue(orders.deferredThroughConnectionApi(), "the connection API reports the invocation as deferred");
        assertEquals(2, startedEventually(2), "none after rollback; the connection API's deferred invocation went "
                + "after commit");
        functions.recordAfterCommit(Map.of("sleepMillis", 1));
        assertEquals(3, startedEventually(3), "outside a transaction it goes at once");
    }

    @Test
    @OperateOnDeployment("app")
    void failureAfterCommit_reachesTheApplicationsObserver() {
        int before = failures.failures().size();
        orders.ghostAndCommit();
        assertEquals(before + 1, failures.failures().size());
        assertEquals("ghost", failures.failures().get(before).functionName());
    }

    @Test
    @RunAsClient
    @OperateOnDeployment("app")
    void jaxRsResource_getsTheTypedInterfaceInjected(@ArquillianResource URL base) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base + "api/quote?customer=dee&quantity=3")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"totalCents\":750") && r.body().contains("\"customer\":\"dee\""), r.body());
    }

    @Test
    @RunAsClient
    void mistakes_failTheDeployment_withAClearMessage() {
        assertDeploymentFails("no-name", "LAMBDAJCA2001", "BadNoName.greet");
        assertDeploymentFails("two-parameters", "LAMBDAJCA2002", "BadTwoParameters.greet");
        assertDeploymentFails("unknown-definition", "LAMBDAJCA2003", "java:/lambda/NoSuchDefinition");
    }

    private void assertDeploymentFails(String name, String... expected) {
        try {
            deployer.deploy(name);
        } catch (Exception e) {
            StringWriter text = new StringWriter();
            e.printStackTrace(new PrintWriter(text));
            for (String s : expected) {
                assertTrue(text.toString().contains(s), name + " failed, but not with " + s + ":\n" + text);
            }
            return;
        } finally {
            try {
                deployer.undeploy(name);
            } catch (Exception ignored) {
                // it never deployed
            }
        }
        fail(name + " deployed although it is wrong");
    }

    private int started() {
        return ((Number) functions.control(Map.of("op", "count")).get("started")).intValue();
    }

    /** The start count once it reached {@code expected} (more shows an invocation too many); fails after 10 s. */
    private int startedEventually(int expected) {
        return Poll.value(Duration.ofSeconds(10), this::started, n -> n >= expected, expected + " started");
    }
}
