package io.lambdajca.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

/** The README's demo command as the tests start it, for the server this execution of the module is about. */
final class Demo {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    /** The server demo.sh runs the sample on: wildfly (the default), liberty, glassfish or payara. */
    static final String SERVER = System.getProperty("demo.server", "wildfly");
    /** The local endpoint's port, given to demo.sh (its default). */
    static final int LAMBDA_PORT = 9001;

    private Demo() {
    }

    /**
     * The signal the test stops the demo with: Ctrl-C's (INT, to the demo's whole process group, as a terminal sends
     * it) on WildFly, Open Liberty and GlassFish; TERM on Payara, whose stop is GlassFish's (the same asadmin script).
     */
    static final String STOP_SIGNAL = SERVER.equals("payara") ? "TERM" : "INT";

    /**
     * {@code demo.sh --server SERVER} without its build (the module's build has made what it runs), in a process group
     * of its own, as a terminal starts a command, with INT handled as a terminal's shell leaves it (a build started in
     * the background has it ignored, and bash cannot trap a signal ignored when it started).
     */
    static ProcessBuilder command() {
        ProcessBuilder pb = new ProcessBuilder("setsid", "env", "--default-signal=INT", "bash",
                ROOT.resolve("demo.sh").toString(), "--server", SERVER)
                .directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("DEMO_SKIP_BUILD", "1");
        pb.environment().put("LAMBDA_PORT", String.valueOf(LAMBDA_PORT));
        return pb;
    }

    /**
     * Sends {@link #STOP_SIGNAL} as a person would: Ctrl-C reaches the demo's whole process group (setsid made the demo
     * its leader), TERM the demo's own process.
     */
    static void stop(Process demo) throws IOException, InterruptedException {
        if (STOP_SIGNAL.equals("TERM")) {
            demo.destroy();
            return;
        }
        // a demo that has already ended (its process group gone) is left to the caller's checks
        new ProcessBuilder("kill", "-INT", "--", "-" + demo.pid()).inheritIO().start().waitFor();
    }

    /**
     * How demo.sh ends after {@link #STOP_SIGNAL}: its trap's exit status (128 + the signal's number; a shell the
     * signal killed ends so too, which is why the tests also look for the trap's "demo: stopping").
     */
    static int stoppedStatus() {
        return STOP_SIGNAL.equals("TERM") ? 143 : 130;
    }

    /** The server's ports, as its script in src/main/demo declares them in SERVER_PORTS. */
    static List<Integer> serverPorts() {
        return switch (SERVER) {
            case "liberty" -> List.of(9080);
            case "glassfish", "payara" -> List.of(4848, 8080);
            default -> List.of(8080, 9990);
        };
    }

    /** Whether something accepts connections on the port at 127.0.0.1. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
