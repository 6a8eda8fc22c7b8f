package io.lambdajca.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.InvocationType;

/**
 * What the extension makes of each method of a typed function interface at deployment: the valid shapes (a result,
 * {@code Optional}, {@code CompletionStage}, {@code void}, Event after commit) and, for each mistake, the problem with
 * its id, naming the interface and method and saying what to write instead.
 */
class FunctionMethodTest {

    record Order(String id) {
    }

    interface Valid {
        @LambdaFunction(name = "price", qualifier = "live")
        Order plain(Order in);

        @LambdaFunction(name = "price")
        List<? extends Order> wildList(Order in);

        @LambdaFunction(name = "count")
        OptionalInt count(Order in);

        @LambdaFunction(name = "count")
        OptionalLong total(Order in);

        @LambdaFunction(name = "count")
        CompletionStage<OptionalDouble> average(Order in);

        @LambdaFunction(name = "price")
        CompletableFuture<Order> laterAsFuture(Order in);

        @LambdaFunction(name = "price")
        Future<Order> laterAsPlainFuture(Order in);

        @LambdaFunction(name = "price")
        Optional<Order> maybe(Order in);

        @LambdaFunction(name = "price")
        CompletionStage<Order> later(Order in);

        @LambdaFunction(name = "price")
        CompletionStage<Optional<List<Order>>> laterMaybeMany();

        @LambdaFunction(name = "audit", type = InvocationType.EVENT)
        void event(Order in);

        @LambdaFunction(name = "audit", type = InvocationType.EVENT)
        CompletionStage<Void> eventLater(Order in);

        @LambdaFunction(name = "audit", type = InvocationType.EVENT, afterCommit = true)
        void eventAfterCommit(Order in);

        @LambdaFunction(name = "price", type = InvocationType.DRY_RUN)
        void check(Order in);

        @LambdaFunction(name = "price")
        Order forTenant(@TenantId String tenant, Order in);

        @LambdaFunction(name = "price")
        CompletionStage<Order> inputThenTenant(Order in, @TenantId String tenant);

        @LambdaFunction(name = "price")
        Order tenantOnly(@TenantId String tenant);

        @LambdaFunction(name = "export")
        InputStream download(Order in);

        @LambdaFunction(name = "export", qualifier = "live")
        InvocationStream export(@TenantId String tenant, Order in);
    }

    /** A generic interface's method, whose result type is a type variable in the interface that extends it. */
    interface Call<I, O> {
        @LambdaFunction(name = "price")
        O inherited(I in);
    }

    interface Mistakes extends Call<Order, Order> {
        Order noAnnotation(Order in);

        @LambdaFunction(name = "price")
        <T> List<T> genericMethod(Order in);

        @LambdaFunction(name = " ")
        Order blankName(Order in);

        @LambdaFunction(name = "price")
        Order twoParameters(Order a, Order b);

        @LambdaFunction(name = "audit", type = InvocationType.EVENT)
        Order eventWithResult(Order in);

        @LambdaFunction(name = "price", type = InvocationType.DRY_RUN)
        CompletionStage<Order> dryRunWithResult(Order in);

        @LambdaFunction(name = "price", afterCommit = true)
        void afterCommitRequestResponse(Order in);

        @LambdaFunction(name = "audit", type = InvocationType.EVENT, afterCommit = true)
        CompletionStage<Void> afterCommitAsync(Order in);

        @LambdaFunction(name = "price")
        CompletionStage<?> wildStage(Order in);

        @LambdaFunction(name = "price")
        Optional<? extends Order> wildOptional(Order in);

        @SuppressWarnings("rawtypes")
        @LambdaFunction(name = "price")
        CompletionStage rawStage(Order in);

        @SuppressWarnings("rawtypes")
        @LambdaFunction(name = "price")
        Optional rawOptional(Order in);

        @SuppressWarnings("rawtypes")
        @LambdaFunction(name = "price")
        CompletionStage<Optional> rawOptionalInStage(Order in);

        @LambdaFunction(name = "price")
        Order twoTenants(@TenantId String a, @TenantId String b);

        @LambdaFunction(name = "price")
        Order tenantNotAString(@TenantId Integer tenant, Order in);

        @LambdaFunction(name = "price")
        Order twoInputsBesidesTheTenant(Order a, @TenantId String tenant, Order b);

        @LambdaFunction(name = "export")
        CompletionStage<InputStream> streamLater(Order in);

