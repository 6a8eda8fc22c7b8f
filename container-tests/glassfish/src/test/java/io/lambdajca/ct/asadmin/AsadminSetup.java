package io.lambdajca.ct.asadmin;

import static io.lambdajca.ct.TestEnvironment.deleteTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;

import io.lambdajca.ct.Resources;
import io.lambdajca.ct.Resources.ConnectionDefinition;
import io.lambdajca.ct.Resources.Profile;
import io.lambdajca.ct.Resources.Secret;
import io.lambdajca.ct.TestWorld;

/**
 * Before the managed container starts the server: a fresh domain1 on this module's port base, listening on 127.0.0.1
 * only. After: the test world, and the server configured as an administrator does it, with
 * configure-lambda-asadmin.sh: the system properties DEFAULT_CHAIN reads, the RAR deployed standalone, every credential
 * profile and connection definition (secrets as password aliases), and connector pool monitoring at HIGH.
 */
public class AsadminSetup {

    private static final Logger LOG = Logger.getLogger(AsadminSetup.class.getName());

    /** Where a secret comes from for the script: the environment variable it reads for that property. */
    private static final Map<String, String> SECRET_VARIABLES = Map.of("SecretAccessKey", "LAMBDA_SECRET_ACCESS_KEY",
            "SessionToken", "LAMBDA_SESSION_TOKEN", "KeystorePassword", "LAMBDA_KEYSTORE_PASSWORD");

    /** The secret key as a password alias: static definitions, container sign-on and the server's aws.* too. */
    private static final Secret SECRET_KEY = new Secret("lambda-secret-key", TestWorld.SECRET_KEY);

    private static volatile long logMark = -1;

    /** Password aliases already stored: later uses only name them, as an administrator would. */
    private final Set<String> storedAliases = new HashSet<>();

    /** The connector connection pool of a connection definition. */
    static String poolName(ConnectionDefinition definition) {
        return "lambda-" + definition.id();
    }

    /** The size of server.log when the setup began configuring the server; -1 before. */
    static long logMark() {
        return logMark;
    }

    public void prepareDomain(@Observes BeforeStart event) throws IOException {
        Asadmin asadmin = Asadmin.get();
        checkJava(asadmin);
        Path domain = asadmin.domainDir();
        // Creating a domain generates its keys (10-30 s here): once per target/, then a copy of that pristine domain
        Path pristine = asadmin.home().resolveSibling("domain1-pristine-" + asadmin.portBase());
        deleteTree(domain);
        if (!Files.isDirectory(pristine)) {
            LOG.info("Creating domain1 with port base " + asadmin.portBase());
            asadmin.local("--user", "admin", "create-domain", "--nopassword=true", "--checkports=true",
                    "--portbase", String.valueOf(asadmin.portBase()), "domain1");
            bindToLoopback(domain.resolve("config/domain.xml"), asadmin.portBase());
            copyTree(domain, pristine);
        } else {
            copyTree(pristine, domain);
        }
    }

    public void configure(@Observes AfterStart event) throws IOException {
        Asadmin asadmin = Asadmin.get();
        Resources resources = TestWorld.get().resources();
        if (!asadmin.isUp()) {
            // The GlassFish container starts the server only at its first deployment: start it as it would
            asadmin.local("start-domain", "domain1");
        }
        try {
            asadmin.awaitAdminRest(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + asadmin.serverName(), e);
        }
        logMark = size(asadmin.serverLog());
        long start = System.nanoTime();
        // The script appends every subcommand to one file, run in one asadmin (each asadmin is a JVM start); it
        // stores the password aliases at once
        Path batch = Files.createTempFile(asadmin.home().getParent(), "configure-lambda", ".asadmin");
        try {
            // the adapter's loggers at their finest: the search for secrets in the log reads all they can write
            Files.writeString(batch, "set configs.config.server-config.monitoring-service.module-monitoring-levels"
                    + ".connector-connection-pool=HIGH\nset-log-levels io.lambdajca=FINEST\n");
            // DEFAULT_CHAIN profiles: the SDK's system properties in the server JVM, the secret through the alias
            Script system = new Script("--system-credentials", "--access-key-id", TestWorld.ACCESS_KEY);
            system.secret("SecretAccessKey", SECRET_KEY);
            system.run(asadmin, batch);
            new Script("--deploy", TestWorld.rar().toString()).run(asadmin, batch);
            for (Profile profile : resources.profiles()) {
                Script script = new Script("--profile", profile.id(), "--jndi", profile.jndiName());
                profile.properties().forEach((name, value) -> {
                    if (name.equals("Type")) {
                        script.add("--type", (String) value);
                    } else {
                        script.property(name, value);
                    }
                });
                script.run(asadmin, batch);
            }
            for (ConnectionDefinition definition : resources.connectionDefinitions()) {
                Script script = new Script("--pool-name", poolName(definition), "--jndi", definition.jndiName(),
                        "--max-pool", String.valueOf(definition.maxPool()), "--max-wait",
                        String.valueOf(definition.waitMillis()));
                definition.properties().forEach(script::property);
                if (definition.containerSignOn()) {
                    script.add("--sign-on-user", TestWorld.ACCESS_KEY);
                    script.secret("Password", definition.signOnPassword(), "LAMBDA_SIGN_ON_PASSWORD");
                }
                script.run(asadmin, batch);
            }
            asadmin.multimode(batch);
        } finally {
            Files.deleteIfExists(batch);
        }
        LOG.info(String.format("Configured %s in %.1f s", asadmin.serverName(), (System.nanoTime() - start) / 1e9));
    }

