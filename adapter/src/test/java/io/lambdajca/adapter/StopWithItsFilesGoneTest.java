package io.lambdajca.adapter;

import static io.lambdajca.adapter.TestArns.ROLE;
import static io.lambdajca.adapter.TestArns.ROLES_ANYWHERE_PROFILE;
import static io.lambdajca.adapter.TestArns.TRUST_ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import javax.naming.Context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.adapter.testing.CapturedLog;
import io.lambdajca.adapter.testing.SystemProperties;
import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.lambdajca.local.testing.Poll;
import io.lambdajca.local.testing.TestPki;
import io.lambdajca.testfunctions.Handlers;

/**
 * Stopping the adapter needs no class it has not loaded before. Open Liberty may delete an undeployed RAR's extracted
 * files while the adapter's {@code stop()} still runs, so a class first needed there (by the adapter, by the SDK's
 * clients as they close, by Netty's threads as they end) cannot be read: an error in the server's log, and a thread
 * that ends seconds late. Here the adapter and its libraries are loaded as a server loads a RAR, by a class loader of
 * their own that shares only the JDK and the Jakarta APIs with the test; that loader is closed, so that it reads no
 * class file any more, and then the adapter is stopped with a stream open, an AssumeRole, a Roles Anywhere and a
 * chained AssumeRole profile refreshing and a default-chain profile in use (see {@link IsolatedAdapter}). The classes
 * that stopping needs vary with timing (the end of a stream may still be under way; the open stream may be aborted
 * before or after the SDK has noticed its connection closing): the names in {@code ClosingClasses} were recorded over
 * 80 runs, half of them with the CPUs busy. A credentials refresh under way at the stop needed a failure's classes in 5
 * of 30 runs, until the stop let it end (see {@code CredentialProviders#close}). The files go only once each refreshing
 * profile has refreshed in the background: before that, a first refresh could be loading its classes as they go, which
 * is not stopping.
 */
class StopWithItsFilesGoneTest {

