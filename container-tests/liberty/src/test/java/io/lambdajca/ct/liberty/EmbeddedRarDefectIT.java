package io.lambdajca.ct.liberty;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.ct.EarEmbeddedIT;

/**
 * The Open Liberty defect that the README names: the application of the portable suite's {@link EarEmbeddedIT},
 * whose EAR defines a connection factory on the RAR it embeds (and which the other servers run), does not start on
 * Liberty, failing inside Liberty with a NullPointerException of its ConnectionFactoryDefinition processing
 * (CWNEN0011E). This keeps the README's word for it true: should a Liberty version fix it, this fails, and
 * EarEmbeddedIT can run here too. After the portable suite's last class ({@code UndeployIT}), so that the log entries
 * of the failure are not taken for the suite's.
 */
@ExtendWith(ArquillianExtension.class)
@Order(Integer.MAX_VALUE)
@RunAsClient
class EmbeddedRarDefectIT {

    private static final String EAR = "embedded";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return EarEmbeddedIT.app();
    }

    @Test
    void anEarDefiningAFactoryOnTheRarItEmbeds_doesNotStart_failingInsideLiberty() throws Exception {
        MessagesLog log = new MessagesLog(LibertyServer.messagesLog());
        int before = log.lines().size();
        try {
            Exception failed = assertThrows(Exception.class, () -> deployer.deploy(EAR));
            List<String> logged = log.lines();
            String ofTheDeployment = String.join("\n", logged.subList(Math.min(before, logged.size()),
                    logged.size())); // from the start of a log rolled over meanwhile
            assertTrue(ofTheDeployment.contains("CWNEN0011E") && ofTheDeployment.contains("NullPointerException"),
                    "Liberty's CWNEN0011E with a NullPointerException, after the deployment failed with " + failed
                            + "; the log said:\n" + ofTheDeployment);
        } finally {
            undeploy();
        }
    }

    /** Takes the application out of the server's configuration; a failure to do so does not hide the test's. */
    private void undeploy() {
        try {
            deployer.undeploy(EAR);
        } catch (RuntimeException e) {
            System.err.println("EmbeddedRarDefectIT: undeploying " + EAR + " failed: " + e);
        }
    }
}
