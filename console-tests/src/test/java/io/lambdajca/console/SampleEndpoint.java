package io.lambdajca.console;

import java.nio.file.Path;

import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;

/**
 * The local Lambda endpoint with the sample's functions and the role of its ASSUME_ROLE profile, as demo.sh starts
 * it, inside the test's JVM on a free port.
 */
final class SampleEndpoint {

    static final String ROLE = "arn:aws:iam::123456789012:role/lambda-sample";
    /** The endpoint's own test key pair (not AWS credentials): the caller of the ASSUME_ROLE profile. */
    static final String ACCESS_KEY = LocalLambda.DEFAULT_ACCESS_KEY;
    static final String SECRET_KEY = LocalLambda.DEFAULT_SECRET_KEY;

    private SampleEndpoint() {
    }

    static LocalLambda start(Path functionsZip) {
        String pkg = "io.lambdajca.samples.functions.";
        return LocalLambda.builder().port(0).role(RoleDefinition.of(ROLE))
                .function(FunctionDefinition.builder("greeting", pkg + "Greeting", functionsZip)
                        .environment("GREETING", "Hello").description("Greets a name").build())
                .function(FunctionDefinition.builder("order-pricing", pkg + "OrderPricing", functionsZip)
                        .memorySizeMb(256).description("Prices an order").build())
                .function(FunctionDefinition.builder("payment-failure", pkg + "PaymentFailure", functionsZip)
                        .description("Always fails").build())
                .build().start();
    }
}
