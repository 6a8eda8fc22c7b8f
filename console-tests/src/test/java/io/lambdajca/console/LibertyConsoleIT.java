package io.lambdajca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

import io.lambdajca.local.LocalLambda;

/**
 * An administrator configures the adapter in Open Liberty's Admin Center, click by click, on a server where the RAR
 * is installed and nothing else of the adapter is configured. The Server Config tool's Design view adds what Liberty
 * itself defines, with its descriptions: the connection factory and its pool, the credential profile (an administered
 * object), and the sample application with access to the adapter's classes. Its schema is that of Liberty's installed
 * features, which has no element for the adapter's own properties ({@code properties.lambda}), so those are typed in
 * the Source view; the credential profile's secret is a variable, never clear text. Saved, Liberty applies the file by
 * itself, and the sample page lists and invokes functions through that configuration. A screenshot of every step goes
 * to target/screenshots/liberty.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibertyConsoleIT {

    private static final Path DEPLOYABLES = Path.of(System.getProperty("deployables.dir", "target/deployables"));
    private static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "liberty");
    private static final String USER = "lambda-admin";
    /** Made up for this run. */
    private static final String PASSWORD = "Console-" + Long.toHexString(System.nanoTime());
    /** The variable the profile's secretAccessKey names: a file in the server's variables directory. */
    private static final String SECRET_VARIABLE = "lambda-secret-key";

    private static LocalLambda endpoint;
    private static LibertyServer server;
    private static Browser browser;
    private static AdminCenter console;

    @RegisterExtension
    static final FailureEvidence EVIDENCE = new FailureEvidence(() -> browser);

    @BeforeAll
    static void serverWithTheRarInstalled() throws Exception {
        endpoint = SampleEndpoint.start(DEPLOYABLES.resolve("sample-functions.zip"));
        server = new LibertyServer(Path.of(System.getProperty("liberty.home")),
                Path.of("target", "liberty-console").toAbsolutePath());
        // the secret, put where the profile's variable reads it, as an operator (or a mounted secret) would
        server.prepare(USER, PASSWORD, Map.of(SECRET_VARIABLE, SampleEndpoint.SECRET_KEY),
                DEPLOYABLES.resolve("lambda-jca-adapter.rar"), DEPLOYABLES.resolve("lambda-sample.ear"));
        server.start();
        browser = new Browser(SHOTS);
        console = new AdminCenter(browser, LibertyServer.HTTPS_PORT);
    }

    @AfterAll
    static void stop() throws Exception {
        Teardown.closeInOrder(browser, server == null ? null : server::stop, endpoint);
    }

    @Test
    @Order(1)
    void opensServerXmlInTheServerConfigTool() throws Exception {
        assertFalse(Files.readString(server.configuration()).contains("connectionFactory"),
                "no connection factory is configured before the console is used");
        console.signIn(USER, PASSWORD);
        browser.screenshot("toolbox");
        console.openServerConfig("server.xml");
        console.select("Resource Adapter", "lambda");
        browser.screenshot("server-xml-with-the-rar");
        assertEquals("${server.config.dir}/lambda-jca-adapter.rar", console.attributeValue("location"));
    }

    @Test
    @Order(2)
    void addsAConnectionFactoryAndItsPoolInTheDesignView() throws Exception {
        console.select("Server", null);
        assertEquals("Defines a connection factory configuration.",
                console.addChild("Connection Factory", "connectionFactory").strip());
        console.attribute("id", "lambdaDefault");
        console.attribute("jndiName", "lambda/Default");
        browser.screenshot("connection-factory");
        console.addChild("Connection Manager", "connectionManager");
        console.attribute("maxPoolSize", "20");
        console.attribute("connectionTimeout", "5s");
        browser.screenshot("connection-manager");
        String form = console.form();
        assertTrue(form.contains("Maximum connections") && form.contains("Connection timeout")
                && form.contains("Amount of time after which a connection request times out."), form);
        assertEquals("30m (default)", console.attributeHint("maxIdleTime"));
    }

    @Test
    @Order(3)
    void addsACredentialProfileAsAnAdministeredObject() throws Exception {
        console.select("Server", null);
        assertEquals("Defines an administered object configuration.",
                console.addChild("Administered Object", "adminObject").strip());
        console.attribute("id", "lambdaSampleProfile");
        console.attribute("jndiName", "lambda/profiles/Sample");
        browser.screenshot("credential-profile");
    }

    @Test
    @Order(4)
    void addsTheSampleApplicationWithTheAdaptersClasses() throws Exception {
        console.select("Server", null);
        console.addChild("Enterprise Application", "enterpriseApplication");
        console.attribute("id", "lambda-sample");
        console.attribute("name", "lambda-sample");
        console.attribute("location", "${server.config.dir}/lambda-sample.ear");
        console.addChild("Classloader", "classloader");
        console.attribute("classProviderRef", "lambda");
        browser.screenshot("application-classloader");
        assertTrue(console.form().contains("Class provider references"), console.form());
    }

    @Test
    @Order(5)
    void typesTheAdaptersPropertiesInTheSourceView() throws Exception {
        console.sourceView();
        console.typeAtEndOf("<connectionManager", Keys.ENTER, "<properties.lambda region=\"us-east-1\""
                + " endpointOverride=\"" + endpoint.endpoint() + "\" credentialProfile=\"lambda/profiles/Sample\"/>");
        // the Design view wrote the administered object as an empty element: it is opened for its properties
        console.typeAtEndOf("<adminObject", Keys.BACK_SPACE, Keys.BACK_SPACE, ">", Keys.ENTER,
                "<properties.lambda type=\"ASSUME_ROLE\" roleArn=\"" + SampleEndpoint.ROLE + "\" roleSessionName="
                        + "\"lambda-sample\" accessKeyId=\"" + SampleEndpoint.ACCESS_KEY + "\" secretAccessKey=\"${"
                        + SECRET_VARIABLE + "}\" endpointOverride=\"" + endpoint.endpoint() + "\"/>",
                Keys.ENTER, "</adminObject>");
        browser.screenshot("source-view-properties");

        console.designView();
        console.expand("Connection Factory", "lambdaDefault");
        console.select("properties.lambda", null);
        assertTrue(console.form().contains("The element \"properties.lambda\" is not recognized by the server. "
                + "Please switch to the source pane to edit its content."), console.form());
        browser.screenshot("design-view-does-not-know-the-properties");
    }

    @Test
    @Order(6)
    void savedLibertyAppliesIt_andTheSamplePageWorksThroughTheConfiguration() throws Exception {
        saveAndAwaitTheUpdate();
        browser.screenshot("saved");
        server.awaitLog(s -> s.contains("CWWKZ0001I: Application lambda-sample started"), Duration.ofMinutes(2),
                "Liberty did not start the sample");

        String config = Files.readString(server.configuration());
        assertTrue(config.contains("secretAccessKey=\"${" + SECRET_VARIABLE + "}\""), config);
        assertFalse(config.contains(SampleEndpoint.SECRET_KEY), "server.xml holds no clear secret");

        SamplePage.worksThroughTheConfiguration(browser, LibertyServer.HTTP_PORT, endpoint);
        String log = Files.readString(server.log());
        assertTrue(log.contains("LAMBDAJCA1003") && log.contains("ASSUME_ROLE " + SampleEndpoint.ROLE), log);
        assertFalse(log.contains("J2CA8501E"), "Liberty knew every property typed (names start lower-case)");
        assertFalse(log.contains(SampleEndpoint.SECRET_KEY), "the secret is not in messages.log");
    }

    @Test
    @Order(7)
    void aWrongValue_isNamedWithItsRuleWhenTheApplicationRestarts() throws Exception {
        console.toolbox();
        console.openServerConfig("server.xml");
        console.sourceView();
        console.typeOver("region=\"us-east-1\"", "region=\"mars-north-1\"");
        browser.screenshot("wrong-region");
        saveAndAwaitTheUpdate();

        // Liberty restarts the application on the changed configuration; its CDI extension looks the factory up at
        // deployment, which is when Liberty makes it and the adapter checks it: the application does not start, and
        // its error names the factory, the property and the rule
        String log = server.awaitLog(s -> s.contains("CWWKZ0004E"), Duration.ofMinutes(1),
                "the sample application did not fail to start on the wrong region");
        String failure = log.lines().filter(l -> l.contains("CWWKZ0004E")).findFirst().orElseThrow();
        assertTrue(failure.contains("LAMBDAJCA2003: a Lambda connection definition the application uses is not "
                + "available: The Lambda connection factory bound at java:comp/env/lambda/Default could not be "
                + "created: Invalid Lambda connection definition: Region 'mars-north-1' is not a region the AWS SDK "
                + "knows"), failure);
    }

    /** Saves in the console and waits until Liberty has applied the changed server.xml (CWWKG0017I). */
    private static void saveAndAwaitTheUpdate() throws Exception {
        int updates = ServerLog.count(Files.readString(server.log()), "CWWKG0017I");
        console.save();
        server.awaitLog(s -> ServerLog.count(s, "CWWKG0017I") > updates, Duration.ofMinutes(1),
                "Liberty did not apply the saved server.xml");
    }
}
