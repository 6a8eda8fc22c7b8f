package io.lambdajca.adapter.internal;

import java.util.Locale;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The synchronous HTTP client of the adapter's SDK {@code LambdaClient}s, passed to the SDK explicitly (its service
 * lookup of HTTP clients does not work across an application server's class loaders). The RAR ships one: Apache 4.
 * Lambda asks for no client certificate, so the client presents none (it would otherwise read the server's own
 * {@code javax.net.ssl.keyStore}, which GlassFish sets without a password, and warn for every client built).
 *
 * <p><b>Benchmark only</b>: the system property {@value #BENCHMARK_PROPERTY} ({@code apache4}, {@code apache5},
 * {@code urlconnection} or {@code crt}), read each time a client is built, selects another client, for the
 * integration tests' {@code HttpClientBenchmarkIT}, which deploys a RAR with the other clients' jars added. The
 * production RAR does not contain them: it is not a setting for users.
 */
final class SyncHttpClients {

    /** Benchmark only: the system property that selects another HTTP client (see the class comment). */
    static final String BENCHMARK_PROPERTY = "lambdajca.benchmark.httpClient";

    private SyncHttpClients() {
    }

    static SdkHttpClient.Builder<?> builder(ClientConfig config) {
        String choice = System.getProperty(BENCHMARK_PROPERTY, "apache4").trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "apache4" -> apache4(config);
            case "apache5" -> OtherClients.apache5(config);
            case "urlconnection" -> OtherClients.urlConnection(config);
            case "crt" -> OtherClients.crt(config);
            default -> throw new IllegalArgumentException("System property " + BENCHMARK_PROPERTY + " is '" + choice
                    + "': it must be one of apache4, apache5, urlconnection, crt (benchmark only)");
        };
    }

    @SuppressWarnings("deprecation") // the SDK deprecated its Apache 4 client (2.57.8 has it deprecated, 2.51.3 did not)
    private static SdkHttpClient.Builder<?> apache4(ClientConfig config) {
        return ApacheHttpClient.builder()
                .connectionTimeout(config.connectTimeout())
                .socketTimeout(config.readTimeout())
                .maxConnections(config.maxConnections())
                .connectionAcquisitionTimeout(config.connectTimeout())
                .tlsKeyManagersProvider(() -> null); // no client certificate
    }

    /**
     * Benchmark only: the clients the production RAR does not contain. A class of its own, so that their classes are
     * loaded only when one of them is chosen.
     */
    private static final class OtherClients {

        static SdkHttpClient.Builder<?> apache5(ClientConfig config) {
            return Apache5HttpClient.builder()
                    .connectionTimeout(config.connectTimeout())
                    .socketTimeout(config.readTimeout())
                    .maxConnections(config.maxConnections())
                    .connectionAcquisitionTimeout(config.connectTimeout())
                    .tlsKeyManagersProvider(() -> null);
        }

        /** The JDK's connections: no pool size of its own (the JVM-wide http.maxConnections keeps 5 alive). */
        static SdkHttpClient.Builder<?> urlConnection(ClientConfig config) {
            return UrlConnectionHttpClient.builder()
                    .connectionTimeout(config.connectTimeout())
                    .socketTimeout(config.readTimeout())
                    .tlsKeyManagersProvider(() -> null);
        }

        /** The CRT's own TLS presents no client certificate; it has no read timeout (the call timeout applies). */
        static SdkHttpClient.Builder<?> crt(ClientConfig config) {
            return AwsCrtHttpClient.builder()
                    .connectionTimeout(config.connectTimeout())
                    .maxConcurrency(config.maxConnections())
                    .connectionAcquisitionTimeout(config.connectTimeout());
        }
    }
}
