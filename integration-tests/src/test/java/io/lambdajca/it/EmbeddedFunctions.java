package io.lambdajca.it;

import io.lambdajca.ct.PurchaseOrder;
import io.lambdajca.ct.Quote;
import io.lambdajca.cdi.LambdaFunction;
import io.lambdajca.cdi.LambdaFunctions;

/** A typed function interface of an EAR that carries its own copy of the adapter. */
@LambdaFunctions(connectionFactory = EarEmbeddedIT.JNDI)
public interface EmbeddedFunctions {

    @LambdaFunction(name = "pricing")
    Quote price(PurchaseOrder order);
}