        @LambdaFunction(name = "export")
        Optional<InvocationStream> maybeStream(Order in);

        @LambdaFunction(name = "export", type = InvocationType.EVENT)
        InputStream eventStream(Order in);

        @LambdaFunction(name = "export", type = InvocationType.DRY_RUN)
        InvocationStream dryRunStream(Order in);

        @LambdaFunction(name = "export", type = InvocationType.EVENT, afterCommit = true)
        InputStream afterCommitEventStream(Order in);

        @LambdaFunction(name = "export", afterCommit = true)
        InputStream afterCommitStream(Order in);
    }

    @Test
    void plainResult_isASynchronousRequestResponseCall() {
        FunctionMethod fm = valid("plain");
        assertThat(fm.functionName).isEqualTo("price");
        assertThat(fm.qualifier).isEqualTo("live");
        assertThat(fm.type).isEqualTo(InvocationType.REQUEST_RESPONSE);
        assertThat(fm.resultType).isEqualTo(Order.class);
        assertThat(fm.async || fm.optional() || fm.afterCommit).isFalse();
    }

    @Test
    void optional_isUnwrapped() {
        FunctionMethod fm = valid("maybe");
        assertThat(fm.optional()).isTrue();
        assertThat(fm.async).isFalse();
        assertThat(fm.resultType).isEqualTo(Order.class);
        assertThat(fm.qualifier).as("no qualifier means $LATEST").isNull();
    }

    @Test
    void primitiveOptionals_areUnwrappedToTheirWrapper_andEmptyForNoResult() {
        FunctionMethod count = valid("count");
        assertThat(count.optional()).isTrue();
        assertThat(count.resultType).isEqualTo(Integer.class);
        assertThat(count.returned(7)).isEqualTo(OptionalInt.of(7));
        assertThat(count.returned(null)).isEqualTo(OptionalInt.empty());
        assertThat(valid("total").returned(null)).isEqualTo(OptionalLong.empty());
        assertThat(valid("average").returned(2.5)).isEqualTo(OptionalDouble.of(2.5));
        assertThat(valid("maybe").returned(null)).isEqualTo(Optional.empty());
    }

    @Test
    void completionStage_isAsynchronous_andItsArgumentIsTheResult() {
        FunctionMethod fm = valid("later");
        assertThat(fm.async).isTrue();
        assertThat(fm.optional()).isFalse();
        assertThat(fm.resultType).isEqualTo(Order.class);

        FunctionMethod nested = valid("laterMaybeMany");
        assertThat(nested.async).isTrue();
        assertThat(nested.optional()).isTrue();
        assertThat(nested.resultType).isInstanceOfSatisfying(ParameterizedType.class,
                p -> assertThat(p.getTypeName()).isEqualTo("java.util.List<" + Order.class.getName() + ">"));
    }

    @Test
    void completableFuture_orFuture_isAsynchronousToo() {
        for (String name : List.of("laterAsFuture", "laterAsPlainFuture")) {
            FunctionMethod fm = valid(name);
            assertThat(fm.async).as(name).isTrue();
            assertThat(fm.resultType).as(name).isEqualTo(Order.class);
        }
    }

    @Test
    void aResultTypeThatIsATypeVariable_isLAMBDAJCA2006() {
        assertThat(problem("inherited")).isEqualTo("LAMBDAJCA2006: " + where("inherited") + " returns O, whose type "
                + "O (a method inherited from a generic interface keeps its type variable) is not a type JSON-B can "
                + "map a result to: declare the method with its concrete result type");
        assertThat(problem("genericMethod")).startsWith("LAMBDAJCA2006: " + where("genericMethod") + " returns "
                + "java.util.List<T>, whose type T (a method");
    }

    @Test
    void aResultTypeThatIsAWildcard_isLAMBDAJCA2006() {
        // JSON-B cannot map a result to a wildcard itself either: every non-empty result would fail at run time
        assertThat(problem("wildStage")).isEqualTo("LAMBDAJCA2006: " + where("wildStage") + " returns "
                + "java.util.concurrent.CompletionStage<?>, whose wildcard ? is not a type JSON-B can map a result "
                + "to: declare the method with its concrete result type");
        assertThat(problem("wildOptional")).contains("whose wildcard ? extends " + Order.class.getName());
        // inside a type, JSON-B maps a wildcard to its bound
        assertThat(valid("wildList").resultType.getTypeName()).isEqualTo("java.util.List<? extends "
                + Order.class.getName() + ">");
    }

