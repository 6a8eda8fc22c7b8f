package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * Undeploying the RAR closes its SDK clients: no thread of the SDK, its HTTP client or the adapter survives, and
 * repeated redeploys do not grow the server's threads.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@RunAsClient
class RedeployIT {

    /** Threads the adapter's SDK clients start: the SDK's timeout scheduler and Apache's idle connection reaper. */
    private static final Pattern ADAPTER_THREADS = Pattern.compile("(?i).*(sdk-|idle-connection-reaper|lambdajca|aws).*");
    private static final int CYCLES = 10;

    @Deployment(testable = false)
    static WebArchive unrelatedApp() {
        return ShrinkWrap.create(WebArchive.class, "redeploy-it.war")
                .addAsWebResource(new StringAsset("ok"), "index.txt");
    }

    @ArquillianResource
    private ManagementClient management;

    @Test
    void undeploy_leavesNoAdapterThreads_andRedeploysDoNotGrowThreads() throws Exception {
        List<String> deployed = adapterThreads();
        assertFalse(deployed.isEmpty(), "with the RAR deployed its SDK clients run threads: " + threadNames());
        int baseline = -1;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            LambdaEnvironment.undeployRar(management);
            List<String> left = adapterThreads();
            assertTrue(left.isEmpty(), "cycle " + cycle + ": threads left after undeploy: " + left);
            if (cycle == 0) {
                baseline = threadNames().size();
            } else {
                int now = threadNames().size();
                assertTrue(now <= baseline + 2, "cycle " + cycle + ": " + now + " threads, first cycle " + baseline);
            }
            LambdaEnvironment.deployRar(management);
            assertFalse(adapterThreads().isEmpty(), "cycle " + cycle + ": the redeployed adapter built its clients");
        }
        for (String pool : LambdaEnvironment.allPools()) {
            LambdaEnvironment.execute(management, Operations.createWriteAttributeOperation(
                    LambdaEnvironment.poolStatistics(pool), "statistics-enabled", true));
        }
    }

    private List<String> adapterThreads() throws Exception {
        return threadNames().stream().filter(n -> ADAPTER_THREADS.matcher(n).matches()).collect(Collectors.toList());
    }

    private List<String> threadNames() throws Exception {
        ModelNode op = Operations.createOperation("dump-all-threads",
                Operations.createAddress("core-service", "platform-mbean", "type", "threading"));
        op.get("locked-monitors").set(false);
        op.get("locked-synchronizers").set(false);
        return LambdaEnvironment.execute(management, op).asList().stream()
                .map(t -> t.get("thread-name").asString()).collect(Collectors.toList());
    }
}
