package io.lambdajca.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Prices an order: a typed {@code RequestHandler} whose input and output are mapped from and to JSON. */
public class PricingHandler implements RequestHandler<Order, Quote> {

    @Override
    public Quote handleRequest(Order order, Context context) {
        if (order.getLines() == null || order.getLines().isEmpty()) {
            throw new IllegalArgumentException("order of " + order.getCustomer() + " has no lines");
        }
        Quote quote = new Quote();
        quote.setCustomer(order.getCustomer());
        quote.setItems(order.getLines().stream().mapToInt(OrderLine::getQuantity).sum());
        quote.setTotalCents(order.getLines().stream().mapToLong(l -> l.getQuantity() * l.getUnitPriceCents()).sum());
        context.getLogger().log("priced order of " + order.getCustomer());
        return quote;
    }
}
