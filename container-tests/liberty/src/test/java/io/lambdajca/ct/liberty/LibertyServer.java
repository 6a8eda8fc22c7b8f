package io.lambdajca.ct.liberty;

import static io.lambdajca.ct.TestEnvironment.required;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The files of the test server, as the module's failsafe configuration names it (system properties {@code wlp.home}
 * and {@code liberty.server.name}, the same ones arquillian.xml reads), and a JMX connection to it through the local
 * connector, as the Arquillian container itself connects.
 */
final class LibertyServer {

    static Path serverXml() {
        return serverDir().resolve("server.xml");
    }

    /** The server.xml include file that the setup layer writes: the adapter and its resources. */
    static final String RESOURCES_FILE = "lambda-jca-resources.xml";
    /** The id of the resourceAdapter element; applications name it in classProviderRef. */
    static final String ADAPTER_ID = "lambda";

    private LibertyServer() {
    }

    static Path wlpHome() {
        return Path.of(required("wlp.home"));
    }

    static Path serverDir() {
        return wlpHome().resolve("usr/servers").resolve(required("liberty.server.name"));
    }

    static Path logsDir() {
        return serverDir().resolve("logs");
    }

    static Path messagesLog() {
        return logsDir().resolve("messages.log");
    }

    static Path traceLog() {
        return logsDir().resolve("trace.log");
    }

    static Path resourcesFile() {
        return serverDir().resolve(RESOURCES_FILE);
    }

    /** Read by the server before its configuration: here, the AES key of the {aes} values. */
    static Path bootstrapProperties() {
        return serverDir().resolve("bootstrap.properties");
    }

    /** Liberty's default variableSource: each file is a variable, its name the file's name, its value the content. */
    static Path variablesDir() {
        return serverDir().resolve("variables");
    }

    static Path serverEnv() {
        return serverDir().resolve("server.env");
    }

    /** "Open Liberty 26.0.0.3". */
    static String name() {
        return "Open Liberty " + System.getProperty("liberty.version", "");
    }

    /** localConnector-1.0 writes the address of the server's local JMX connector to this file once it is up. */
    static JMXConnector jmx() throws IOException {
        Path address = logsDir().resolve("state/com.ibm.ws.jmx.local.address");
        String url = Files.readString(address, StandardCharsets.UTF_8).trim();
        return JMXConnectorFactory.connect(new JMXServiceURL(url));
    }
}
