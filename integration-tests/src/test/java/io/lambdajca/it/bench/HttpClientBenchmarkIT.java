package io.lambdajca.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
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
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.it.BenchmarkEnvironment;
import io.lambdajca.local.LocalLambda;

/**
 * The adapter with each synchronous HTTP client inside WildFly (run with {@code -Pbenchmark
 * -Dit.test=HttpClientBenchmarkIT}): deploys a variant of the RAR with the other clients' jars added (from this
 * module's benchmark-profile dependencies), then per client sets the benchmark-only system property
 * {@code lambdajca.benchmark.httpClient}, redeploys that RAR and a small application, and runs
 * {@link HttpClientBenchmark} in the server. The clients run in the order of {@code -Dbench.clients} (by default
 * {@code apache5,apache4,urlconnection,crt,crt}: the second CRT run is after a redeploy, in a new class loader). The
 * server log's warnings and errors of each run are printed. Prints figures to target/http-client-benchmark.txt and
 * asserts nothing about speed. Leaves the build's RAR deployed, with the property removed.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(BenchmarkEnvironment.class)
@RunAsClient
class HttpClientBenchmarkIT {

    private static final String PROPERTY = "lambdajca.benchmark.httpClient";
    private static final String APP = "http-client-benchmark.war";
    /**
     * A resource of each jar of the four clients (Apache 4 with HttpClient 4, Apache 5 with HttpClient 5, URLConnection,
     * CRT): the variant RAR has them all (a jar the RAR has already is replaced by the same file).
     */
    private static final String[] CLIENT_JARS = {
        "software/amazon/awssdk/http/apache/ApacheHttpClient.class",
        "org/apache/http/client/HttpClient.class",
        "org/apache/http/HttpHost.class",
        "org/apache/commons/codec/binary/Base64.class",
        "software/amazon/awssdk/http/apache5/Apache5HttpClient.class",
        "org/apache/hc/client5/http/classic/HttpClient.class",
        "org/apache/hc/core5/http/HttpHost.class",
        "org/apache/hc/core5/http2/H2Error.class",
        "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
        "software/amazon/awssdk/http/crt/AwsCrtHttpClient.class",
        "software/amazon/awssdk/crtcore/CrtProxyConfiguration.class",
        "software/amazon/awssdk/crt/CRT.class"};

    @Deployment(testable = false)
    static WebArchive unrelatedApp() {
        return ShrinkWrap.create(WebArchive.class, "http-client-benchmark-it.war")
                .addAsWebResource(new StringAsset("ok"), "index.txt");
    }

    @ArquillianResource
    private ManagementClient management;

    @ArquillianResource
    private URL base;

    @Test
    void eachHttpClientThroughTheAdapter() throws Exception {
        Path target = Path.of("target", "http-client-benchmark");
        Files.createDirectories(target);
        Path rar = target.resolve("lambda-jca-adapter.rar");
        ResourceAdapterArchive variant = ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class,
                BenchmarkEnvironment.rar().toFile());
        for (String resource : CLIENT_JARS) {
            variant.addAsLibrary(jarOf(resource));
        }
        // the build's manifest comes along, with its Dependencies: jdk.net (for HttpClient 5, on WildFly)
        variant.as(ZipExporter.class).exportTo(rar.toFile(), true);
        Path app = target.resolve(APP);
        ShrinkWrap.create(WebArchive.class, APP)
                .addClasses(HttpClientBenchmark.class, HttpClientBenchmarkServlet.class, AdapterBenchmark.class,
                        AdapterBenchmark.Result.class, CpuTime.class)
                .setManifest(new StringAsset(AdapterBenchmarkIT.MANIFEST))
                .as(ZipExporter.class).exportTo(app.toFile(), true);

        StringBuilder report = new StringBuilder();
        boolean appDeployed = false;
        try {
            for (String client : System.getProperty("bench.clients", "apache5,apache4,urlconnection,crt,crt")
                    .split(",")) {
                long logFrom = BenchmarkEnvironment.serverLogSize();
                if (appDeployed) {
                    BenchmarkEnvironment.undeploy(management, APP);
                    appDeployed = false;
                }
                BenchmarkEnvironment.undeploy(management, BenchmarkEnvironment.RAR);
                BenchmarkEnvironment.systemProperty(management, PROPERTY, client);
                BenchmarkEnvironment.deploy(management, BenchmarkEnvironment.RAR, rar);
                BenchmarkEnvironment.deploy(management, APP, app);
                appDeployed = true;
                String figures = run(client);
                report.append(figures);
                report.append("client ").append(client).append(": server log warnings and errors: ")
                        .append(warningsAndErrors(BenchmarkEnvironment.serverLogFrom(logFrom))).append('\n');
                System.out.print(figures);
                Files.writeString(Path.of("target", "http-client-benchmark.txt"), report);
            }
        } finally {
            if (appDeployed) {
                BenchmarkEnvironment.undeploy(management, APP);
            }
            BenchmarkEnvironment.undeploy(management, BenchmarkEnvironment.RAR);
            BenchmarkEnvironment.systemProperty(management, PROPERTY, null);
            BenchmarkEnvironment.deploy(management, BenchmarkEnvironment.RAR, BenchmarkEnvironment.rar());
        }
        System.out.println(report);
    }

    private String run(String client) throws Exception {
        String query = "client=" + client + "&endpoint=" + enc(BenchmarkEnvironment.endpoint()) + "&accessKey="
                + enc(LocalLambda.DEFAULT_ACCESS_KEY) + "&secretKey=" + enc(LocalLambda.DEFAULT_SECRET_KEY)
                + "&callers=" + System.getProperty("bench.clients.callers", "1,16")
                + "&sizes=" + System.getProperty("bench.clients.sizes", "24,1048576")
                + "&warmup=" + Integer.getInteger("bench.clients.warmup", 3)
                + "&round=" + Integer.getInteger("bench.clients.round", 3)
                + "&rounds=" + Integer.getInteger("bench.clients.rounds", 5);
        URI uri = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort()
                + "/http-client-benchmark/clients?" + query);
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), client + ": " + r.body());
        return r.body();
    }

    private static String warningsAndErrors(String log) {
        List<String> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                lines.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
            }
        }
        return lines.size() + (lines.isEmpty() ? "" : ", the first: " + lines.subList(0, Math.min(5, lines.size())));
    }

    /** The jar on this JVM's class path that holds {@code resource}. */
    private static File jarOf(String resource) throws Exception {
        URL url = HttpClientBenchmarkIT.class.getClassLoader().getResource(resource);
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IllegalStateException(resource + " is not in a jar on the class path (" + url
                    + "): run with -Pbenchmark, whose dependencies add the HTTP clients");
        }
        String file = url.getPath();
        return new File(new URI(file.substring(0, file.indexOf("!/"))));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