    @Test
    void stoppingTheAdapter_afterItsFilesAreGone_needsNoNewClass_logsNoProblem_andEndsItsThreads(@TempDir Path dir)
            throws Exception {
        Path marker = dir.resolve("go");
        Path zip = Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
        Problems problems = new Problems();
        Thread.UncaughtExceptionHandler uncaught = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> problems.uncaught.add(t.getName() + ": " + e));
        TestPki pki = TestPki.newCa("Test Roles Anywhere CA");
        TestPki.Issued client = pki.issue("EC", "client");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        SystemProperties properties = new SystemProperties();
        try (LocalLambda lambda = LocalLambda.builder().port(0)
                .role(RoleDefinition.of(ROLE))
                .trustAnchor(new TrustAnchorDefinition(TRUST_ANCHOR, pki.caCertificate()))
                .rolesAnywhereProfile(new RolesAnywhereProfileDefinition(ROLES_ANYWHERE_PROFILE, Set.of(ROLE),
                        false))
                // credentials that last 1 s, refreshed every 0.5 s: a refresh may be under way when the adapter stops;
                // with 0.4 s, a machine under load sent the chained role's STS call after the source credentials it
                // signed with had expired (used with 40 ms left, a tenth of their life), and the test saw the warning
                .credentialLifetime(Duration.ofSeconds(1))
                .function(FunctionDefinition.builder("echo", Handlers.ECHO, zip).build())
                .function(FunctionDefinition.builder("lines", Handlers.STREAM_LINES, zip).build())
                .function(FunctionDefinition.builder("gated", Handlers.STREAM_GATED, zip).timeoutSeconds(60).build())
                .build().start()) {
            RarLoader rar = new RarLoader();
            AutoCloseable adapter;
            try (rar) {
                // the profiles are looked up in JNDI, which finds MapNaming with the thread's context class loader
                properties.set(Context.INITIAL_CONTEXT_FACTORY, MapNaming.class.getName());
                // the default chain's first source
                properties.set("aws.accessKeyId", LocalLambda.DEFAULT_ACCESS_KEY)
                        .set("aws.secretAccessKey", LocalLambda.DEFAULT_SECRET_KEY);
                Thread.currentThread().setContextClassLoader(rar);
                adapter = (AutoCloseable) rar.loadClass(IsolatedAdapter.class.getName()).getConstructor(Map.class)
                        .newInstance(Map.of("endpoint", lambda.endpoint().toString(), "region", lambda.region(),
                                "accessKeyId", LocalLambda.DEFAULT_ACCESS_KEY,
                                "secretAccessKey", LocalLambda.DEFAULT_SECRET_KEY, "marker", marker.toString(),
                                "roleArn", ROLE, "trustAnchorArn", TRUST_ANCHOR,
                                "profileArn", ROLES_ANYWHERE_PROFILE,
                                "certificateFile", client.writeCertificatePem(dir.resolve("client.pem")).toString(),
                                "privateKeyFile", client.writeKeyPem(dir.resolve("client.key")).toString()));
                ((Runnable) adapter).run();
                problems.awaitRefreshed(3); // each refreshing profile: its first fetch, and one in the background
                assertThat(adapterThreads()).as("the adapter's threads, before it stops").isNotEmpty();
                rar.gone = true;
            }
            Throwable stopFailure = null;
            try {
                adapter.close();
            } catch (Throwable t) {
                stopFailure = t;
            }
            Files.createFile(marker); // the open stream's function ends
            assertThat(rar.wanted).as("classes that stopping needed for the first time (stop() threw %s)",
                    stopFailure).isEmpty();
            assertThat(stopFailure).as("what stop() threw").isNull();
            assertThat(problems.seen()).as("errors and warnings while stopping").isEmpty();
            assertThat(adapterThreads()).as("the adapter's threads when stop() returned").isEmpty();
        } finally {
            properties.close();
            Thread.currentThread().setContextClassLoader(context);
            problems.close();
            Thread.setDefaultUncaughtExceptionHandler(uncaught);
        }
    }

    private static List<String> adapterThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("lambdajca-")).toList();
    }

    /** Every warning or error logged, and every exception that ended a thread; and the credentials fetched. */
    private static final class Problems implements AutoCloseable {
        /** Every logger's records, as the root logger's handlers get them. */
        private final CapturedLog all = CapturedLog.of("");
        /** The adapter's, at FINE: credentials fetched, LAMBDAJCA1101. */
        private final CapturedLog adapter = CapturedLog.of("io.lambdajca.adapter", Level.FINE);
        final Set<String> uncaught = ConcurrentHashMap.newKeySet();

        /** The warnings and errors logged so far, then the exceptions that ended a thread. */
        Set<String> seen() {
            Set<String> seen = new LinkedHashSet<>();
            for (LogRecord r : all.records()) {
                // the adapter's, its libraries' and the JDK's; not the test's local endpoint
                if (r.getLevel().intValue() >= Level.WARNING.intValue() && (r.getLoggerName() == null
                        || !r.getLoggerName().startsWith("io.lambdajca.local"))) {
                    seen.add(r.getLoggerName() + ": " + r.getMessage()
                            + (r.getThrown() == null ? "" : " " + r.getThrown()));
                }
            }
            seen.addAll(uncaught);
            return seen;
        }

        /** Waits until each of {@code profiles} refreshing profiles has fetched credentials at least twice. */
        void awaitRefreshed(int profiles) {
            Poll.value(Duration.ofSeconds(10), this::fetchesByProfile,
                    fetches -> fetches.size() == profiles && fetches.values().stream().allMatch(n -> n >= 2),
                    "fetched twice by each of " + profiles + " profiles (credentials fetched, by profile)");
        }

        /** "LAMBDAJCA1101: Fetched temporary credentials for {profile}, valid until {time}", counted by profile. */
        private Map<String, Long> fetchesByProfile() {
            return adapter.messagesStartingWith("LAMBDAJCA1101").stream()
                    .map(m -> m.substring(m.indexOf(" for ") + 5, m.lastIndexOf(", valid until")))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }

        @Override
        public void close() {
            adapter.close();
            all.close();
        }
    }

    /**
     * The test's class path in a loader of its own, as a RAR's classes and libraries are: it shares only the JDK and
     * the Jakarta APIs (the server's) with the test, and finds every other class in its own files or not at all. Once
     * {@link #gone}, it records every class it is asked to find; once closed, it finds none.
     */
    private static final class RarLoader extends URLClassLoader {
        final Set<String> wanted = ConcurrentHashMap.newKeySet();
        volatile boolean gone;

        RarLoader() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            // Surefire runs the tests with its own jar on java.class.path, and the test's class path in this property
            String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : path.split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jakarta.")) {
                return StopWithItsFilesGoneTest.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (gone) {
                wanted.add(name);
            }
            return super.findClass(name);
        }
    }
}
