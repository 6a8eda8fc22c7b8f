package io.lambdajca.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.ResultMappingException;
import io.lambdajca.cdi.hidden.HiddenFunctions;
import jakarta.enterprise.concurrent.ManagedExecutorService;

/**
 * What a typed function interface's proxy does with the methods that call no function: a default method runs the
 * interface's own code (its function methods through the proxy), and equals, hashCode and toString are the proxy's.
 */
class FunctionInterfaceHandlerTest {

    interface Labelled {
        @LambdaFunction(name = "price")
        String price(String sku);

        default String label() {
            return "pricing";
        }

        default String twice(String sku) {
            return price(sku) + price(sku);
        }
    }

    private Labelled proxy;

    @BeforeEach
    void proxy() throws NoSuchMethodException {
        FailingNaming.install();
        Method price = Labelled.class.getMethod("price", String.class);
        FunctionMethod fm = FunctionMethod.describe(Labelled.class, price, new ArrayList<>());
        proxy = (Labelled) Proxy.newProxyInstance(Labelled.class.getClassLoader(), new Class<?>[] {Labelled.class},
                new FunctionInterfaceHandler(Labelled.class, "java:global/lambda/Pricing", Map.of(price, fm), null));
    }

    @AfterEach
    void uninstall() {
        FailingNaming.uninstall();
    }

    @Test
    void aDefaultMethod_runsTheInterfacesCode() {
        assertThat(proxy.label()).isEqualTo("pricing");
    }

    @Test
    void aDefaultMethod_callsTheFunctionMethodsThroughTheProxy() {
        // no factory is bound here: the function method's lookup is what fails, with the connector's exception
        assertThatThrownBy(() -> proxy.twice("sku-1")).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("No Lambda connection factory is bound at java:global/lambda/Pricing");
    }

    @Test
    void aDefaultMethod_ofAnInterfaceThatIsNotPublic_runsToo() throws Exception {
        Class<?> hidden = HiddenFunctions.INTERFACE;
        Object bean = Proxy.newProxyInstance(hidden.getClassLoader(), new Class<?>[] {hidden},
                new FunctionInterfaceHandler(hidden, "java:global/lambda/Hidden",
                        FunctionMethod.describeAll(hidden, new ArrayList<>()), null));
        Method label = hidden.getMethod("label");
        label.setAccessible(true); // the test's own access to a package-private interface, not the bean's
        assertThat(label.invoke(bean)).isEqualTo("hidden pricing");
    }

    @Test
    void aFactoryWithNoConnectionToGive_isLookedUpAgainAtTheNextCall() throws Exception {
        FailingNaming.bind("java:global/lambda/Pricing", factory(() -> {
            throw new ConnectionUnavailableException("the adapter was undeployed", null);
        }));
        assertThatThrownBy(() -> proxy.price("sku-1")).isInstanceOf(ConnectionUnavailableException.class);
        FailingNaming.bind("java:global/lambda/Pricing", factory(() -> connection("42")));
        assertThat(proxy.price("sku-1")).isEqualTo("42");
    }

    @Test
    void theFactory_isLookedUpOncePerCallingModule_asTwoWarsOfAnEarMayMapTheNameToDifferentFactories() {
        ClassLoader first = new ClassLoader(getClass().getClassLoader()) { };
        ClassLoader second = new ClassLoader(getClass().getClassLoader()) { };
        AtomicInteger lookups = new AtomicInteger();
        FailingNaming.bindComputed("java:global/lambda/Pricing", () -> {
            lookups.incrementAndGet();
            boolean ofSecond = Thread.currentThread().getContextClassLoader() == second;
            return factory(() -> connection(ofSecond ? "second" : "first"));
        });
        assertThat(inModule(first, () -> proxy.price("sku-1"))).isEqualTo("first");
        assertThat(inModule(second, () -> proxy.price("sku-1"))).isEqualTo("second");
        assertThat(inModule(first, () -> proxy.price("sku-1"))).isEqualTo("first");
        assertThat(inModule(second, () -> proxy.price("sku-1"))).isEqualTo("second");
        assertThat(lookups).as("one lookup per module, then its factory kept").hasValue(2);
    }