    /** One run of configure-lambda-asadmin.sh: its options, and its secrets in its environment. */
    private final class Script {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> environment = new HashMap<>();

        Script(String... args) {
            this.args.addAll(List.of(args));
        }

        void add(String option, String value) {
            args.add(option);
            args.add(value);
        }

        void property(String name, Object value) {
            if (value instanceof Secret secret) {
                String variable = SECRET_VARIABLES.get(name);
                if (variable == null) {
                    throw new IllegalArgumentException("no environment variable of the script for secret " + name);
                }
                secret(name, secret, variable);
            } else {
                add("--property", name + "=" + value);
            }
        }

        void secret(String name, Secret secret) {
            secret(name, secret, SECRET_VARIABLES.get(name));
        }

        /** The alias is given the value the first time, and named only afterwards. */
        void secret(String name, Secret secret, String variable) {
            add("--alias", name + "=" + secret.alias());
            if (storedAliases.add(secret.alias())) {
                environment.put(variable, secret.value());
            }
        }

        void run(Asadmin asadmin, Path batch) {
            args.add("--append-to");
            args.add(batch.toString());
            asadmin.script(args, environment);
        }
    }

    /** The server's JVM (AS_JAVA, else this JVM) must be recent enough: GlassFish 8 needs 21. */
    private static void checkJava(Asadmin asadmin) throws IOException {
        String asJava = System.getenv("AS_JAVA");
        Path javaHome = Path.of(asJava != null && !asJava.isBlank() ? asJava : System.getProperty("java.home"));
        Path release = javaHome.resolve("release");
        int feature = 0;
        if (Files.isRegularFile(release)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(release)) {
                p.load(in);
            }
            Matcher m = Pattern.compile("\"?(\\d+).*").matcher(p.getProperty("JAVA_VERSION", ""));
            feature = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        }
        if (feature < asadmin.minimumJava()) {
            throw new IllegalStateException(asadmin.serverName() + " needs Java " + asadmin.minimumJava()
                    + "+, but its JDK (AS_JAVA, else the test JVM) " + javaHome + " is "
                    + (feature == 0 ? "not a JDK" : "Java " + feature) + ": set -Dglassfish.java.home=<a JDK "
                    + asadmin.minimumJava() + "+>");
        }
    }

    /**
     * Every listener of the server on 127.0.0.1 (the domain template binds 0.0.0.0); the JMS service (not in the
     * domain.xml create-domain writes; the server adds it at the first start, EMBEDDED, its proxy listener on 0.0.0.0 and
     * with GlassFish's template on 17676 whatever the port base) disabled, and its port on the port base anyway;
     * Payara's data grid off.
     */
    private static void bindToLoopback(Path domainXml, int portBase) throws IOException {
        String xml = Files.readString(domainXml);
        xml = xml.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=")
                .replaceFirst("(<system-property name=\"JMS_PROVIDER_PORT\"[^>]*value=\")\\d+\"",
                        "$1" + (portBase + 76) + "\"")
                .replaceFirst("(<config name=\"server-config\"[^>]*>)", "$1<jms-service type=\"DISABLED\" "
                        + "default-jms-host=\"default_JMS_host\"><jms-host name=\"default_JMS_host\" host=\"localhost\" "
                        + "port=\"\\${JMS_PROVIDER_PORT}\" lazy-init=\"true\"/></jms-service>")
                .replace("<hazelcast-config-specific-configuration>",
                        "<hazelcast-config-specific-configuration enabled=\"false\">");
        Files.writeString(domainXml, xml);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
