package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README tells applications what each exception means; the base {@code LambdaException} has no row there, because
 * the connector's code (api, adapter, cdi) throws only its documented subclasses. A source that makes a bare
 * {@code LambdaException} again would hand applications a failure they cannot tell apart.
 */
class ExceptionTypesThrownTest {

    private static final Pattern BASE = Pattern.compile("new\\s+(io\\.lambdajca\\.api\\.)?LambdaException\\s*\\(");

    @Test
    void noSourceOfTheConnectorMakesTheBaseException() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> found = Stream.of("api", "adapter", "cdi")
                .flatMap(module -> sources(root.resolve(module).resolve("src/main/java")))
                .filter(file -> BASE.matcher(read(file)).find())
                .map(file -> root.relativize(file).toString())
                .collect(Collectors.toList());
        assertThat(sources(root.resolve("cdi/src/main/java"))).as("the cdi module's sources are found").isNotEmpty();
        assertThat(found).as("sources that throw the base LambdaException").isEmpty();
    }

    private static Stream<Path> sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
