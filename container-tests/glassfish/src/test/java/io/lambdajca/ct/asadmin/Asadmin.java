package io.lambdajca.ct.asadmin;

import static io.lambdajca.ct.TestEnvironment.required;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GlassFish or Payara installation, driven through its own asadmin and through the project's
 * configure-lambda-asadmin.sh, as the module's failsafe configuration describes it (system properties
 * {@code lambdajca.server.*}). Client side, in the test JVM.
 */
final class Asadmin {

    /** The application name of the standalone RAR. */
    static final String RA_NAME = "lambda-jca-adapter";

    private static final Pattern FAILED = Pattern.compile("(?m)^Command (\\S+) failed\\.");

    private static Asadmin instance;

    private final String serverName;
    private final Path home;
    private final int portBase;
    private final int minimumJava;
    private final Path script;

    private Asadmin() {
        serverName = required("lambdajca.server.name");
        home = Path.of(required("lambdajca.server.home")).toAbsolutePath();
        portBase = Integer.parseInt(required("lambdajca.server.portbase"));
        minimumJava = Integer.parseInt(System.getProperty("lambdajca.server.java.minimum", "17"));
        script = Path.of(required("lambdajca.configure.script")).toAbsolutePath();
    }

    static synchronized Asadmin get() {
        if (instance == null) {
            instance = new Asadmin();
        }
        return instance;
    }

    /** "GlassFish 8.0.0", "Payara 6.2025.9". */
    String serverName() {
        return serverName;
    }

    /** The installation: bin/asadmin and glassfish/domains under it. */
    Path home() {
        return home;
    }

    int portBase() {
        return portBase;
    }

    int adminPort() {
        return portBase + 48;
    }

    /** The lowest Java feature release the server runs on. */
    int minimumJava() {
        return minimumJava;
    }

    Path domainDir() {
        return home.resolve("glassfish/domains/domain1");
    }

    Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    /**
     * Waits until the admin REST interface answers, the last thing the server starts: what it logs before then is its
     * own start-up (and the harness polling it), not this run's configuration.
     */
    void awaitAdminRest(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest version = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort()
                + "/management/domain/version")).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (http.send(version, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the admin REST interface of " + serverName() + " did not answer in " + timeout);
            }
            Thread.sleep(250); // polling interval; the deadline bounds the wait
        }
    }

    boolean isUp() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", adminPort()), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a local asadmin command (no server needed), such as create-domain. */
    String local(String... args) {
        List<String> command = new ArrayList<>(List.of(asadmin().toString(), "--interactive=false"));
        command.addAll(List.of(args));
        return exec(command, Map.of(), Duration.ofMinutes(3));
    }

    /** Runs an asadmin command against the running domain; returns its output. */
    String remote(String... args) {
        List<String> command = new ArrayList<>(List.of(asadmin().toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(adminPort()), "--user", "admin", "--interactive=false"));
        command.addAll(List.of(args));
        return exec(command, Map.of(), Duration.ofMinutes(3));
    }

    /**
     * Runs the subcommands of the file in one asadmin multimode. That goes on after a failed command and exits with 0:
     * a failed command other than a delete (which fails when there is nothing to replace) fails the call.
     */
    String multimode(Path file) {
        String output = remote("multimode", "--file", file.toString());
        Matcher failed = FAILED.matcher(output);
        while (failed.find()) {
            if (!failed.group(1).startsWith("delete-")) {
                throw new IllegalStateException("asadmin " + failed.group(1) + " failed in multimode --file " + file
                        + ":\n" + output);
            }
        }
        return output;
    }

    /** Runs configure-lambda-asadmin.sh against the running domain, secrets in the environment. */
    String script(List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "--glassfish-home", home.toString(),
                "--admin-port", String.valueOf(adminPort())));
        command.addAll(args);
        return exec(command, environment, Duration.ofMinutes(3));
    }

    private Path asadmin() {
        return home.resolve("bin/asadmin");
    }

    /** Runs the command, output to a file (a server it starts must not hold our pipe); fails with that output. */
    private static String exec(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path out = Files.createTempFile("asadmin", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                                .toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeout + ": " + printable(command));
                }
                String output = Files.readString(out);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + printable(command)
                            + "\n" + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + printable(command), e);
        }
    }

    private static String printable(List<String> command) {
        return String.join(" ", command);
    }
}
