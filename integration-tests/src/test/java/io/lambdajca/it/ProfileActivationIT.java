package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A misconfigured credential profile fails the adapter's activation in WildFly, with a message that names the property
 * and the rule: a second activation of the deployed RAR, with one bad profile, is refused; the first is unaffected.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@RunAsClient
class ProfileActivationIT {

    @Deployment(testable = false)
    static WebArchive unrelatedApp() {
        return ShrinkWrap.create(WebArchive.class, "activation-it.war")
                .addAsWebResource(new StringAsset("ok"), "index.txt");
    }

    @ArquillianResource
    private ManagementClient management;

    @Test
    void aProfileWithADurationOutOfRange_failsActivation_namingTheProperty() throws Exception {
        ModelNode ra = Operations.createAddress("subsystem", "resource-adapters", "resource-adapter", "lambda-bad");
        ModelNode add = Operations.createAddOperation(ra);
        add.get("archive").set(LambdaEnvironment.RAR);
        add.get("transaction-support").set("NoTransaction");
        LambdaEnvironment.execute(management, add);
        try {
            ModelNode profile = Operations.createAddress("subsystem", "resource-adapters", "resource-adapter",
                    "lambda-bad", "admin-objects", "Bad");
            ModelNode addProfile = Operations.createAddOperation(profile);
            addProfile.get("class-name").set("io.lambdajca.adapter.LambdaCredentialProfile");
            addProfile.get("jndi-name").set("java:/lambda/profiles/BadActivation");
            LambdaEnvironment.execute(management, addProfile);
            property(profile, "Type", "ASSUME_ROLE");
            property(profile, "RoleArn", CredentialsEnvironment.INVOKER_ROLE);
            property(profile, "DurationSeconds", "60");
            ModelNode result = management.getControllerClient().execute(Operations.createOperation("activate", ra));
            assertFalse(Operations.isSuccessfulOutcome(result), "activation must fail: " + result);
            String failure = Operations.getFailureDescription(result).toString();
            assertTrue(failure.contains("lambda-jca-adapter.rar_lambda-bad"), failure);
            // the management answer names the failed service; the server log has the cause, as administrators see it
            assertTrue(LambdaEnvironment.serverLogOfThisRun().stream().anyMatch(l -> l.contains(
                    "InvalidPropertyException: Invalid Lambda credential profile: DurationSeconds must be between 900 "
                            + "and 43200, not 60")), "the server log names the property and the rule");
        } finally {
            management.getControllerClient().execute(Operations.createRemoveOperation(ra));
        }
    }

    private void property(ModelNode owner, String name, String value) throws Exception {
        ModelNode address = owner.clone();
        address.add("config-properties", name);
        ModelNode op = Operations.createAddOperation(address);
        op.get("value").set(value);
        LambdaEnvironment.execute(management, op);
    }
}
