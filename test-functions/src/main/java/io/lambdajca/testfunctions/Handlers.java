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
    /** Response streaming: N numbered lines, one flush each ({@link LinesStreamHandler}). */
    public static final String STREAM_LINES = "io.lambdajca.testfunctions.LinesStreamHandler";
    /** Response streaming: a first chunk, then waits for a marker file ({@link GatedStreamHandler}). */
    public static final String STREAM_GATED = "io.lambdajca.testfunctions.GatedStreamHandler";
    /** Response streaming: N lines, then an exception ({@link FailingStreamHandler}). */
    public static final String STREAM_FAILING = "io.lambdajca.testfunctions.FailingStreamHandler";
    /** Response streaming: N MiB generated on the fly ({@link MegabytesStreamHandler}). */
    public static final String STREAM_MEGABYTES = "io.lambdajca.testfunctions.MegabytesStreamHandler";

    private Handlers() {
    }
}