    private static <T> T inModule(ClassLoader module, Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(module);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    interface Later {
        @LambdaFunction(name = "price")
        java.util.concurrent.CompletionStage<String> price(String sku);
    }

    @Test
    void anAsyncMethod_whoseExecutorNameIsBoundToSomethingElse_failsWithTheConnectorsException() throws Exception {
        FailingNaming.bind("java:comp/DefaultManagedExecutorService", "not an executor");
        Later later = later();
        assertThatThrownBy(() -> later.price("sku-1")).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("java:comp/DefaultManagedExecutorService is bound to java.lang.String");
    }

    @Test
    void anAsyncMethod_withoutAnExecutorBound_failsWithTheConnectorsException() throws Exception {
        Later later = later();
        assertThatThrownBy(() -> later.price("sku-1")).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("java:comp/DefaultManagedExecutorService cannot be looked up here");
    }

    @Test
    void anAsyncMethod_whoseExecutorRefusesTheTask_isRefusedAsAnyCallWithoutAThreadOrConnection() throws Exception {
        FailingNaming.bind("java:comp/DefaultManagedExecutorService", Proxy.newProxyInstance(
                ManagedExecutorService.class.getClassLoader(), new Class<?>[] {ManagedExecutorService.class},
                (p, m, a) -> switch (m.getName()) {
                    case "newIncompleteFuture" -> new CompletableFuture<>();
                    case "runAsync" -> throw new RejectedExecutionException("the executor's queue is full");
                    default -> throw new UnsupportedOperationException(m.getName());
                }));
        Later later = later();
        assertThatThrownBy(() -> later.price("sku-1")).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("Later.price (function price) was not started",
                        "the executor's queue is full")
                .hasCauseInstanceOf(RejectedExecutionException.class)
                .satisfies(e -> assertThat(((ConnectionUnavailableException) e).functionName()).isEqualTo("price"));
    }

    /** A function interface that is a JDK functional interface too: its default methods are the JDK's. */
    interface PriceFunction extends java.util.function.Function<String, String> {
        @Override
        @LambdaFunction(name = "price")
        String apply(String sku);
    }

    @Test
    void aDefaultMethod_ofAJdkInterface_runsToo() {
        FailingNaming.bind("java:global/lambda/Pricing", factory(() -> connection("42")));
        PriceFunction function = (PriceFunction) Proxy.newProxyInstance(PriceFunction.class.getClassLoader(),
                new Class<?>[] {PriceFunction.class}, new FunctionInterfaceHandler(PriceFunction.class,
                        "java:global/lambda/Pricing", FunctionMethod.describeAll(PriceFunction.class,
                                new ArrayList<>()), null));
        // java.base does not open java.util.function to the application: no private lookup into it
        assertThat(function.andThen(price -> price + " EUR").apply("sku-1")).isEqualTo("42 EUR");
    }

    interface Quotes {
        @LambdaFunction(name = "quote")
        CompletionStage<String> quote(List<String> items);
    }

    @Test
    void anAsyncMethod_sendsItsArgumentAsItWasWhenCalled_mappedOnTheCallersThread() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        FailingNaming.bind("java:comp/DefaultManagedExecutorService", queuing(queued));
        List<InvocationRequest> sent = new ArrayList<>();
        FailingNaming.bind("java:global/lambda/Quotes", factory(() -> recording(sent, "ok")));
        Quotes quotes = (Quotes) Proxy.newProxyInstance(Quotes.class.getClassLoader(), new Class<?>[] {Quotes.class},
                new FunctionInterfaceHandler(Quotes.class, "java:global/lambda/Quotes",
                        FunctionMethod.describeAll(Quotes.class, new ArrayList<>()), null));
        List<String> items = new ArrayList<>(List.of("apple", "pear"));

        CompletionStage<String> quote = quotes.quote(items);
        items.clear(); // the application goes on with its list before the executor gets to the call
        queued.forEach(Runnable::run);

        assertThat(quote.toCompletableFuture().get()).isEqualTo("ok");
        assertThat(sent).singleElement().satisfies(r -> assertThat(new String(r.payload(), StandardCharsets.UTF_8))
                .isEqualTo("[\"apple\",\"pear\"]"));
    }

