package io.lambdajca.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.it.BenchmarkEnvironment;
import io.lambdajca.local.LocalLambda;

/**
 * The adapter benchmark (run with {@code -Pbenchmark}, not part of the test suite): prints figures and writes them to
 * target/adapter-benchmark.txt. It asserts nothing about speed; the figures are for the README.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(BenchmarkEnvironment.class)
@RunAsClient
class AdapterBenchmarkIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "benchmark.war")
                .addClasses(AdapterBenchmark.class, AdapterBenchmark.Result.class, BenchmarkServlet.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.lambda-jca-adapter.rar\n"));
    }

    @ArquillianResource
    private URL base;

    @Test
    void adapterVersusRawSdk() throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 30);
        int round = Integer.getInteger("bench.round", 10);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String query = "endpoint=" + enc(BenchmarkEnvironment.endpoint()) + "&accessKey="
                + enc(LocalLambda.DEFAULT_ACCESS_KEY) + "&secretKey=" + enc(LocalLambda.DEFAULT_SECRET_KEY)
                + "&warmup=" + warmup + "&round=" + round + "&rounds=" + rounds;
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create(base + "benchmark?" + query)).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        System.out.println(r.body());
        Files.writeString(Path.of("target", "adapter-benchmark.txt"), r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