    @Test
    void voidEvent_andCompletionStageOfVoid_haveNoResult() {
        FunctionMethod event = valid("event");
        assertThat(event.type).isEqualTo(InvocationType.EVENT);
        assertThat(event.resultType).isIn(void.class, Void.class);
        assertThat(event.async).isFalse();

        FunctionMethod later = valid("eventLater");
        assertThat(later.resultType).isIn(void.class, Void.class);
        assertThat(later.async).isTrue();

        assertThat(valid("check").type).isEqualTo(InvocationType.DRY_RUN);
    }

    @Test
    void afterCommit_onAVoidEvent_isValid() {
        FunctionMethod fm = valid("eventAfterCommit");
        assertThat(fm.afterCommit).isTrue();
        assertThat(fm.resultType).isIn(void.class, Void.class);
    }

    @Test
    void noAnnotation_orBlankName_isLAMBDAJCA2001() {
        assertThat(problem("noAnnotation")).isEqualTo("LAMBDAJCA2001: " + where("noAnnotation")
                + " has no function name: annotate it with @LambdaFunction(name = \"...\")");
        assertThat(problem("blankName")).startsWith("LAMBDAJCA2001: " + where("blankName") + " has no function name");
    }

    @Test
    void twoParameters_isLAMBDAJCA2002() {
        assertThat(problem("twoParameters")).startsWith("LAMBDAJCA2002: " + where("twoParameters") + " takes 2 "
                + "parameters").contains("take a single parameter (a record or a class holding them)");
    }

    @Test
    void aResult_fromAnEventOrDryRun_isLAMBDAJCA2004() {
        assertThat(problem("eventWithResult")).isEqualTo("LAMBDAJCA2004: " + where("eventWithResult")
                + " is an Event invocation, which returns no result: declare it void (or CompletionStage<Void>)");
        assertThat(problem("dryRunWithResult")).startsWith("LAMBDAJCA2004: " + where("dryRunWithResult")
                + " is a DryRun invocation, which returns no result");
    }

    @Test
    void afterCommit_onOtherThanAVoidEvent_isLAMBDAJCA2005() {
        String expected = " sets afterCommit, which needs type = InvocationType.EVENT and a void method";
        assertThat(problem("afterCommitRequestResponse"))
                .isEqualTo("LAMBDAJCA2005: " + where("afterCommitRequestResponse") + expected);
        assertThat(problem("afterCommitAsync")).isEqualTo("LAMBDAJCA2005: " + where("afterCommitAsync") + expected);
    }

    @Test
    void rawCompletionStageOrOptional_isLAMBDAJCA2006() {
        assertThat(problem("rawStage")).isEqualTo("LAMBDAJCA2006: " + where("rawStage")
                + " returns a raw java.util.concurrent.CompletionStage: give its type argument");
        assertThat(problem("rawOptional")).isEqualTo("LAMBDAJCA2006: " + where("rawOptional")
                + " returns a raw java.util.Optional: give its type argument");
        assertThat(problem("rawOptionalInStage")).isEqualTo("LAMBDAJCA2006: " + where("rawOptionalInStage")
                + " returns a raw java.util.Optional: give its type argument");
    }

    @Test
    void tenantIdParameter_isTheTenant_andTheOtherParameterTheInput() {
        Order order = new Order("o-1");
        FunctionMethod first = valid("forTenant");
        assertThat(first.tenantId(new Object[] {"tenant-a", order})).isEqualTo("tenant-a");
        assertThat(first.input(new Object[] {"tenant-a", order})).isSameAs(order);
        assertThat(first.tenantId(new Object[] {null, order})).as("a null tenant sends none").isNull();

        FunctionMethod last = valid("inputThenTenant");
        assertThat(last.async).isTrue();
        assertThat(last.input(new Object[] {order, "t"})).isSameAs(order);
        assertThat(last.tenantId(new Object[] {order, "t"})).isEqualTo("t");

        FunctionMethod only = valid("tenantOnly");
        assertThat(only.input(new Object[] {"t"})).as("no input besides the tenant").isNull();
        assertThat(only.tenantId(new Object[] {"t"})).isEqualTo("t");

        FunctionMethod none = valid("plain");
        assertThat(none.tenantId(new Object[] {order})).isNull();
        assertThat(none.input(new Object[] {order})).isSameAs(order);
        assertThat(valid("laterMaybeMany").input(null)).as("no parameters at all").isNull();
    }

