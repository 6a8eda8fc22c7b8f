package io.lambdajca.it;

import java.io.IOException;
import java.util.UUID;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Keeps secrets out of the management model as an administrator should: an Elytron secret-key credential store and an
 * encryption expression resolver, so that a config property's value is {@code ${ENC::lambda:...}} and only the running
 * server sees the clear value.
 */
final class EncryptedExpressions {

    private static boolean ready;

    private EncryptedExpressions() {
    }

    /** The encrypted expression of a secret, for use as a config property's value. */
    static synchronized String encrypt(ManagementClient management, String clearText) throws IOException {
        ModelNode expression = Operations.createAddress("subsystem", "elytron", "expression", "encryption");
        if (!ready) {
            ModelNode store = Operations.createAddOperation(Operations.createAddress("subsystem", "elytron",
                    "secret-key-credential-store", "lambda-enc"));
            store.get("path").set("lambda-enc-" + UUID.randomUUID() + ".cs");
            store.get("relative-to").set("jboss.server.data.dir");
            LambdaEnvironment.execute(management, store);
            ModelNode add = Operations.createAddOperation(expression);
            ModelNode resolver = new ModelNode();
            resolver.get("name").set("lambda");
            resolver.get("credential-store").set("lambda-enc");
            resolver.get("secret-key").set("key");
            add.get("resolvers").add(resolver);
            add.get("default-resolver").set("lambda");
            LambdaEnvironment.execute(management, add);
            ready = true;
        }
        ModelNode create = Operations.createOperation("create-expression", expression);
        create.get("resolver").set("lambda");
        create.get("clear-text").set(clearText);
        return LambdaEnvironment.execute(management, create).get("expression").asString();
    }
}
