package io.lambdajca.it.cdi;

import java.util.List;

import io.lambdajca.ct.PurchaseOrder;
import io.lambdajca.ct.Quote;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A JAX-RS resource with the typed interface injected. */
@Path("quote")
public class QuoteResource {

    @Inject
    PricingFunctions functions;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Quote quote(@QueryParam("customer") String customer, @QueryParam("quantity") int quantity) {
        return functions.price(new PurchaseOrder(customer, List.of(new PurchaseOrder.Line("sku", quantity, 250))));
    }
}