    /** An argument JSON-B cannot map: its getter fails. */
    public static class Unmappable {
        public String getSku() {
            throw new IllegalStateException("the entity's session is closed");
        }
    }

    interface Unmapped {
        @LambdaFunction(name = "quote")
        CompletionStage<String> quote(Unmappable item);
    }

    @Test
    void anAsyncMethod_whoseArgumentCannotBeMapped_returnsAFailedStage_sendingNothing() {
        List<Runnable> queued = new ArrayList<>();
        FailingNaming.bind("java:comp/DefaultManagedExecutorService", queuing(queued));
        FailingNaming.bind("java:global/lambda/Quotes", factory(() -> {
            throw new AssertionError("no connection is taken");
        }));
        Unmapped unmapped = (Unmapped) Proxy.newProxyInstance(Unmapped.class.getClassLoader(),
                new Class<?>[] {Unmapped.class}, new FunctionInterfaceHandler(Unmapped.class,
                        "java:global/lambda/Quotes", FunctionMethod.describeAll(Unmapped.class, new ArrayList<>()),
                        null));
        CompletionStage<String> quote = unmapped.quote(new Unmappable());
        assertThat(queued).as("tasks given to the executor").isEmpty();
        assertThat(quote.handle((result, failure) -> failure).toCompletableFuture().join())
                .isInstanceOf(ResultMappingException.class)
                .hasMessageContaining("Unmapped.quote: input of type " + Unmappable.class.getName());
    }

