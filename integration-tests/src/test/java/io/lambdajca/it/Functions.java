package io.lambdajca.it;

/** Handlers of the test-functions deployment package. */
final class Functions {

    static final String ECHO = "io.lambdajca.testfunctions.EchoHandler";
    static final String PRICING = "io.lambdajca.testfunctions.PricingHandler";
    static final String FAILING = "io.lambdajca.testfunctions.FailingHandler";
    static final String SLOW = "io.lambdajca.testfunctions.SlowHandler";
    static final String REPORTER = "io.lambdajca.testfunctions.ContextReporter::report";

    private Functions() {
    }
}
