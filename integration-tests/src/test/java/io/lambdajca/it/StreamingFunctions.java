package io.lambdajca.it;

import java.nio.file.Path;

import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.testfunctions.Handlers;

/** The response streaming functions the environment deploys (for the streaming benchmark and tests). */
final class StreamingFunctions {

    /** Streams N MiB, its input, generated on the fly. */
    static final String MEGABYTES = "stream-megabytes";
    /** Streams N numbered lines, one chunk each. */
    static final String LINES = "stream-lines";
    /** Streams "first", waits for the marker file its input names, then streams "last". */
    static final String GATED = "stream-gated";
    /** Streams N numbered lines, then fails. */
    static final String FAILING = "stream-failing";

    private StreamingFunctions() {
    }

    static void deploy(LocalLambda.Builder b, Path zip) {
        b.function(FunctionDefinition.builder(MEGABYTES, Handlers.STREAM_MEGABYTES, zip).timeoutSeconds(300).build());
        b.function(FunctionDefinition.builder(LINES, Handlers.STREAM_LINES, zip).build());
        b.function(FunctionDefinition.builder(GATED, Handlers.STREAM_GATED, zip).timeoutSeconds(60).build());
        b.function(FunctionDefinition.builder(FAILING, Handlers.STREAM_FAILING, zip).build());
    }
}
