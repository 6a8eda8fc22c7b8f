package io.lambdajca.adapter.internal;

import java.util.Locale;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The synchronous HTTP client of the adapter's SDK {@code LambdaClient}s, passed to the SDK explicitly (its service
 * lookup of HTTP clients does not work across an application server's class loaders). The RAR ships one: Apache 5
 * (HttpClient 5), the SDK's default since 2.46, as the SDK deprecated its Apache 4 client; measured in WildFly, its
 * median was the highest of the four synchronous clients at 24 B and 1 MB, with 1 and 16 callers, within the rounds'
 * spread of Apache 4 and CRT (README, "Figures"). Lambda asks for no client certificate, so the client presents none
 * (it would otherwise read the server's own {@code javax.net.ssl.keyStore}, which GlassFish sets without a password,
 * and warn for every client built). On WildFly the RAR's manifest ({@code Dependencies: jdk.net}) gives it the JDK's
 * {@code jdk.net} module, through which HttpClient 5 sets its TCP options.
 *
 * <p><b>Benchmark only</b>: the system property {@value #BENCHMARK_PROPERTY} ({@code apache5}, {@code apache4},
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
        String choice = System.getProperty(BENCHMARK_PROPERTY, "apache5").trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "apache5" -> apache5(config);
            case "apache4" -> OtherClients.apache4(config);
            case "urlconnection" -> OtherClients.urlConnection(config);
            case "crt" -> OtherClients.crt(config);
            default -> throw new IllegalArgumentException("System property " + BENCHMARK_PROPERTY + " is '" + choice
                    + "': it must be one of apache5, apache4, urlconnection, crt (benchmark only)");
        };
    }

    private static SdkHttpClient.Builder<?> apache5(ClientConfig config) {
        return Apache5HttpClient.builder()
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

        @SuppressWarnings("deprecation") // the SDK deprecated its Apache 4 client (2.57.8 has it deprecated)
        static SdkHttpClient.Builder<?> apache4(ClientConfig config) {
            return ApacheHttpClient.builder()
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