    @Test
    void tenantIdOnOtherThanOneStringParameter_isLAMBDAJCA2008() {
        assertThat(problem("twoTenants")).isEqualTo("LAMBDAJCA2008: " + where("twoTenants") + " has more than one "
                + "@TenantId parameter: the tenant id is one String parameter annotated @TenantId");
        assertThat(problem("tenantNotAString")).isEqualTo("LAMBDAJCA2008: " + where("tenantNotAString") + " has a "
                + "@TenantId parameter of type java.lang.Integer: the tenant id is one String parameter annotated "
                + "@TenantId");
    }

    @Test
    void twoInputsBesidesTheTenant_isLAMBDAJCA2002() {
        assertThat(problem("twoInputsBesidesTheTenant")).startsWith("LAMBDAJCA2002: "
                + where("twoInputsBesidesTheTenant") + " takes 2 parameters besides its @TenantId, which JSON-B");
    }

    @Test
    void streamReturn_invokesWithStreaming_andIsNotMappedFromJson() {
        FunctionMethod bytes = valid("download");
        assertThat(bytes.streaming).isTrue();
        assertThat(bytes.resultType).isEqualTo(InputStream.class);
        assertThat(bytes.async || bytes.optional()).isFalse();

        FunctionMethod stream = valid("export");
        assertThat(stream.streaming).isTrue();
        assertThat(stream.resultType).isEqualTo(InvocationStream.class);
        assertThat(stream.qualifier).isEqualTo("live");
        assertThat(stream.tenantId(new Object[] {"t", new Order("o")})).isEqualTo("t");

        assertThat(valid("plain").streaming).isFalse();
    }

    @Test
    void streamReturn_inAStageOrOptional_orOnAnEventDryRunOrAfterCommitMethod_isLAMBDAJCA2009() {
        assertThat(problem("streamLater")).isEqualTo("LAMBDAJCA2009: " + where("streamLater") + " returns a response "
                + "stream (java.util.concurrent.CompletionStage<java.io.InputStream>), which must be returned as it "
                + "is, not in a CompletionStage or Optional: the stream is returned as soon as Lambda answers, and its "
                + "bytes are read as they come: return InputStream or InvocationStream");
        assertThat(problem("maybeStream")).startsWith("LAMBDAJCA2009: " + where("maybeStream") + " returns a response "
                + "stream (java.util.Optional<io.lambdajca.api.InvocationStream>), which must be returned as it is");
        assertThat(problem("eventStream")).isEqualTo("LAMBDAJCA2009: " + where("eventStream") + " returns a response "
                + "stream (java.io.InputStream), but an Event invocation has no response to stream: only "
                + "RequestResponse methods may return InputStream or InvocationStream");
        assertThat(problem("dryRunStream")).startsWith("LAMBDAJCA2009: " + where("dryRunStream") + " returns a "
                + "response stream (io.lambdajca.api.InvocationStream), but a DryRun invocation has no response");
        assertThat(problem("afterCommitEventStream")).startsWith("LAMBDAJCA2009: " + where("afterCommitEventStream"));
        assertThat(problem("afterCommitStream")).isEqualTo("LAMBDAJCA2009: " + where("afterCommitStream") + " returns "
                + "a response stream (java.io.InputStream), but sets afterCommit, and an invocation sent after the "
                + "commit has no response to stream: only RequestResponse methods without afterCommit may return "
                + "InputStream or InvocationStream");
    }

    private static FunctionMethod valid(String name) {
        List<String> problems = new ArrayList<>();
        FunctionMethod fm = FunctionMethod.describe(Valid.class, method(Valid.class, name), problems);
        assertThat(problems).as(name).isEmpty();
        assertThat(fm).as(name).isNotNull();
        assertThat(fm.method.getName()).isEqualTo(name);
        return fm;
    }

    /** The one problem reported for a method of {@link Mistakes}, which is then not described. */
    private static String problem(String name) {
        List<String> problems = new ArrayList<>();
        FunctionMethod fm = FunctionMethod.describe(Mistakes.class, method(Mistakes.class, name), problems);
        assertThat(fm).as(name + " is refused").isNull();
        assertThat(problems).as(name).hasSize(1);
        return problems.get(0);
    }

    private static String where(String name) {
        return Mistakes.class.getName() + "." + name;
    }

    private static Method method(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no method " + name + " in " + type);
    }
}
