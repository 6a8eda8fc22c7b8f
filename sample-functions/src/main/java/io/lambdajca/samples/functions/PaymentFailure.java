package io.lambdajca.samples.functions;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Always fails, the way a payment function declines a card: shows how function errors reach the caller. */
public class PaymentFailure implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        Object order = input == null ? null : input.get("orderId");
        System.out.println("charging order " + order);
        throw new IllegalStateException("Payment declined for order " + order);
    }
}