    @Test
    void anAsyncMethod_whoseCallFails_failsItsStageWithTheAdaptersExceptionItself() {
        List<Runnable> queued = new ArrayList<>();
        FailingNaming.bind("java:comp/DefaultManagedExecutorService", queuing(queued));
        FunctionNotFoundException notFound = new FunctionNotFoundException("price", "no function 'price'", null);
        FailingNaming.bind("java:global/lambda/Pricing", factory(() -> failing(notFound)));
        Later later = (Later) Proxy.newProxyInstance(Later.class.getClassLoader(), new Class<?>[] {Later.class},
                new FunctionInterfaceHandler(Later.class, "java:global/lambda/Pricing",
                        FunctionMethod.describeAll(Later.class, new ArrayList<>()), null));
        CompletionStage<String> price = later.price("sku-1");
        queued.forEach(Runnable::run);
        // what exceptionally and handle get, as the README says; join() wraps it, as the JDK's join() does
        assertThat(price.handle((result, failure) -> failure).toCompletableFuture().join()).isSameAs(notFound);
        assertThatThrownBy(() -> price.toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .hasCause(notFound);
    }

    @Test
    void anAsyncMethod_whoseTaskTheExecutorEndsUnrun_failsItsStage_withConnectionUnavailable() throws Exception {
        IllegalStateException ended = new IllegalStateException("the application's context is gone");
        FailingNaming.bind("java:comp/DefaultManagedExecutorService", Proxy.newProxyInstance(
                ManagedExecutorService.class.getClassLoader(), new Class<?>[] {ManagedExecutorService.class},
                (p, m, a) -> switch (m.getName()) {
                    case "newIncompleteFuture" -> new CompletableFuture<>();
                    case "runAsync" -> CompletableFuture.failedFuture(ended); // the task never ran
                    default -> throw new UnsupportedOperationException(m.getName());
                }));
        Throwable failure = later().price("sku-1").handle((result, thrown) -> thrown).toCompletableFuture()
                .get(5, TimeUnit.SECONDS); // a stage never completed would wait for ever
        assertThat(failure).isInstanceOf(ConnectionUnavailableException.class).hasCause(ended)
                .hasMessageContaining("Later.price (function price) was not run: the managed executor ended its task");
    }

    @Test
    void anAsyncMethod_cancelledBeforeItsTaskRuns_sendsNothing() {
        List<Runnable> queued = new ArrayList<>();
        FailingNaming.bind("java:comp/DefaultManagedExecutorService", queuing(queued));
        AtomicInteger connections = new AtomicInteger();
        FailingNaming.bind("java:global/lambda/Pricing", factory(() -> {
            connections.incrementAndGet();
            return connection("42");
        }));
        Later later = (Later) Proxy.newProxyInstance(Later.class.getClassLoader(), new Class<?>[] {Later.class},
                new FunctionInterfaceHandler(Later.class, "java:global/lambda/Pricing",
                        FunctionMethod.describeAll(Later.class, new ArrayList<>()), null));
        CompletionStage<String> price = later.price("sku-1");
        price.toCompletableFuture().cancel(false); // or orTimeout, before the executor got to it
        queued.forEach(Runnable::run);
        assertThat(connections).as("connections taken").hasValue(0);
        assertThat(price.toCompletableFuture()).isCancelled();
    }

    /**
     * A managed executor that runs each task when the test says (its queue), with the futures of its own that the
     * handler asks for.
     */
    private static ManagedExecutorService queuing(List<Runnable> queued) {
        return (ManagedExecutorService) Proxy.newProxyInstance(ManagedExecutorService.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (p, m, a) -> switch (m.getName()) {
                    case "newIncompleteFuture" -> new CompletableFuture<>();
                    case "failedFuture" -> CompletableFuture.failedFuture((Throwable) a[0]);
                    case "runAsync" -> {
                        CompletableFuture<Void> done = new CompletableFuture<>();
                        queued.add(() -> {
                            ((Runnable) a[0]).run();
                            done.complete(null);
                        });
                        yield done;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A connection whose typed invocation throws {@code failure}. */
    private static LambdaConnection failing(RuntimeException failure) {
        return (LambdaConnection) Proxy.newProxyInstance(LambdaConnection.class.getClassLoader(),
                new Class<?>[] {LambdaConnection.class}, (p, m, a) -> switch (m.getName()) {
                    case "invoke" -> throw failure;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A connection recording each typed invocation's request, answering {@code result}. */
    private static LambdaConnection recording(List<InvocationRequest> sent, Object result) {
        return (LambdaConnection) Proxy.newProxyInstance(LambdaConnection.class.getClassLoader(),
                new Class<?>[] {LambdaConnection.class}, (p, m, a) -> switch (m.getName()) {
                    case "invoke" -> {
                        sent.add((InvocationRequest) a[0]);
                        yield result;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** The proxy of {@link Later}, whose factory gives connections answering "42". */
    private static Later later() {
        FailingNaming.bind("java:global/lambda/Pricing", factory(() -> connection("42")));
        return (Later) Proxy.newProxyInstance(Later.class.getClassLoader(), new Class<?>[] {Later.class},
                new FunctionInterfaceHandler(Later.class, "java:global/lambda/Pricing",
                        FunctionMethod.describeAll(Later.class, new ArrayList<>()), null));
    }

    /** A connection factory whose getConnection() is {@code connect}. */
    private static LambdaConnectionFactory factory(Supplier<LambdaConnection> connect) {
        return (LambdaConnectionFactory) Proxy.newProxyInstance(LambdaConnectionFactory.class.getClassLoader(),
                new Class<?>[] {LambdaConnectionFactory.class}, (p, m, a) -> {
                    if (m.getName().equals("getConnection")) {
                        return connect.get();
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A connection whose typed invocation answers {@code result}. */
    private static LambdaConnection connection(Object result) {
        return (LambdaConnection) Proxy.newProxyInstance(LambdaConnection.class.getClassLoader(),
                new Class<?>[] {LambdaConnection.class}, (p, m, a) -> switch (m.getName()) {
                    case "invoke" -> result;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void theProxy_survivesSerialization_asASessionOrPassivatedBeanIsStored() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(proxy);
        }
        Labelled restored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = (Labelled) in.readObject();
        }
        assertThat(restored.toString()).isEqualTo(proxy.toString());
        assertThat(restored.label()).isEqualTo("pricing");
        // its function method is described again and calls through the same JNDI name
        assertThatThrownBy(() -> restored.price("sku-1")).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("No Lambda connection factory is bound at java:global/lambda/Pricing");
    }

    @Test
    void objectsMethods_areTheProxys() {
        assertThat(proxy.toString()).isEqualTo(Labelled.class.getName()
                + " (Lambda functions via java:global/lambda/Pricing)");
        assertThat(proxy).isEqualTo(proxy);
        assertThat(proxy.equals(new Object())).isFalse();
        assertThat(proxy.hashCode()).isEqualTo(System.identityHashCode(proxy));
    }
}
