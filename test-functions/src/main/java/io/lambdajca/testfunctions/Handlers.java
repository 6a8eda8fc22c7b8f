package io.lambdajca.testfunctions;

/**
 * The handler strings of this package's functions, as CreateFunction takes them. Literals, so that they are compile-time
 * constants and tests that use them need none of the handler classes at run time.
 */
public final class Handlers {

    public static final String ECHO = "io.lambdajca.testfunctions.EchoHandler";
    public static final String PRICING = "io.lambdajca.testfunctions.PricingHandler";
    public static final String FAILING = "io.lambdajca.testfunctions.FailingHandler";
    public static final String SLOW = "io.lambdajca.testfunctions.SlowHandler";
    public static final String SPIN = "io.lambdajca.testfunctions.SpinHandler";
    public static final String GREETING = "io.lambdajca.testfunctions.GreetingHandler";
    public static final String REPORTER = "io.lambdajca.testfunctions.ContextReporter::report";
    public static final String COUNTING = "io.lambdajca.testfunctions.CountingHandler";

    private Handlers() {
    }
}
