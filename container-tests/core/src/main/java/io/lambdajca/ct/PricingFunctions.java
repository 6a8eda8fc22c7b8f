package io.lambdajca.ct;

import java.io.InputStream;
import java.util.Map;

import io.lambdajca.api.InvocationStream;
import io.lambdajca.cdi.LambdaFunction;
import io.lambdajca.cdi.LambdaFunctions;
import io.lambdajca.cdi.TenantId;

/** A typed function interface on the default connection factory, as an application declares one. */
@LambdaFunctions
public interface PricingFunctions {

    @LambdaFunction(name = "pricing")
    Quote price(PurchaseOrder order);

    /** The interface's own code, calling a function method. */
    default long totalCents(PurchaseOrder order) {
        return price(order).totalCents();
    }

    @LambdaFunction(name = "failing")
    Quote fail(PurchaseOrder order);

    /** The numbered lines of the stream-lines function, read as they are streamed. */
    @LambdaFunction(name = "stream-lines")
    InputStream lines(int count);

    /** The same with the stream's status and version. */
    @LambdaFunction(name = "stream-lines")
    InvocationStream linesStream(int count);

    /** The counting function, which has tenant isolation, invoked for one tenant. */
    @LambdaFunction(name = "tenanted")
    TenantAnswer countFor(@TenantId String tenant, Map<String, Object> input);
}
