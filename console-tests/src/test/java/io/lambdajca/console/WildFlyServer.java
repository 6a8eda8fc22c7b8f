package io.lambdajca.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A WildFly of its own for the console test: a fresh copy of the distribution's standalone directory (so the console's
 * changes are written to a configuration nobody else uses), bound to 127.0.0.1 with a port offset that no other suite
 * uses, a management user made with add-user.sh, and the RAR in the deployment scanner's directory.
 */
final class WildFlyServer {

    /** HTTP 8580, management 10490: clear of the other suites (8080/9990, Liberty 9180, GlassFish 10048/10080). */
    static final int PORT_OFFSET = 500;

    private final Path home;
    private final Path base;
    private Process process;

    WildFlyServer(Path home, Path base) {
        this.home = home;
        this.base = base;
    }

    int httpPort() {
        return 8080 + PORT_OFFSET;
    }

    int managementPort() {
        return 9990 + PORT_OFFSET;
    }

    Path configuration() {
        return base.resolve("configuration/standalone.xml");
    }

    Path log() {
        return base.resolve("log/server.log");
    }

    /** A fresh server directory with the archives to deploy at boot and a management user. */
    void prepare(String user, String password, Path... deployments) throws IOException, InterruptedException {
        ServerDirectories.deleteTree(base);
        Path source = home.resolve("standalone");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = base.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        for (Path deployment : deployments) {
            Files.copy(deployment, base.resolve("deployments").resolve(deployment.getFileName()));
        }
        // -s: silent; -sc: the configuration directory of this server, whose mgmt-users.properties the user goes to
        run(List.of(home.resolve("bin/add-user.sh").toString(), "-u", user, "-p", password, "-s",
                "-sc", base.resolve("configuration").toString()), Map.of(), Duration.ofSeconds(60));
    }

    /** Starts the server with these extra environment variables and waits until it has booted. */
    void start(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(base.resolveSibling(base.getFileName() + ".out").toFile());
        pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        pb.environment().putAll(environment);
        process = pb.start();
        awaitLog(s -> s.contains("WFLYSRV0025") || s.contains("WFLYSRV0026"), Duration.ofMinutes(3),
                "WildFly did not boot");
    }

    /** Waits until the server log satisfies the condition; the wait ends in failure at the deadline. */
    String awaitLog(Predicate<String> condition, Duration timeout, String failure)
            throws IOException, InterruptedException {
        return ServerLog.await(log(), condition, timeout, failure, () -> process == null || process.isAlive());
    }

    /** Runs one jboss-cli.sh command (local authentication, as the server's own user) and returns its output. */
    String cli(String command) throws IOException, InterruptedException {
        return run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + managementPort(), "--command=" + command), Map.of(),
                Duration.ofMinutes(2));
    }

    /** Shuts the server down through its CLI, or ends its process when that fails. */
    void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        try {
            cli(":shutdown");
        } catch (RuntimeException | IOException e) {
            process.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not end in " + timeout.toSeconds() + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (" + p.exitValue() + "): " + text);
        }
        return text;
    }
}
