package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.local.LocalLambda;
import org.jboss.arquillian.test.api.ArquillianResource;

/**
 * Runs after every other test class (see junit-platform.properties): the server log of the whole run, written with
 * the adapter's loggers at TRACE, holds none of the run's secrets (secret keys, issued session tokens and secret keys,
 * keystore and credential-store passwords, private keys), and the management model does not show the secret that
 * container-managed sign-on takes from the credential store.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@RunAsClient
@Order(Integer.MAX_VALUE)
class SecretsInLogIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("secrets-it.war");
    }

    @ArquillianResource
    private ManagementClient management;

    @Test
    void theServerLogOfTheWholeRun_containsNoSecret() throws Exception {
        String log = String.join("\n", LambdaEnvironment.serverLogOfThisRun());
        assertTrue(log.contains("LAMBDAJCA1101"), "the adapter's FINE/TRACE messages were logged");
        List<String> secrets = new ArrayList<>(List.of(LocalLambda.DEFAULT_SECRET_KEY,
                CredentialsEnvironment.KEYSTORE_PASSWORD, CredentialsEnvironment.STORE_PASSWORD));
        for (String pem : CredentialsEnvironment.PRIVATE_KEY_PEMS) {
            for (String line : pem.split("\n")) {
                if (!line.startsWith("-----") && line.length() >= 40) {
                    secrets.add(line);
                }
            }
        }
        int temporary = 0;
        for (var issued : LambdaEnvironment.lambda().issuedCredentials()) {
            secrets.add(issued.identity().secretKey());
            secrets.add(issued.identity().sessionToken());
            temporary++;
        }
        assertTrue(temporary > 10, "temporary credentials were issued: " + temporary);
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the server log contains a secret starting "
                    + secret.substring(0, 4));
        }
        System.out.printf("FIGURE secrets: searched %d lines of server log (adapter at TRACE) for %d secret values "
                + "(%d issued temporary credentials): none found%n", log.split("\n").length, secrets.size(),
                temporary);
    }

    @Test
    void theManagementModel_showsNoSecret_onlyEncryptedExpressions() throws Exception {
        for (ModelNode address : List.of(Operations.createAddress("subsystem", "resource-adapters"),
                Operations.createAddress("subsystem", "elytron"), Operations.createAddress("system-property"))) {
            ModelNode op = Operations.createReadResourceOperation(address, true);
            String model = LambdaEnvironment.execute(management, op).toString();
            for (String secret : List.of(LocalLambda.DEFAULT_SECRET_KEY, CredentialsEnvironment.KEYSTORE_PASSWORD)) {
                assertFalse(model.contains(secret), address + " shows a secret starting " + secret.substring(0, 4));
            }
            for (String pem : CredentialsEnvironment.PRIVATE_KEY_PEMS) {
                assertFalse(model.contains(pem.split("\n")[1]), address + " shows a private key");
            }
        }
        ModelNode device = Operations.createReadResourceOperation(Operations.createAddress("subsystem",
                "resource-adapters", "resource-adapter", LambdaEnvironment.RA_NAME, "admin-objects", "Device"), true);
        assertTrue(LambdaEnvironment.execute(management, device).toString().contains("${ENC::lambda:"),
                "the keystore password is an encrypted expression");
    }

    @Test
    void containerManagedSignOn_keepsTheSecretOutOfTheManagementModel() throws Exception {
        ModelNode op = Operations.createReadResourceOperation(Operations.createAddress("subsystem",
                "resource-adapters", "resource-adapter", LambdaEnvironment.RA_NAME, "connection-definitions",
                "SignOn"), true);
        String model = LambdaEnvironment.execute(management, op).toString();
        assertTrue(model.contains("lambda-sign-on"), model);
        assertFalse(model.contains(LocalLambda.DEFAULT_SECRET_KEY), model);
        ModelNode context = Operations.createReadResourceOperation(Operations.createAddress("subsystem", "elytron",
                "authentication-configuration", "lambda-sign-on"), true);
        assertFalse(LambdaEnvironment.execute(management, context).toString()
                .contains(LocalLambda.DEFAULT_SECRET_KEY), "the credential store keeps the secret");
    }
}
