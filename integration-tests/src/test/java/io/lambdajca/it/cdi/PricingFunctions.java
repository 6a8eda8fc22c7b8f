package io.lambdajca.it.cdi;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.lambdajca.api.InvocationType;
import io.lambdajca.cdi.LambdaFunction;
import io.lambdajca.cdi.LambdaFunctions;
import io.lambdajca.cdi.TenantId;
import io.lambdajca.it.Item;
import io.lambdajca.ct.PurchaseOrder;
import io.lambdajca.ct.Quote;
import io.lambdajca.ct.TenantAnswer;

/** A typed function interface as an application declares one. */
@LambdaFunctions
public interface PricingFunctions {

    @LambdaFunction(name = "pricing")
    Quote price(PurchaseOrder order);

    @LambdaFunction(name = "pricing")
    CompletableFuture<Quote> priceAsFuture(PurchaseOrder order);

    /** The interface's own code, calling a function method. */
    default long totalCents(PurchaseOrder order) {
        return price(order).totalCents();
    }

    @LambdaFunction(name = "echo", qualifier = "$LATEST")
    Map<String, List<Item>> echoNested(Map<String, List<Item>> value);

    @LambdaFunction(name = "echo")
    Optional<Item> echoMaybe(Item item);

    @LambdaFunction(name = "echo")
    Optional<Item> echoNothing();

    @LambdaFunction(name = "failing")
    Quote fail(Item item);

    @LambdaFunction(name = "echo")
    Quote wrongType(List<Integer> numbers);

    @LambdaFunction(name = "failing")
    CompletionStage<Quote> failLater(Item item);

    @LambdaFunction(name = "slow")
    CompletionStage<Map<String, Object>> sleepAsync(Map<String, Object> input);

    @LambdaFunction(name = "aftercommit", type = InvocationType.EVENT, afterCommit = true)
    void recordAfterCommit(Map<String, Object> input);

    @LambdaFunction(name = "aftercommit")
    Map<String, Object> control(Map<String, Object> input);

    @LambdaFunction(name = "ghost", type = InvocationType.EVENT, afterCommit = true)
    void ghostAfterCommit(Map<String, Object> input);

    @LambdaFunction(name = "stream-lines")
    InputStream lines(int count);

    @LambdaFunction(name = "stream-failing")
    InputStream linesThenFailure(int count);

    @LambdaFunction(name = "tenanted")
    TenantAnswer countFor(@TenantId String tenant, Map<String, Object> input);
}
