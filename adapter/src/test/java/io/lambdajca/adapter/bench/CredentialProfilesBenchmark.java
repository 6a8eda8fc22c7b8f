package io.lambdajca.adapter.bench;

import static io.lambdajca.adapter.TestArns.ROLES_ANYWHERE_PROFILE;
import static io.lambdajca.adapter.TestArns.TRUST_ANCHOR;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.ClientConfig;
import io.lambdajca.adapter.internal.LambdaClients;
import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.adapter.internal.credentials.CredentialProfileProperties;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import io.lambdajca.adapter.internal.credentials.DefaultChain;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.lambdajca.local.testing.Poll;
import io.lambdajca.local.testing.TestPki;
import software.amazon.awssdk.regions.Region;

/**
 * Heap and live threads for 100 credential profiles of mixed types, each with its own SDK client, against the local
 * endpoint (which refreshes credentials every 10 s): 25 STATIC, 25 ASSUME_ROLE, 25 ROLES_ANYWHERE (RSA and EC),
 * 25 DEFAULT_CHAIN (one per region). Not part of the build's tests; run with
 * {@code mvn -pl adapter test -Dtest=CredentialProfilesBenchmark}. Prints figures; targets: at most 16 MB of heap in
 * all, no thread per static profile, refreshing profiles on a bounded scheduler.
 */
class CredentialProfilesBenchmark {

    private static final int PER_TYPE = 25;

    @Test
    void hundredProfiles() throws Exception {
        System.setProperty("aws.accessKeyId", LocalLambda.DEFAULT_ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalLambda.DEFAULT_SECRET_KEY);
        TestPki pki = TestPki.newCa("Benchmark CA");
        LocalLambda.Builder endpoint = LocalLambda.builder().port(0).credentialLifetime(Duration.ofSeconds(10))
                .trustAnchor(new TrustAnchorDefinition(TRUST_ANCHOR, pki.caCertificate()));
        Set<String> roles = new java.util.HashSet<>();
        for (int i = 0; i < PER_TYPE; i++) {
            String role = "arn:aws:iam::123456789012:role/role-" + i;
            endpoint.role(RoleDefinition.of(role));
            roles.add(role);
        }
        endpoint.rolesAnywhereProfile(new RolesAnywhereProfileDefinition(ROLES_ANYWHERE_PROFILE, roles, false));
        Path dir = Files.createTempDirectory("profiles-bench");
        try (LocalLambda lambda = endpoint.build().start()) {
            URI url = lambda.endpoint();
            List<CredentialSource> sources = new java.util.ArrayList<>();
            for (int i = 0; i < PER_TYPE; i++) {
                sources.add(props("STATIC", String.format("AKIABENCHSTATIC%05d", i), null, null, null, url)
                        .toSource(n -> null));
            }
            for (int i = 0; i < PER_TYPE; i++) {
                sources.add(new CredentialProfileProperties("ASSUME_ROLE", LocalLambda.DEFAULT_ACCESS_KEY,
                        Secret.of(LocalLambda.DEFAULT_SECRET_KEY), null, "arn:aws:iam::123456789012:role/role-" + i,
                        "bench-" + i, 900, null, null, null, url.toString(), null, null, null, null, null, null,
                        null, null).toSource(n -> null));
            }
            for (int i = 0; i < PER_TYPE; i++) {
                TestPki.Issued cert = pki.issue(i % 2 == 0 ? "RSA" : "EC", "device-" + i);
                sources.add(props("ROLES_ANYWHERE", null, "arn:aws:iam::123456789012:role/role-" + i,
                        cert.writeCertificatePem(dir.resolve(i + ".pem")).toString(),
                        cert.writeKeyPem(dir.resolve(i + ".key")).toString(), url).toSource(n -> null));
            }
            List<Region> regions = Region.regions().stream().filter(r -> !r.isGlobalRegion()).limit(PER_TYPE)
                    .collect(java.util.stream.Collectors.toList());

            // warm the SDK's classes with one client of each type, so that class loading is not counted as heap
            try (LambdaClients warm = new LambdaClients()) {
                for (int t = 0; t < 3; t++) {
                    warm.client(config(Region.US_EAST_1, url, sources.get(t * PER_TYPE)));
                }
                warm.client(config(Region.US_EAST_1, url, new DefaultChain()));
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long heap0 = usedHeap(memory);
            int threads0 = adapterThreads();
            LambdaClients clients = new LambdaClients();
            for (int i = 0; i < PER_TYPE; i++) {
                clients.client(config(Region.US_EAST_1, url, sources.get(i)));
            }
            int threadsStatic = adapterThreads();
            for (int i = PER_TYPE; i < 3 * PER_TYPE; i++) {
                clients.client(config(Region.US_EAST_1, url, sources.get(i)));
            }
            for (Region region : regions) {
                clients.client(config(region, url, new DefaultChain()));
            }
            // every refreshing profile (50) fetched and then refreshed its credentials at least once
            Poll.until(Duration.ofSeconds(60), () -> lambda.issuedCredentials().size() >= 4 * PER_TYPE,
                    "every refreshing profile refreshed");
            long heap1 = usedHeap(memory);
            int threads1 = adapterThreads();
            int refresh = clients.credentials().refreshThreads();
            System.out.printf("FIGURE profiles: %d SDK clients for 100 profiles (25 STATIC, 25 ASSUME_ROLE, "
                    + "25 ROLES_ANYWHERE, 25 DEFAULT_CHAIN in 25 regions), %d credentials providers%n",
                    clients.size(), clients.credentials().size());
            System.out.printf("FIGURE profiles: heap %.1f MB in all (%.0f KB per profile; target <= 16 MB); live "
                    + "threads +%d after the 25 static profiles (target 0), +%d after all 100, of which %d refresh "
                    + "threads (bounded at 2)%n", (heap1 - heap0) / 1048576.0, (heap1 - heap0) / 1024.0 / 100,
                    threadsStatic - threads0, threads1 - threads0, refresh);
            clients.close();
            Poll.until(Duration.ofSeconds(10), () -> clients.credentials().refreshThreads() == 0,
                    "the refresh threads ended");
            System.out.printf("FIGURE profiles: after closing: live threads %+d against the start, refresh threads "
                    + "%d%n", adapterThreads() - threads0, clients.credentials().refreshThreads());
        }
    }

    private static CredentialProfileProperties props(String type, String key, String role, String cert, String pem,
            URI url) {
        return new CredentialProfileProperties(type, key, key == null ? null : Secret.of("secret-" + key), null,
                role, null, 900, null, null, null, url.toString(), TRUST_ANCHOR, ROLES_ANYWHERE_PROFILE, null, null,
                null, cert, pem, null);
    }

    private static ClientConfig config(Region region, URI endpoint, CredentialSource source) {
        return new ClientConfig(region, endpoint, source, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(35), 50);
    }

    private static long usedHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Live threads, not counting the local endpoint's own (XNIO, function runners). */
    private static int adapterThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (t.isAlive() && !name.startsWith("XNIO") && !name.startsWith("local-lambda")
                    && !name.startsWith("lambda-")) {
                n++;
            }
        }
        return n;
    }
}
