package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The server configuration scripts under src/main/scripts, run with {@code --print} as an administrator would check
 * them first: what they would configure, with the secret given in the environment never printed, and the WildFly
 * scripts' warning about a secret that is a plain value. (The in-container suites run the same scripts for real.)
 */
class ConfigurationScriptsTest {

    private static final Path SCRIPTS = Path.of("..", "src", "main", "scripts");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYs3cr3tK3y";

    /** What a script printed on stdout and stderr. */
    private record Run(String out, String err) {
    }

    private static Run print(String script, Map<String, String> env, String... options)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString(), "--print"));
        cmd.addAll(List.of(options));
        Path err = Files.createTempFile("script", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return new Run(out, Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }

    @Test
    void aWildFlyDefinition_isTheResourceItsPoolNameNames_DefaultWithoutOne() throws Exception {
        assertThat(print("configure-lambda-adapter.sh", Map.of(), "--pool-name", "Reporting", "--jndi",
                "java:/lambda/Reporting").out()).contains("/connection-definitions=Reporting:add(",
                        "jndi-name=\"java:/lambda/Reporting\"");
        assertThat(print("configure-lambda-adapter.sh", Map.of()).out())
                .contains("/connection-definitions=Default:add(", "jndi-name=\"java:/lambda/Default\"");
    }

    @Test
    void wildFlySecrets_areMaskedWhenPrinted_andAPlainOneIsWarnedAbout() throws Exception {
        Run plain = print("configure-lambda-adapter.sh", Map.of("LAMBDA_SECRET_ACCESS_KEY", SECRET),
                "--access-key-id", "AKIAIOSFODNN7EXAMPLE");
        assertThat(plain.out()).contains("config-properties=SecretAccessKey:add(value=\"****\")")
                .doesNotContain(SECRET);
        assertThat(plain.err()).contains("warning: SecretAccessKey is a plain value").doesNotContain(SECRET);

        Run expression = print("configure-lambda-profile.sh", Map.of("LAMBDA_KEYSTORE_PASSWORD",
                "${ENC::lambda:RUxZAUMQ}"), "--profile", "Device", "--type", "ROLES_ANYWHERE");
        assertThat(expression.out()).contains("config-properties=KeystorePassword:add(value=\"****\")");
        assertThat(expression.err()).doesNotContain("warning");
    }

    @Test
    void glassFishSecrets_becomePasswordAliases_andAreNeverPrinted() throws Exception {
        Run run = print("configure-lambda-asadmin.sh", Map.of("LAMBDA_SECRET_ACCESS_KEY", SECRET), "--profile",
                "Invoker", "--jndi", "lambda/profiles/Invoker", "--type", "STATIC", "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE");
        assertThat(run.out()).doesNotContain(SECRET)
                .contains("create-password-alias lambda-invoker-secretaccesskey",
                        "SecretAccessKey=${ALIAS\\=lambda-invoker-secretaccesskey}");
        assertThat(run.err()).doesNotContain(SECRET);
    }
}
