package io.lambdajca.it;

import java.nio.file.Path;
import java.util.Map;

import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.testfunctions.Handlers;

/**
 * The functions {@link FunctionManagementIT} manages, deployed by {@link LambdaEnvironment}. Client side only: the
 * tests in the server know them by the names {@link FunctionManagementIT} declares.
 */
final class ManagementFunctions {

    private ManagementFunctions() {
    }

    static void deploy(LocalLambda.Builder b, Path zip) {
        b.function(FunctionDefinition.builder(FunctionManagementIT.RELEASE, Handlers.GREETING, zip)
                .environment("GREETING", "Blue").build());
        b.function(FunctionDefinition.builder(FunctionManagementIT.ALIASED, Handlers.ECHO, zip).build());
        b.function(FunctionDefinition.builder(FunctionManagementIT.LIMITED, Handlers.SLOW, zip).timeoutSeconds(30)
                .build());
        b.function(FunctionDefinition.builder(FunctionManagementIT.TAGGED, Handlers.ECHO, zip).build());
    }

    /**
     * As a release pipeline leaves a function: version 1 published greeting "Blue", then $LATEST changed to greet
     * "Green", so that the next version published (by the tests, through a connection) answers differently.
     */
    static void prepare(LocalLambda lambda) {
        String first = lambda.publishVersion(FunctionManagementIT.RELEASE, "blue");
        if (!"1".equals(first)) {
            throw new IllegalStateException("expected version 1 of " + FunctionManagementIT.RELEASE + ", got " + first);
        }
        lambda.updateEnvironment(FunctionManagementIT.RELEASE, Map.of("GREETING", "Green"));
    }
}
