package io.lambdajca.samples.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Prices an order: the sum of its lines, 10% off with coupon code SAVE10. */
public class OrderPricing implements RequestHandler<Order, Quote> {

    @Override
    public Quote handleRequest(Order order, Context context) {
        if (order == null || order.getLines() == null || order.getLines().isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        long subtotal = 0;
        for (Order.Line line : order.getLines()) {
            if (line.getQuantity() <= 0) {
                throw new IllegalArgumentException("Quantity of " + line.getSku() + " must be positive");
            }
            subtotal += line.getQuantity() * line.getUnitPriceCents();
        }
        long discount = "SAVE10".equalsIgnoreCase(order.getCouponCode()) ? subtotal / 10 : 0;
        Quote quote = new Quote();
        quote.setCustomer(order.getCustomer());
        quote.setSubtotalCents(subtotal);
        quote.setDiscountCents(discount);
        quote.setTotalCents(subtotal - discount);
        context.getLogger().log("priced order of " + order.getCustomer() + ": " + quote.getTotalCents());
        return quote;
    }
}
