package io.lambdajca.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The README says demo.sh stops at once when one of the server's ports is taken, never configuring or stopping a
 * server it did not start: with something listening on the server's last port (so that the check walks past the
 * free ones), the demo ends within seconds naming that port and nothing else, having built and started nothing (the
 * endpoint's and the server's other ports stay free, no ready file) and left the listener alone. Its build is on, with
 * a stand-in {@code mvn} first on its PATH that only records that it ran: a regressed check then fails this test
 * without a real build starting inside the one running it.
 */
class DemoPortTakenIT {

    private static final Path READY = Demo.ROOT.resolve("target/demo/ready");

    @Test
    void aTakenPort_stopsTheDemoBeforeItStartsAnything() throws Exception {
        List<Integer> ports = Demo.serverPorts();
        int taken = ports.get(ports.size() - 1);
        Files.deleteIfExists(READY);
        Path output = Files.createTempFile("demo-port-taken-", ".log");
        Path bin = Files.createTempDirectory("demo-port-taken-bin-");
        Path mvnRan = bin.resolve("mvn-ran");
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\ntouch '" + mvnRan + "'\nexit 1\n");
        assertTrue(mvn.toFile().setExecutable(true), "stand-in mvn made executable");
        try (ServerSocket other = new ServerSocket(taken, 50, InetAddress.getByName("127.0.0.1"))) {
            ProcessBuilder command = Demo.command();
            command.environment().remove("DEMO_SKIP_BUILD"); // with its build: it stops before building too
            command.environment().merge("PATH", bin.toString(), (path, stub) -> stub + ":" + path);
            Process demo = command.redirectOutput(output.toFile()).start();
            boolean ended = demo.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                demo.descendants().forEach(ProcessHandle::destroyForcibly);
                demo.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(ended, "demo.sh still ran 60 s after it found port " + taken + " taken:\n" + printed);
            assertEquals(1, demo.exitValue(), printed);
            assertEquals("demo: port " + taken + " is taken: stop what uses it", printed.strip());
            assertFalse(Files.exists(mvnRan), "mvn was not run");
            assertFalse(Files.exists(READY), "no ready file");
            assertFalse(Demo.accepts(Demo.LAMBDA_PORT), "no endpoint was started");
            for (int free : ports.subList(0, ports.size() - 1)) {
                assertFalse(Demo.accepts(free), "no server was started: port " + free + " is free");
            }
            assertTrue(Demo.accepts(other.getLocalPort()), "what listened on port " + taken + " still does");
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(mvnRan);
            Files.deleteIfExists(mvn);
            Files.deleteIfExists(bin);
        }
    }

    @Test
    void theServersPorts_areTheOnesItsDemoScriptChecks() throws IOException {
        String script = Files.readString(Demo.ROOT.resolve("src/main/demo/"
                + (Demo.SERVER.equals("glassfish") || Demo.SERVER.equals("payara") ? "asadmin-domain" : Demo.SERVER)
                + ".sh"));
        String declared = Demo.serverPorts().stream().map(String::valueOf)
                .reduce((a, b) -> a + " " + b).orElseThrow();
        assertTrue(script.contains("SERVER_PORTS=\"" + declared + "\""), "SERVER_PORTS=\"" + declared + "\"");
    }
}
