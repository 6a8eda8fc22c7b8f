package io.lambdajca.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A fresh GlassFish or Payara domain "console" on its own port base (GlassFish 12000, Payara 13000: admin port base+48,
 * HTTP base+80; clear of the container suites' 10000 and 11000 and of demo.sh's 4848/8080), created without an admin
 * password as demo.sh does, every listener on 127.0.0.1, the JMS broker and Payara's data grid off; started and driven
 * with asadmin on the JDK given (AS_JAVA: GlassFish 8 needs 21+, Payara 6 runs on 17).
 */
final class AsadminServer {

    static final String DOMAIN = "console";

    private final Path home;
    private final Path javaHome;
    private final int portBase;

    AsadminServer(Path home, Path javaHome, int portBase) {
        this.home = home;
        this.javaHome = javaHome;
        this.portBase = portBase;
    }

    int adminPort() {
        return portBase + 48;
    }

    int httpPort() {
        return portBase + 80;
    }

    Path domainDir() {
        return home.resolve("glassfish/domains").resolve(DOMAIN);
    }

    Path configuration() {
        return domainDir().resolve("config/domain.xml");
    }

    Path log() {
        return domainDir().resolve("logs/server.log");
    }

    /** Creates the domain anew, bound to the loopback interface, and starts it. */
    void createAndStart() throws IOException, InterruptedException {
        run(List.of(asadmin(), "--interactive=false", "delete-domain", DOMAIN), Duration.ofMinutes(1), true);
        run(List.of(asadmin(), "--interactive=false", "--user", "admin", "create-domain", "--nopassword=true",
                "--checkports=true", "--portbase", String.valueOf(portBase), DOMAIN), Duration.ofMinutes(3), false);
        String xml = Files.readString(configuration());
        xml = xml.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=")
                .replaceFirst("(<config name=\"server-config\"[^>]*>)", "$1<jms-service type=\"DISABLED\""
                        + " default-jms-host=\"default_JMS_host\"><jms-host name=\"default_JMS_host\""
                        + " host=\"localhost\" port=\"\\${JMS_PROVIDER_PORT}\" lazy-init=\"true\"/></jms-service>")
                .replace("<hazelcast-config-specific-configuration>",
                        "<hazelcast-config-specific-configuration enabled=\"false\">");
        Files.writeString(configuration(), xml);
        run(List.of(asadmin(), "--interactive=false", "start-domain", DOMAIN), Duration.ofMinutes(3), false);
    }

    /** Runs an asadmin command against the running domain and returns its output. */
    String asadmin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(asadmin(), "--interactive=false", "--host", "127.0.0.1",
                "--port", String.valueOf(adminPort()), "--user", "admin"));
        command.addAll(List.of(args));
        return run(command, Duration.ofMinutes(3), false);
    }

    /** Waits until the server log satisfies the condition; the wait ends in failure at the deadline. */
    String awaitLog(Predicate<String> condition, Duration timeout, String failure)
            throws IOException, InterruptedException {
        return ServerLog.await(log(), condition, timeout, failure, () -> true);
    }

    /** Restarts the domain (asadmin restart-domain waits until it is up again). */
    void restart() throws IOException, InterruptedException {
        run(List.of(asadmin(), "--interactive=false", "restart-domain", DOMAIN), Duration.ofMinutes(3), false);
    }

    void stop() throws IOException, InterruptedException {
        run(List.of(asadmin(), "--interactive=false", "stop-domain", DOMAIN), Duration.ofMinutes(1), true);
    }

    private String asadmin() {
        return home.resolve("bin/asadmin").toString();
    }

    private String run(List<String> command, Duration timeout, boolean mayFail)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("asadmin", ".out");
        try {
            // output to a file: a server asadmin starts must not hold our pipe
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                            .toFile()));
            builder.environment().put("AS_JAVA", javaHome.toString());
            Process p = builder.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in " + timeout);
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                        + text);
            }
            return text;
        } finally {
            Files.delete(out);
        }
    }
}
