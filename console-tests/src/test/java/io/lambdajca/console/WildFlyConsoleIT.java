package io.lambdajca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.lambdajca.local.LocalLambda;

/**
 * An administrator configures the adapter in WildFly's management console (HAL), click by click, on a server where
 * the RAR is deployed and nothing is configured: the resource adapter, a connection definition with its pool and
 * config properties, an ASSUME_ROLE credential profile whose secret is an expression (never clear text), the reload
 * the console asks for; then the sample page lists and invokes functions through that configuration. Wrong values
 * (an unknown region, an endpoint URL without its scheme, a timeout of 0) are then shown by the console's boot errors,
 * naming the property and the rule. A screenshot of every step goes to target/screenshots/wildfly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlyConsoleIT {

    private static final Path DEPLOYABLES = Path.of(System.getProperty("deployables.dir", "target/deployables"));
    private static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "wildfly");
    private static final String USER = "lambda-admin";
    /** Made up for this run; add-user.sh wants letters, digits and a symbol. */
    private static final String PASSWORD = "Console-" + Long.toHexString(System.nanoTime()) + "!";
    private static final String SECRET_EXPRESSION = "${env.LAMBDA_SECRET_ACCESS_KEY}";

    private static final String RA_FORM = "resource-adapter-configuration-attributes-form";
    private static final String CD_TABLE = "resource-adapter-connection-definition-table";
    private static final String CD_ADD = "resource-adapter-connection-definition-add";
    private static final String CD_FORM = "resource-adapter-connection-definition-attributes-form";
    private static final String CD_POOL = "resource-adapter-connection-definition-pool-form";
    private static final String AO_TABLE = "resource-adapter-admin-object-table";
    private static final String AO_ADD = "resource-adapter-admin-object-add";
    private static final String AO_FORM = "resource-adapter-admin-object-form";

    private static LocalLambda endpoint;
    private static WildFlyServer server;
    private static Browser browser;
    private static Hal hal;

    @RegisterExtension
    static final FailureEvidence EVIDENCE = new FailureEvidence(() -> browser);

    @BeforeAll
    static void cleanServerWithTheRarDeployed() throws Exception {
        endpoint = SampleEndpoint.start(DEPLOYABLES.resolve("sample-functions.zip"));
        server = new WildFlyServer(Path.of(System.getProperty("jboss.home")),
                Path.of("target", "wildfly-console").toAbsolutePath());
        server.prepare(USER, PASSWORD, DEPLOYABLES.resolve("lambda-jca-adapter.rar"));
        // the secret the profile's expression names, given to the server's process as an operator would
        server.start(Map.of("LAMBDA_SECRET_ACCESS_KEY", SampleEndpoint.SECRET_KEY));
        server.awaitLog(s -> s.contains("Deployed \"lambda-jca-adapter.rar\""), Duration.ofMinutes(1),
                "the RAR was not deployed");
        browser = new Browser(SHOTS);
        hal = new Hal(browser, server.managementPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Teardown.closeInOrder(browser, server == null ? null : server::stop, endpoint);
    }

    @Test
    @Order(1)
    void addsTheResourceAdapter() throws Exception {
        assertTrue(server.cli("/subsystem=resource-adapters:read-children-names(child-type=resource-adapter)")
                .contains("\"result\" => []"), "nothing is configured before the console is used");
        hal.signIn(USER, PASSWORD);
        hal.openResourceAdapters();
        browser.screenshot("resource-adapters");
        hal.addResourceAdapter("lambda", "lambda-jca-adapter.rar");
        browser.screenshot("add-resource-adapter");
        hal.confirmDialog();
        hal.viewResourceAdapter("lambda");
        hal.edit(RA_FORM);
        hal.choose(RA_FORM, "transaction-support", "NoTransaction");
        browser.screenshot("transaction-support");
        hal.save(RA_FORM);
        assertEquals("NoTransaction", hal.readOnly(RA_FORM, "transaction-support"));
        assertEquals("lambda-jca-adapter.rar", hal.readOnly(RA_FORM, "archive"));
    }

    @Test
    @Order(2)
    void addsAConnectionDefinitionWithItsPoolAndProperties() throws Exception {
        hal.section("connection-definition");
        hal.addToTable(CD_TABLE);
        hal.field(CD_ADD, "name", "Default");
        hal.field(CD_ADD, "class-name", "io.lambdajca.adapter.LambdaManagedConnectionFactory");
        hal.field(CD_ADD, "jndi-name", "java:/lambda/Default");
        browser.screenshot("add-connection-definition");
        hal.confirmDialog();
        hal.selectRow(CD_TABLE, "Default");
        hal.edit(CD_FORM);
        hal.properties(CD_FORM, "config-properties", List.of("Region=us-east-1",
                "EndpointOverride=" + endpoint.endpoint(), "CredentialProfile=java:/lambda/profiles/Sample",
                "ConnectTimeoutMillis=2000", "ReadTimeoutMillis=60000", "CallTimeoutMillis=65000"));
        hal.field(CD_FORM, "blocking-timeout-wait-millis", "5000");
        browser.screenshot("connection-definition-properties");
        hal.save(CD_FORM);
        String properties = hal.readOnly(CD_FORM, "config-properties");
        assertTrue(properties.contains("Region ⇒ us-east-1")
                && properties.contains("EndpointOverride ⇒ " + endpoint.endpoint())
                && properties.contains("CredentialProfile ⇒ java:/lambda/profiles/Sample")
                && properties.contains("ReadTimeoutMillis ⇒ 60000"), properties);

        hal.tab("resource-adapter-connection-definition-pool-tab");
        hal.edit(CD_POOL);
        hal.field(CD_POOL, "min-pool-size", "0");
        hal.field(CD_POOL, "max-pool-size", "20");
        browser.screenshot("connection-definition-pool");
        hal.save(CD_POOL);
        assertEquals("20", hal.readOnly(CD_POOL, "max-pool-size"));
        assertEquals("0", hal.readOnly(CD_POOL, "min-pool-size"));
    }

    @Test
    @Order(3)
    void addsACredentialProfileWhoseSecretIsAnExpression() throws Exception {
        hal.section("admin-object");
        hal.addToTable(AO_TABLE);
        hal.field(AO_ADD, "name", "Sample");
        hal.field(AO_ADD, "class-name", "io.lambdajca.adapter.LambdaCredentialProfile");
        hal.field(AO_ADD, "jndi-name", "java:/lambda/profiles/Sample");
        browser.screenshot("add-credential-profile");
        hal.confirmDialog();
        hal.selectRow(AO_TABLE, "Sample");
        hal.edit(AO_FORM);
        hal.properties(AO_FORM, "config-properties", List.of("Type=ASSUME_ROLE", "RoleArn=" + SampleEndpoint.ROLE,
                "RoleSessionName=lambda-sample", "DurationSeconds=900", "AccessKeyId=" + SampleEndpoint.ACCESS_KEY,
                "EndpointOverride=" + endpoint.endpoint()));
        browser.screenshot("credential-profile-properties");
        hal.save(AO_FORM);

        // HAL's key=value field refuses braces, so an expression cannot be typed there ...
        hal.edit(AO_FORM);
        String refusal = hal.refusedProperty(AO_FORM, "config-properties", "SecretAccessKey=" + SECRET_EXPRESSION);
        assertTrue(refusal.contains("Invalid format"), refusal);
        browser.screenshot("expression-refused-by-the-properties-field");
        hal.cancel(AO_FORM);

        // ... but the model browser adds the property as a resource whose value may be an expression
        hal.modelBrowser();
        hal.expand("model-browser-root___admin-objects");
        hal.expand("model-browser-root___admin-objects___Sample");
        hal.selectNode("Sample___config-properties");
        hal.addToTable("model-browser-children-table");
        hal.field("sample-config-properties-add", "name", "SecretAccessKey");
        hal.optionalFields();
        hal.field("sample-config-properties-add", "value", SECRET_EXPRESSION);
        browser.screenshot("secret-as-expression");
        hal.confirmDialog();
        hal.awaitRow("model-browser-children-table", "SecretAccessKey");
        hal.normalMode();
        hal.section("admin-object");
        hal.selectRow(AO_TABLE, "Sample");
        String properties = hal.readOnly(AO_FORM, "config-properties");
        assertTrue(properties.contains("SecretAccessKey ⇒ " + SECRET_EXPRESSION)
                && properties.contains("Type ⇒ ASSUME_ROLE"), properties);
        browser.screenshot("credential-profile");

        String config = Files.readString(server.configuration());
        assertTrue(config.contains(SECRET_EXPRESSION), "the configuration holds the expression");
        assertFalse(config.contains(SampleEndpoint.SECRET_KEY), "the configuration holds no clear secret");
    }

    @Test
    @Order(4)
    void afterTheReloadTheConsoleAsksFor_theSamplePageWorksThroughTheConfiguration() throws Exception {
        hal.reload();
        browser.screenshot("reloaded");
        server.awaitLog(s -> s.contains("LAMBDAJCA1003") && s.contains("ASSUME_ROLE " + SampleEndpoint.ROLE),
                Duration.ofMinutes(1), "the connection definition did not build its client with the profile");
        server.cli("deploy " + DEPLOYABLES.resolve("lambda-sample.ear"));

        SamplePage.worksThroughTheConfiguration(browser, server.httpPort(), endpoint);
    }

    @Test
    @Order(5)
    void wrongValues_areNamedWithTheirRuleInTheConsolesBootErrors() throws Exception {
        hal.home();
        hal.openResourceAdapters();
        hal.addResourceAdapter("checks", "lambda-jca-adapter.rar");
        hal.confirmDialog();
        hal.viewResourceAdapter("checks");
        hal.section("connection-definition");
        hal.addToTable(CD_TABLE);
        hal.field(CD_ADD, "name", "Check");
        hal.field(CD_ADD, "class-name", "io.lambdajca.adapter.LambdaManagedConnectionFactory");
        hal.field(CD_ADD, "jndi-name", "java:/lambda/Check");
        hal.confirmDialog();

        wrongValue(List.of("Region=mars-north-1"), "unknown-region",
                "Region 'mars-north-1' is not a region the AWS SDK knows");
        wrongValue(List.of("Region=us-east-1", "EndpointOverride=127.0.0.1:9001"), "endpoint-without-scheme",
                "'127.0.0.1:9001' is not a valid EndpointOverride: it must be an absolute http:// or https:// URL");
        wrongValue(List.of("EndpointOverride=" + endpoint.endpoint(), "ConnectTimeoutMillis=0"), "timeout-of-0",
                "ConnectTimeoutMillis must be greater than 0 milliseconds, not 0");
    }

    /** Sets the properties on connection definition Check, reloads, and finds the message in the boot errors. */
    private static void wrongValue(List<String> properties, String name, String message) throws Exception {
        hal.selectRow(CD_TABLE, "Check");
        hal.edit(CD_FORM);
        hal.properties(CD_FORM, "config-properties", properties);
        hal.save(CD_FORM);
        String log = Files.readString(server.log());
        int messages = ServerLog.count(log, message);
        int bootsWithErrors = ServerLog.count(log, "WFLYSRV0026");
        hal.reloadServer();
        String after = server.awaitLog(s -> ServerLog.count(s, "WFLYSRV0026") > bootsWithErrors,
                Duration.ofMinutes(1), "the server did not reload with an error");
        assertTrue(ServerLog.count(after, message) > messages, "the server log names the property and the rule");
        String shown = hal.bootError();
        assertTrue(shown.contains("Invalid Lambda connection definition: " + message), shown);
        browser.screenshot("boot-error-" + name);
        hal.home();
        hal.openResourceAdapters();
        hal.viewResourceAdapter("checks");
        hal.section("connection-definition");
    }
}
