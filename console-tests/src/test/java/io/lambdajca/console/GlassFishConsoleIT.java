package io.lambdajca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.lambdajca.local.LocalLambda;

/**
 * An administrator configures the adapter in the GlassFish Admin Console, click by click, on a fresh domain where
 * only the RAR is deployed: a connector connection pool (resource adapter, connection definition, pool sizes, the
 * adapter's config properties), the connector resource the sample looks up, an ASSUME_ROLE credential profile as an
 * admin object resource whose secret is a password alias; then the sample page lists and invokes functions through
 * that configuration. A screenshot of every step goes to target/screenshots/glassfish.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlassFishConsoleIT {

    private static final Path DEPLOYABLES = Path.of(System.getProperty("deployables.dir", "target/deployables"));
    private static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "glassfish");
    private static final String RAR_NAME = "lambda-jca-adapter";
    private static final String ALIAS = "lambda-secret-key";

    private static LocalLambda endpoint;
    private static GlassFishServer server;
    private static Browser browser;
    private static AdminGui console;

    @RegisterExtension
    static final FailureEvidence EVIDENCE = new FailureEvidence(() -> browser);

    @BeforeAll
    static void freshDomainWithTheRarDeployed() throws Exception {
        endpoint = SampleEndpoint.start(DEPLOYABLES.resolve("sample-functions.zip"));
        server = new GlassFishServer(Path.of(System.getProperty("glassfish.home")));
        server.createAndStart();
        server.asadmin("deploy", "--name", RAR_NAME, DEPLOYABLES.resolve("lambda-jca-adapter.rar").toString());
        browser = new Browser(SHOTS);
        console = new AdminGui(browser, server.adminPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    @Order(1)
    void createsAConnectorConnectionPoolWithTheAdaptersProperties() throws Exception {
        assertFalse(server.asadmin("list-connector-connection-pools").contains("lambda"),
                "no pool before the console is used");
        console.open();
        console.tree("resources", "Connectors", "connectorConnectionPools");
        browser.screenshot("connector-connection-pools");
        console.button("propertyForm:poolTable:topActionsGroup1:newButton");
        console.type("propertyForm:propertySheet:generalPropertySheet:jndiProp:name", "lambda-Default");
        console.choose("propertyForm:propertySheet:generalPropertySheet:resAdapterProp:db", RAR_NAME);
        console.awaitOption("propertyForm:propertySheet:generalPropertySheet:connectionDefProp:db",
                "io.lambdajca.api.LambdaConnectionFactory");
        browser.screenshot("new-pool-resource-adapter");
        console.button("propertyForm:title:topButtons:nextButton");
        console.dump("pool-step-2");
        browser.screenshot("new-pool-step-2");
    }
}
