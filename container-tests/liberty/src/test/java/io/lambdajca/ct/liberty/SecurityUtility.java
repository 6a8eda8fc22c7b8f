package io.lambdajca.ct.liberty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Encodes secrets the way a Liberty administrator does, with the server's own {@code bin/securityUtility encode
 * --encoding=aes}, so that no secret is written to the configuration in plain text. Liberty 26 has no default AES
 * key: the key is a random one of this run, in a properties file ({@code wlp.aes.encryption.key}) that both the tool
 * and the server read (the server as its bootstrap.properties).
 */
final class SecurityUtility {

    /** The variable that holds the base64 AES-256 key, for securityUtility and for the server. */
    static final String KEY_VARIABLE = "wlp.aes.encryption.key";

    private final Path keyFile;
    private final Map<String, String> encoded = new HashMap<>();

    /** Writes a new random key to that properties file; the server must read the same file. */
    SecurityUtility(Path keyFile) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(keyFile, "# AES key of the {aes} values in " + LibertyServer.RESOURCES_FILE
                + ", new for each test run\n" + KEY_VARIABLE + "=" + Base64.getEncoder().encodeToString(key) + "\n",
                StandardCharsets.UTF_8);
        this.keyFile = keyFile;
    }

    /** The {aes}... form of the value; the same value is encoded once. */
    String encode(String plain) throws IOException, InterruptedException {
        String known = encoded.get(plain);
        if (known != null) {
            return known;
        }
        String tool = LibertyServer.wlpHome().resolve("bin/securityUtility").toString();
        // the value is passed as an argument: it is a test secret, visible to ps for the second the tool runs
        Process process = new ProcessBuilder(List.of(tool, "encode", "--encoding=aes",
                "--aesConfigFile=" + keyFile, plain))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        // waits before it reads: the tool prints one short line, which the pipe holds until then
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("securityUtility encode did not finish in 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // the last line is the value; a JVM may print notices (JAVA_TOOL_OPTIONS...) before it
        String[] lines = out.strip().split("\\R");
        String value = lines[lines.length - 1].strip();
        if (process.exitValue() != 0 || !value.startsWith("{aes}")) {
            throw new IOException("securityUtility encode failed (exit " + process.exitValue() + "): " + out);
        }
        encoded.put(plain, value);
        return value;
    }
}
