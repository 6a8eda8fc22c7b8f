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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.lambdajca.local.LocalLambda;

/**
 * An administrator configures the adapter in the GlassFish Admin Console, click by click, on a fresh domain where
 * only the RAR is deployed: a connector connection pool (resource adapter, connection definition, pool sizes, the
 * adapter's config properties), the connector resource the sample looks up, an ASSUME_ROLE credential profile as an
 * admin object resource whose secret is a password alias; then the sample page lists and invokes functions through
 * that configuration. A screenshot of every step goes to target/screenshots/glassfish.
 * <p>
 * Runs only with -Dglassfish.console=true: it passed whole here, but in one run of four GlassFish 8.0.0's console
 * sent the Additional Properties to its REST interface with ':', '/', '=' and braces escaped for asadmin's syntax,
 * which that JSON endpoint refused ("Unexpected char 58"), and showed only "An error has occurred" (see README).
 */
@EnabledIfSystemProperty(named = "glassfish.console", matches = "true")
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
        console.awaitPage("Step 2 of 2");
        console.dump("pool-step-2");
        browser.screenshot("new-pool-step-2-defaults");
        String pool = "propertyForm:propertySheet:poolSettingsPropertySheet:";
        console.type(pool + "initSizeProp:ds", "0");
        console.type(pool + "maxProp:ds2", "20");
        console.type(pool + "maxWaitProp:ds", "5000");
        console.property("Region", "us-east-1");
        console.property("EndpointOverride", endpoint.endpoint().toString());
        console.property("CredentialProfile", "lambda/profiles/Sample");
        console.property("ConnectTimeoutMillis", "2000");
        console.property("ReadTimeoutMillis", "60000");
        console.property("CallTimeoutMillis", "65000");
        browser.screenshot("new-pool-properties");
        console.button("propertyForm:propertyContentPage:topButtons:finishButton");
        console.awaitHeading("Connector Connection Pools");
        console.awaitPage("lambda-Default");
        browser.screenshot("pool-created");
        String props = server.asadmin("get", "resources.connector-connection-pool.lambda-Default.property.*");
        assertTrue(props.contains("EndpointOverride=" + endpoint.endpoint())
                && props.contains("CredentialProfile=lambda/profiles/Sample")
                && props.contains("ReadTimeoutMillis=60000"), props);
        String sizes = server.asadmin("get", "resources.connector-connection-pool.lambda-Default.*");
        assertTrue(sizes.contains("max-pool-size=20") && sizes.contains("steady-pool-size=0")
                && sizes.contains("max-wait-time-in-millis=5000"), sizes);
    }

    @Test
    @Order(2)
    void createsTheConnectorResourceTheSampleLooksUp() throws Exception {
        console.tree("resources", "Connectors", "connectorResources");
        console.awaitHeading("Connector Resources");
        console.buttonLabelled("New...");
        console.awaitHeading("New Connector Resource");
        console.dump("connector-resource-new");
        console.type(console.labelled("JNDI Name"), "lambda/Default");
        console.choose(console.labelled("Pool Name"), "lambda-Default");
        browser.screenshot("new-connector-resource");
        console.buttonLabelled("OK");
        console.awaitPage("lambda/Default");
        browser.screenshot("connector-resource-created");
        assertTrue(server.asadmin("list-connector-resources").contains("lambda/Default"));
    }

    @Test
    @Order(3)
    void createsTheCredentialProfileWhoseSecretIsAPasswordAlias() throws Exception {
        // the secret: a password alias (asadmin create-password-alias), named by the property, never in clear text
        server.createPasswordAlias(ALIAS, SampleEndpoint.SECRET_KEY);
        console.tree("resources", "Connectors", "adminObjectResources");
        console.awaitHeading("Admin Object Resources");
        console.buttonLabelled("New...");
        console.awaitHeading("New Admin Object Resource");
        console.choose(console.labelled("Resource Adapter"), RAR_NAME);
        console.propertyRow("RoleArn"); // the page reloads with the adapter's admin object and its properties
        console.dump("admin-object-new");
        console.type(console.labelled("JNDI Name"), "lambda/profiles/Sample");
        browser.screenshot("new-admin-object");
        console.property("Type", "ASSUME_ROLE");
        console.property("RoleArn", SampleEndpoint.ROLE);
        console.property("RoleSessionName", "lambda-sample");
        console.property("DurationSeconds", "900");
        console.property("AccessKeyId", SampleEndpoint.ACCESS_KEY);
        assertTrue(console.confidential("SecretAccessKey"), "the console masks the adapter's confidential property");
        assertFalse(console.confidential("AccessKeyId"));
        console.property("SecretAccessKey", "${ALIAS=" + ALIAS + "}");
        console.property("EndpointOverride", endpoint.endpoint().toString());
        browser.screenshot("new-admin-object-properties");
        console.buttonLabelled("OK");
        console.awaitPage("lambda/profiles/Sample");
        browser.screenshot("admin-object-created");
        String config = Files.readString(server.configuration());
        assertTrue(config.contains("${ALIAS=" + ALIAS + "}"), "the domain holds the alias");
        assertFalse(config.contains(SampleEndpoint.SECRET_KEY), "the domain holds no clear secret");
    }

    @Test
    @Order(4)
    void theSamplePageWorksThroughTheConfiguration() throws Exception {
        server.asadmin("deploy", DEPLOYABLES.resolve("lambda-sample.ear").toString());
        SamplePage page = new SamplePage(browser, "http://127.0.0.1:" + server.httpPort() + "/lambda-sample/");
        assertEquals(List.of("greeting", "order-pricing", "payment-failure"), page.names());
        String greeting = page.invokeGreeting("Ada");
        assertTrue(greeting.contains("Hello, Ada!"), greeting);
        browser.screenshot("sample-page");
        assertTrue(endpoint.issuedCredentials().stream().anyMatch(i -> i.roleArn().equals(SampleEndpoint.ROLE)),
                "the calls used the role's temporary credentials from the endpoint's STS");
    }
}
