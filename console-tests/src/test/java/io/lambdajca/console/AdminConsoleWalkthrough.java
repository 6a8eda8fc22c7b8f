package io.lambdajca.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import io.lambdajca.local.LocalLambda;


/**
 * An administrator configures the adapter in the GlassFish or Payara Admin Console (both the same admingui), click by
 * click, on a fresh domain where only the RAR is deployed: a password alias for the secret, a connector connection
 * pool (resource adapter, connection definition, pool sizes, the adapter's config properties), the connector resource
 * the sample looks up, an ASSUME_ROLE credential profile as an admin object resource whose secret names the alias;
 * then the sample page lists and invokes functions through that configuration; then three wrong values, each in a
 * pool the console pings on creation, are named with their rule in the console and in server.log. A screenshot of
 * every step goes to target/screenshots/&lt;server&gt;. One server boot per subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AdminConsoleWalkthrough {

    private static final Path DEPLOYABLES = Path.of(System.getProperty("deployables.dir", "target/deployables"));
    private static final String RAR_NAME = "lambda-jca-adapter";
    private static final String ALIAS = "lambda-secret-key";
    private static final String DEFINITION = "io.lambdajca.api.LambdaConnectionFactory";
    /**
     * How server.log shows GlassFish refusing the console's JSON (README: In the GlassFish and Payara Admin Consoles).
     */
    private static final String REFUSAL = "JsonParsingException";

    private final AsadminServer server;
    private final Path shots;
    private LocalLambda endpoint;
    private Browser browser;
    private AdminGui console;

    @RegisterExtension
    final FailureEvidence evidence = new FailureEvidence(() -> browser);

    AdminConsoleWalkthrough(String name, AsadminServer server) {
        this.server = server;
        this.shots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), name);
    }

    @BeforeAll
    void freshDomainWithTheRarDeployed() throws Exception {
        endpoint = SampleEndpoint.start(DEPLOYABLES.resolve("sample-functions.zip"));
        server.createAndStart();
        server.asadmin("deploy", "--name", RAR_NAME, DEPLOYABLES.resolve("lambda-jca-adapter.rar").toString());
        browser = new Browser(shots);
        console = new AdminGui(browser, server.adminPort());
    }

    @AfterAll
    void stop() throws Exception {
        Teardown.closeInOrder(browser, server::stop, endpoint);
    }

    @Test
    @Order(1)
    void storesTheSecretAsAPasswordAlias() throws Exception {
        console.open();
        console.tree("nodes"); // the tree's Domain node
        console.tab("Password Aliases");
        console.awaitHeading("Password Aliases");
        browser.screenshot("password-aliases");
        console.buttonLabelled("New...");
        console.awaitHeading("New Password Alias");
        console.type(console.labelled("Alias Name"), ALIAS);
        console.secret(console.labelled("Password"), SampleEndpoint.SECRET_KEY);
        console.secret(console.labelled("Confirm Password"), SampleEndpoint.SECRET_KEY);
        browser.screenshot("new-password-alias");
        console.buttonLabelled("OK");
        console.awaitHeading("Password Aliases");
        console.awaitPage(ALIAS);
        browser.screenshot("password-alias-created");
        assertTrue(server.asadmin("list-password-aliases").contains(ALIAS));
    }

    @Test
    @Order(2)
    void createsAConnectorConnectionPoolWithTheAdaptersProperties() throws Exception {
        assertFalse(server.asadmin("list-connector-connection-pools").contains("lambda"),
                "no pool before the console is used");
        if (!newDefaultPool()) {
            // what the README tells an administrator to do when GlassFish refuses the console's properties
            System.out.println("The server refused the JSON in which the console sent the pool's properties"
                    + " (README: In the GlassFish and Payara Admin Consoles); restarting the domain and making the"
                    + " pool again:\n" + refusal());
            browser.screenshot("pool-refused");
            if (server.asadmin("list-connector-connection-pools").contains("lambda-Default")) {
                server.asadmin("delete-connector-connection-pool", "lambda-Default");
            }
            server.restart();
            console.open();
            assertTrue(newDefaultPool(), () -> "the server refused the console's properties again after a restart:\n"
                    + refusal());
        }
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
    @Order(3)
    void createsTheConnectorResourceTheSampleLooksUp() throws Exception {
        console.tree("resources", "Connectors", "connectorResources");
        console.awaitHeading("Connector Resources");
        console.buttonLabelled("New...");
        console.awaitHeading("New Connector Resource");
        console.type(console.labelled("JNDI Name"), "lambda/Default");
        console.choose(console.labelled("Pool Name"), "lambda-Default");
        browser.screenshot("new-connector-resource");
        console.buttonLabelled("OK");
        console.awaitPage("lambda/Default");
        browser.screenshot("connector-resource-created");
        assertTrue(server.asadmin("list-connector-resources").contains("lambda/Default"));
    }

    @Test
    @Order(4)
    void createsTheCredentialProfileWhoseSecretNamesTheAlias() throws Exception {
        console.tree("resources", "Connectors", "adminObjectResources");
        console.awaitHeading("Admin Object Resources");
        console.buttonLabelled("New...");
        console.awaitHeading("New Admin Object Resource");
        console.choose(console.labelled("Resource Adapter"), RAR_NAME);
        console.propertyRow("RoleArn"); // the page reloads with the adapter's admin object and its properties
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
        if (!console.enabledInTable("lambda/profiles/Sample")) {
            // Payara 6's New page saves the resource disabled whatever its Status box shows, and the list's Enable
            // button does not change that; the resource's own page does
            browser.click(By.linkText("lambda/profiles/Sample"));
            console.awaitHeading("Edit Admin Object Resource");
            console.check("statusProp:enabled");
            browser.screenshot("admin-object-enable");
            console.buttonLabelled("Save");
            console.awaitPage("New values successfully saved");
            console.tree("resources", "Connectors", "adminObjectResources");
            console.awaitHeading("Admin Object Resources");
            browser.until(d -> console.enabledInTable("lambda/profiles/Sample"));
            browser.screenshot("admin-object-enabled");
        }
        assertTrue(server.asadmin("get", "resources.admin-object-resource.lambda/profiles/Sample.enabled")
                .contains("enabled=true"), "the profile is enabled");
        String config = Files.readString(server.configuration());
        assertTrue(config.contains("${ALIAS=" + ALIAS + "}"), "the domain holds the alias");
        assertFalse(config.contains(SampleEndpoint.SECRET_KEY), "the domain holds no clear secret");
    }

    @Test
    @Order(5)
    void theSamplePageWorksThroughTheConfiguration() throws Exception {
        server.asadmin("deploy", DEPLOYABLES.resolve("lambda-sample.ear").toString());
        SamplePage.worksThroughTheConfiguration(browser, server.httpPort(), endpoint);
    }

    @Test
    @Order(6)
    void wrongValues_areNamedWithTheirRuleWhenTheConsolePingsThePool() throws Exception {
        console.open();
        wrongValue("lambda-Region", Map.of("Region", "mars-north-1"),
                "Region 'mars-north-1' is not a region the AWS SDK knows");
        wrongValue("lambda-Endpoint", Map.of("EndpointOverride", "127.0.0.1:9001"),
                "'127.0.0.1:9001' is not a valid EndpointOverride: it must be an absolute http:// or https:// URL");
        wrongValue("lambda-Timeout", Map.of("ConnectTimeoutMillis", "0"),
                "ConnectTimeoutMillis must be greater than 0 milliseconds, not 0");
    }

    /** A new pool with the wrong value and Ping checked: the console shows the ping's failure with its message. */
    private void wrongValue(String pool, Map<String, String> properties, String message) throws Exception {
        String log = Files.exists(server.log()) ? Files.readString(server.log()) : "";
        int before = ServerLog.count(log, message);
        newPool(pool, true);
        properties.forEach(console::property);
        assertTrue(finishPool(pool), () -> "the server refused the console's properties:\n"
                + refusal());
        String shown = console.alert();
        assertTrue(shown.contains("Invalid Lambda connection definition: " + message), shown);
        browser.screenshot("ping-" + pool);
        server.awaitLog(s -> ServerLog.count(s, message) > before, Duration.ofSeconds(30),
                "server.log did not name the property and the rule");
    }

    /**
     * Makes lambda-Default in the wizard: sizes and the adapter's properties; false if the server refused the JSON in
     * which the console sent the properties.
     */
    private boolean newDefaultPool() throws Exception {
        newPool("lambda-Default", false);
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
        return finishPool("lambda-Default");
    }

    /** Connector Connection Pools → New: the pool's name, the adapter and its connection definition; then step 2. */
    private void newPool(String name, boolean ping) throws Exception {
        console.tree("resources", "Connectors", "connectorConnectionPools");
        console.awaitHeading("Connector Connection Pools");
        browser.screenshot("connector-connection-pools");
        console.button("propertyForm:poolTable:topActionsGroup1:newButton");
        console.type("propertyForm:propertySheet:generalPropertySheet:jndiProp:name", name);
        console.choose("propertyForm:propertySheet:generalPropertySheet:resAdapterProp:db", RAR_NAME);
        console.awaitOption("propertyForm:propertySheet:generalPropertySheet:connectionDefProp:db", DEFINITION);
        if (!ping) {
            browser.screenshot("new-pool-resource-adapter");
        }
        console.button("propertyForm:title:topButtons:nextButton");
        console.awaitPage("Step 2 of 2");
        if (ping) {
            console.check("pingProp");
        }
    }

    /**
     * Finish: true once the pool list shows the pool; false as soon as server.log shows that the server refused the
     * JSON in which the console sent the pool's properties (README: In the GlassFish and Payara Admin Consoles).
     */
    private boolean finishPool(String name) throws IOException {
        int before = ServerLog.count(Files.readString(server.log()), REFUSAL);
        console.button("propertyForm:propertyContentPage:topButtons:finishButton");
        String outcome = browser.until(d -> { // a wait ends on neither null nor false, hence the words
            try {
                if (ServerLog.count(Files.readString(server.log()), REFUSAL) > before) {
                    return "refused";
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return console.showsHeading("Connector Connection Pools") && console.shows(name) ? "made" : null;
        });
        return outcome.equals("made");
    }

    /** The server's stack trace around its latest refusal of the console's JSON, for the report. */
    private String refusal() {
        String log;
        try {
            log = Files.readString(server.log());
        } catch (IOException e) {
            return "(server.log not readable: " + e + ")";
        }
        int at = log.lastIndexOf(REFUSAL);
        return at < 0 ? "(no " + REFUSAL + " in server.log)"
                : log.substring(Math.max(0, at - 2000), Math.min(log.length(), at + 6000));
    }
}
