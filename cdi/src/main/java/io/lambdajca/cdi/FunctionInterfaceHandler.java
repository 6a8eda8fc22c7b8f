package io.lambdajca.cdi;

import java.io.InputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.ResultMappingException;
import io.lambdajca.api.UnexpectedFailureException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * The implementation behind an injected typed function interface: each call takes a pooled connection and makes the
 * connection's typed invocation ({@link LambdaConnection#invoke(InvocationRequest, java.lang.reflect.Type)}), which
 * maps the argument and the result with the adapter's JSON-B. CompletionStage methods run on the container's default
 * managed executor, their argument mapped by this handler when they are called. {@code InputStream} and
 * {@code InvocationStream} methods invoke with response streaming
 * ({@link LambdaConnection#invokeStream(InvocationRequest)}).
 */
final class FunctionInterfaceHandler implements InvocationHandler, Serializable {

    private static final long serialVersionUID = 1L;
    private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private final Class<?> iface;
    private final String jndiName;
    // what follows is made again after deserialization (readResolve): a bean in a session or a view scope, or in a
    // stateful EJB, is serialized with the proxy when the server stores or passivates it
    private final transient Map<Method, FunctionMethod> methods;
    /** Null after deserialization: the application's BeanManager is then found through CDI. */
    private final transient BeanManager beanManager;
    /** The default methods' code, found once per method. */
    private final transient Map<Method, DefaultCall> defaults = new ConcurrentHashMap<>();
    /** The JSON-B that maps a CompletionStage method's argument on the caller's thread; made on first use. */
    private transient volatile Jsonb jsonb;
    /**
     * The connection factory of each calling module (its context class loader), looked up at the module's first call,
     * then kept: a JNDI lookup per call would cost more than the call's own overhead. Per module because the name is
     * the calling component's ({@code java:comp/env/lambda/Default} for the default): two WARs of an EAR sharing the
     * interface from its {@code lib/} may map it to different factories. (Two EJBs of one EJB module share its class
     * loader, so they share a factory even if each maps the name differently.) One handler serves every instance of the
     * interface's bean, so a new {@code @Dependent} instance (a JAX-RS resource's, per request) does not look it up
     * again.
     */
    private final transient Map<ClassLoader, LambdaConnectionFactory> factories = new ConcurrentHashMap<>();
    private transient volatile ManagedExecutorService executor;

    FunctionInterfaceHandler(Class<?> iface, String jndiName, Map<Method, FunctionMethod> methods,
            BeanManager beanManager) {
        this.iface = iface;
        this.jndiName = jndiName;
        this.methods = methods;
        this.beanManager = beanManager;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        FunctionMethod fm = methods.get(method);
        if (fm == null) {
            // a default method is the interface's own code; equals, hashCode and toString come as Object's
            return method.isDefault() ? defaultMethod(method).call(proxy, args == null ? new Object[0] : args)
                    : objectMethod(proxy, method, args);
        }
        Object input = fm.input(args);
        String tenantId = fm.tenantId(args);
        BeanManager events = beanManager(); // on the caller's thread: a deferred failure is told on the commit's
        LambdaConnectionFactory f = factory();
        if (fm.async) {
            return callLater(f, fm, input, tenantId, events);
        }
        return call(f, fm, request(fm, input, null, tenantId, events));
    }

    /**
     * A CompletionStage method's call, on the container's managed executor. A call that cannot start (no executor, or
     * one that refuses it) is refused at once; every failure of the call itself fails the returned stage with that
     * failure as it is, not wrapped in a {@link java.util.concurrent.CompletionException} (which the JDK adds to the
     * stages of {@code supplyAsync}), so that {@code exceptionally} and {@code handle} see the adapter's exception.
     */
    private Object callLater(LambdaConnectionFactory f, FunctionMethod fm, Object input, String tenantId,
            BeanManager events) {
        ManagedExecutorService e = executor;
        if (e == null) {
            e = managedExecutor();
            executor = e;
        }
        // the argument as it is now, mapped on the caller's thread (its transaction, its persistence context): the
        // application may change it, or close what it reads, before the executor gets to it
        InvocationRequest frozen;
        try {
            frozen = request(fm, null, input == null ? null : json(fm, input), tenantId, events);
        } catch (ResultMappingException unmappable) {
            return e.failedFuture(unmappable);
        }
        CompletableFuture<Object> result = e.newIncompleteFuture();
        try {
            e.runAsync(() -> {
                if (result.isDone()) {
                    return; // cancelled, or timed out, before it ran: nothing is sent
                }
                try {
                    result.complete(call(f, fm, frozen));
                } catch (RuntimeException | Error failure) {
                    result.completeExceptionally(failure);
                }
            }).whenComplete((ran, notRun) -> {
                if (notRun != null) { // the executor ended the task without running it (an application undeployed)
                    result.completeExceptionally(new ConnectionUnavailableException(fm.functionName, fm.label
                            + " (function " + fm.functionName + ") was not run: the managed executor ended its task ("
                            + notRun + ")", notRun));
                }
            });
        } catch (RejectedExecutionException full) {
            throw new ConnectionUnavailableException(fm.functionName, fm.label + " (function " + fm.functionName
                    + ") was not started: the managed executor refused it (" + full.getMessage() + ")", full);
        }
        return result;
    }

    /** The invocation of a call: its input an object for the adapter's JSON-B to map, or JSON already mapped. */
    private static InvocationRequest request(FunctionMethod fm, Object input, String json, String tenantId,
            BeanManager events) {
        InvocationRequest.Builder request = InvocationRequest.builder(fm.functionName).qualifier(fm.qualifier)
                .invocationType(fm.type).tenantId(tenantId).afterCommit(fm.afterCommit)
                .onDeferredFailure(e -> (events != null ? events : CDI.current().getBeanManager()).getEvent()
                        .select(LambdaDeliveryFailure.class).fire(new LambdaDeliveryFailure(fm.functionName, e)));
        if (json != null) {
            request.payload(json);
        } else if (input != null) {
            request.input(input);
        }
        return request.build();
    }

    /**
     * The argument as JSON, mapped by the server's JSON-B with the application's class loader, as the adapter maps an
     * input (the same provider and defaults); its failure the adapter's, a {@link ResultMappingException}.
     */
    private String json(FunctionMethod fm, Object input) {
        try {
            return jsonb().toJson(input);
        } catch (JsonbException e) {
            throw new ResultMappingException(fm.functionName, cannotMap(fm, input) + e.getMessage(), e);
        } catch (StackOverflowError deep) {
            throw new ResultMappingException(fm.functionName, cannotMap(fm, input) + "it is nested too deeply for "
                    + "JSON-B, which maps each level by a call of its own and ran out of the thread's stack "
                    + "(StackOverflowError)", null);
        }
    }

    private static String cannotMap(FunctionMethod fm, Object input) {
        return fm.label + ": input of type " + input.getClass().getName() + " for function '" + fm.functionName
                + "' cannot be mapped to JSON: ";
    }

    private Jsonb jsonb() {
        Jsonb j = jsonb;
        if (j == null) {
            j = JsonbBuilder.create(); // CPU only; the application's, for its CompletionStage methods
            jsonb = j;
        }
        return j;
    }

    private Object call(LambdaConnectionFactory factory, FunctionMethod fm, InvocationRequest request) {
        if (fm.streaming) {
            return stream(() -> connect(factory), fm, request);
        }
        Object result;
        try (LambdaConnection connection = connect(factory)) {
            // an Optional method asks for its element type, which comes back null for an empty or null result
            result = connection.invoke(request, fm.resultType);
        } catch (ResultMappingException e) {
            throw new ResultMappingException(e.functionName(), fm.label + ": " + e.getMessage(), e);
        }
        return fm.returned(result);
    }

    /**
     * A streaming method: the stream outlives the pooled connection that opened it, which goes back to the pool at
     * once. An {@code InputStream} method returns the stream's bytes, whose close closes the invocation stream.
     */
    static Object stream(Supplier<LambdaConnection> connect, FunctionMethod fm, InvocationRequest request) {
        InvocationStream stream;
        try (LambdaConnection connection = connect.get()) {
            stream = connection.invokeStream(request);
        }
        return fm.resultType == InputStream.class ? stream.inputStream() : stream;
    }

    /** The calling module's connection factory, looked up (outside any lock) at its first call. */
    private LambdaConnectionFactory factory() {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        ClassLoader module = caller == null ? iface.getClassLoader() : caller;
        LambdaConnectionFactory f = factories.get(module);
        if (f == null) {
            f = LambdaFactoryProducer.lookup(jndiName);
            factories.put(module, f);
        }
        return f;
    }

    /**
     * A connection from the factory; when it has none to give (the adapter redeployed under the application, say) the
     * factory is looked up again at the next call instead of being kept.
     */
    private LambdaConnection connect(LambdaConnectionFactory from) {
        try {
            return from.getConnection();
        } catch (ConnectionUnavailableException e) {
            factories.values().removeIf(kept -> kept == from);
            throw e;
        }
    }

    /** How a default method's code is called on the proxy. */
    @FunctionalInterface
    private interface DefaultCall {
        Object call(Object proxy, Object[] args) throws Throwable;
    }

    /**
     * A default method's code, called on the proxy: through a private lookup in its interface, so that the interface
     * need not be public (InvocationHandler.invokeDefault checks access from this class); for a method of an interface
     * whose module does not open its package to the application (the JDK's: {@code Function.andThen}), which is then
     * public, through {@code InvocationHandler.invokeDefault}.
     */
    private DefaultCall defaultMethod(Method method) {
        return defaults.computeIfAbsent(method, m -> {
            MethodHandle code;
            try {
                code = MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup())
                        .unreflectSpecial(m, m.getDeclaringClass());
            } catch (IllegalAccessException notOpen) {
                return (proxy, args) -> {
                    try {
                        return InvocationHandler.invokeDefault(proxy, m, args);
                    } catch (IllegalAccessException e) {
                        throw new UnexpectedFailureException(null, "the default method " + m + " cannot be called on "
                                + "the typed interface's bean: " + e.getMessage(), e);
                    }
                };
            }
            return (proxy, args) -> code.bindTo(proxy).invokeWithArguments(args);
        });
    }

    /** The application's BeanManager; after deserialization found through CDI (null where there is none). */
    private BeanManager beanManager() {
        if (beanManager != null) {
            return beanManager;
        }
        try {
            return CDI.current().getBeanManager();
        } catch (IllegalStateException noContainer) {
            return null;
        }
    }

    /** After deserialization: the same interface and factory, its methods described again (checked at deployment). */
    private Object readResolve() {
        return new FunctionInterfaceHandler(iface, jndiName, FunctionMethod.describeAll(iface, new ArrayList<>()),
                null);
    }

    private static ManagedExecutorService managedExecutor() {
        Object bound;
        try {
            bound = new InitialContext().lookup(MANAGED_EXECUTOR);
        } catch (NamingException | RuntimeException e) {
            // a server may throw either for a name it cannot resolve
            throw new ConnectionUnavailableException("CompletionStage methods run on the container's managed "
                    + "executor, but " + MANAGED_EXECUTOR + " cannot be looked up here: " + e, e);
        }
        if (!(bound instanceof ManagedExecutorService)) {
            throw new ConnectionUnavailableException("CompletionStage methods run on the container's managed "
                    + "executor, but " + MANAGED_EXECUTOR + " is bound to " + (bound == null ? "null"
                            : bound.getClass().getName()) + ", not to a " + ManagedExecutorService.class.getName(),
                    null);
        }
        return (ManagedExecutorService) bound;
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() != Object.class) {
            throw new UnsupportedOperationException(method.toString());
        }
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                String via = jndiName.isEmpty() ? "the default connection factory" : jndiName;
                return iface.getName() + " (Lambda functions via " + via + ")";
            default:
                throw new UnsupportedOperationException(method.toString());
        }
    }
}
