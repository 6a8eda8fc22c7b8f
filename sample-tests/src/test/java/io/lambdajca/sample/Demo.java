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

    /** {@code demo.sh --server SERVER} without its build (the module's build has made what it runs). */
    static ProcessBuilder command() {
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("demo.sh").toString(), "--server", SERVER)
                .directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("DEMO_SKIP_BUILD", "1");
        pb.environment().put("LAMBDA_PORT", String.valueOf(LAMBDA_PORT));
        return pb;
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
