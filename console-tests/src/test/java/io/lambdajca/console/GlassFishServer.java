package io.lambdajca.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A fresh GlassFish domain "console" on port base 12000 (admin 12048, HTTP 12080: clear of the container suites'
 * 10000 and 11000 and of demo.sh's 4848/8080), created without an admin password as demo.sh does, every listener on
 * 127.0.0.1 and the JMS broker off; started and driven with asadmin (the JDK comes from AS_JAVA).
 */
final class GlassFishServer {

    static final String DOMAIN = "console";
    private static final int PORT_BASE = 12000;

    private final Path home;

    GlassFishServer(Path home) {
        this.home = home;
    }

    int adminPort() {
        return PORT_BASE + 48;
    }

    int httpPort() {
        return PORT_BASE + 80;
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
                "--checkports=true", "--portbase", String.valueOf(PORT_BASE), DOMAIN), Duration.ofMinutes(3), false);
        String xml = Files.readString(configuration());
        xml = xml.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=")
                .replaceFirst("(<config name=\"server-config\"[^>]*>)", "$1<jms-service type=\"DISABLED\""
                        + " default-jms-host=\"default_JMS_host\"><jms-host name=\"default_JMS_host\""
                        + " host=\"localhost\" port=\"\\${JMS_PROVIDER_PORT}\" lazy-init=\"true\"/></jms-service>");
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

    /** Stores a password alias as an administrator does, the secret read from a password file (not the command). */
    void createPasswordAlias(String alias, String secret) throws IOException, InterruptedException {
        Path file = Files.createTempFile("alias", ".txt");
        try {
            Files.writeString(file, "AS_ADMIN_ALIASPASSWORD=" + secret + "\n");
            asadmin("--passwordfile", file.toString(), "create-password-alias", alias);
        } finally {
            Files.delete(file);
        }
    }

    /** Waits until the server log satisfies the condition; the wait ends in failure at the deadline. */
    String awaitLog(Predicate<String> condition, Duration timeout, String failure)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
            if (condition.test(text)) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " within " + timeout.toSeconds() + " s; see " + log());
            }
            Thread.sleep(250); // polling interval; the deadline bounds the wait
        }
    }

    void stop() throws IOException, InterruptedException {
        run(List.of(asadmin(), "--interactive=false", "stop-domain", DOMAIN), Duration.ofMinutes(1), true);
    }

    private String asadmin() {
        return home.resolve("bin/asadmin").toString();
    }

    private static String run(List<String> command, Duration timeout, boolean mayFail)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("asadmin", ".out");
        try {
            // output to a file: a server asadmin starts must not hold our pipe
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
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
