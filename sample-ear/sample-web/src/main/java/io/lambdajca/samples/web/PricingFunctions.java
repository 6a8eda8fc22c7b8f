package io.lambdajca.samples.web;

import java.util.List;

import io.lambdajca.cdi.LambdaFunction;
import io.lambdajca.cdi.LambdaFunctions;

/** The typed function interface of the sample: CDI injects it, JSON-B maps the records. */
@LambdaFunctions
public interface PricingFunctions {

    /** Input of the order-pricing function. */
    record Order(String customer, String couponCode, List<Line> lines) {
    }

    /** One order line. */
    record Line(String sku, int quantity, long unitPriceCents) {
    }

    /** What the order-pricing function answers. */
    record Quote(String customer, long subtotalCents, long discountCents, long totalCents) {
    }

    @LambdaFunction(name = "order-pricing")
    Quote price(Order order);
}
