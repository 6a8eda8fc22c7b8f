package io.lambdajca.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An Open Liberty server of its own for the console test, in a user directory of its own (WLP_USER_DIR), so that what
 * the Admin Center saves goes to a server.xml nobody else uses. Its server.xml has what an administrator sets up
 * before the Admin Center can be used (the feature; in an included file, a user in the administrator role, a keystore
 * for the HTTPS port, write access to the configuration directory) and the RAR installed as a resource adapter, and
 * nothing else of the adapter. HTTP 14080 and HTTPS 14443 on 127.0.0.1: clear of the other suites (Liberty's container suite 9180/9543,
 * demo.sh 9080, GlassFish and Payara 12000-13100).
 */
final class LibertyServer {

    static final int HTTP_PORT = 14080;
    static final int HTTPS_PORT = 14443;
    private static final String NAME = "console";

    private final Path home;
    private final Path userDir;
    private Process process;

    LibertyServer(Path home, Path userDir) {
        this.home = home;
        this.userDir = userDir;
    }

    Path serverDir() {
        return userDir.resolve("servers").resolve(NAME);
    }

    Path configuration() {
        return serverDir().resolve("server.xml");
    }

    Path log() {
        return serverDir().resolve("logs/messages.log");
    }

    /**
     * A fresh server directory: the archives, a variable file for each of {@code variables} (Liberty's default
     * variable source, where an operator or a Kubernetes secret puts a secret), and the server.xml above.
     */
    void prepare(String user, String password, Map<String, String> variables, Path... archives) throws IOException {
        ServerDirectories.deleteTree(userDir);
        Files.createDirectories(serverDir().resolve("variables"));
        for (Path archive : archives) {
            Files.copy(archive, serverDir().resolve(archive.getFileName()));
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            Files.writeString(serverDir().resolve("variables").resolve(variable.getKey()), variable.getValue());
        }
        // what the Admin Center needs, in a file of its own as administrators keep users and keys
        Files.writeString(serverDir().resolve("admin-center.xml"), """
                <server>
                    <basicRegistry id="basic">
                        <user name="%s" password="%s"/>
                    </basicRegistry>
                    <administrator-role>
                        <user>%s</user>
                    </administrator-role>
                    <keyStore id="defaultKeyStore" password="keystore-%s"/>
                    <remoteFileAccess>
                        <writeDir>${server.config.dir}</writeDir>
                    </remoteFileAccess>
                </server>
                """.formatted(user, password, user, Long.toHexString(System.nanoTime())));
        Files.writeString(configuration(), """
                <server description="Lambda JCA: configured in the Admin Center">
                    <featureManager>
                        <feature>adminCenter-1.0</feature>
                        <feature>connectors-2.1</feature>
                        <feature>cdi-4.0</feature>
                        <feature>enterpriseBeansLite-4.0</feature>
                        <feature>restfulWS-3.1</feature>
                        <feature>jsonb-3.0</feature>
                        <feature>concurrent-3.0</feature>
                    </featureManager>
                    <include location="admin-center.xml"/>
                    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="%d"/>
                    <resourceAdapter id="lambda" location="${server.config.dir}/lambda-jca-adapter.rar"
                        autoStart="true"/>
                </server>
                """.formatted(HTTP_PORT, HTTPS_PORT));
    }

    /** Starts the server on the test's own JDK and waits until it is ready and the RAR is installed. */
    void start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/server").toString(), "run", NAME)
                .redirectErrorStream(true).redirectOutput(userDir.resolve(NAME + ".out").toFile());
        environment(pb);
        process = pb.start();
        awaitLog(s -> s.contains("CWWKF0011I") && s.contains("J2CA7001I"), Duration.ofMinutes(3),
                "Open Liberty did not start with the RAR installed");
    }

    /** Waits until messages.log satisfies the condition; the wait ends in failure at the deadline. */
    String awaitLog(Predicate<String> condition, Duration timeout, String failure)
            throws IOException, InterruptedException {
        return ServerLog.await(log(), condition, timeout, failure, () -> process == null || process.isAlive());
    }

    /** Stops the server with its own command, or ends its process when that fails. */
    void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/server").toString(), "stop", NAME)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environment(pb);
        Process stopping = pb.start();
        if (!stopping.waitFor(60, TimeUnit.SECONDS) || !process.waitFor(60, TimeUnit.SECONDS)) {
            stopping.destroyForcibly();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void environment(ProcessBuilder pb) {
        pb.environment().put("WLP_USER_DIR", userDir.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    }
}
