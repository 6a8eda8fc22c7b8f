package io.lambdajca.ct;

import io.lambdajca.cdi.LambdaFunction;
import io.lambdajca.cdi.LambdaFunctions;

/** A typed function interface on the default connection factory, as an application declares one. */
@LambdaFunctions
public interface PricingFunctions {

    @LambdaFunction(name = "pricing")
    Quote price(PurchaseOrder order);

    @LambdaFunction(name = "failing")
    Quote fail(PurchaseOrder order);
}
