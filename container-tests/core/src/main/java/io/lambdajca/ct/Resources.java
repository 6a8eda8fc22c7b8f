package io.lambdajca.ct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources the portable suite needs, described once; each server's setup layer creates them with that server's
 * own tools (asadmin, server.xml). Property names are the adapter's config-property names (Region, AccessKeyId, ...).
 * Values named by a {@link Secret} are confidential: a setup layer stores them the way that server keeps secrets.
 */
public final class Resources {

    /** A confidential value: the setup layer stores it as a password alias, an encoded value or similar. */
    public record Secret(String alias, String value) {
        @Override
        public String toString() {
            return "Secret[" + alias + "]";
        }
    }

    /**
     * A connection definition: its id (pool name), JNDI name, pool size and wait, config properties (String or
     * {@link Secret} values), and, for container-managed sign-on, the password the container signs on with (user:
     * the test world's access key id), else null.
     */
    public record ConnectionDefinition(String id, String jndiName, int maxPool, int waitMillis,
            Map<String, Object> properties, Secret signOnPassword) {

        public boolean containerSignOn() {
            return signOnPassword != null;
        }
    }

    /** A credential profile admin object: id, JNDI name and properties (Type among them). */
    public record Profile(String id, String jndiName, Map<String, Object> properties) {
    }

    /** The SmallPool definition's MaxConnections: the HTTP connections of its SDK clients. */
    public static final int SMALL_POOL_CONNECTIONS = 2;

    private final List<ConnectionDefinition> definitions = new ArrayList<>();
    private final List<Profile> profiles = new ArrayList<>();

    Resources(TestWorld world) {
        String endpoint = world.endpoint();
        Secret secret = new Secret("lambda-secret-key", TestWorld.SECRET_KEY);
        Secret wrong = new Secret("lambda-wrong-secret", "not-the-secret");
        Secret keystore = new Secret("lambda-keystore-password", world.keystorePassword());

        profiles.add(new Profile("Static", Jndi.STATIC_PROFILE_OBJECT, props("Type", "STATIC",
                "AccessKeyId", TestWorld.ACCESS_KEY, "SecretAccessKey", secret)));
        profiles.add(new Profile("WrongSecret", Jndi.WRONG_SECRET_PROFILE_OBJECT, props("Type", "STATIC",
                "AccessKeyId", TestWorld.ACCESS_KEY, "SecretAccessKey", wrong)));
        profiles.add(new Profile("Invoker", Jndi.INVOKER_PROFILE_OBJECT, props("Type", "ASSUME_ROLE",
                "RoleArn", TestWorld.INVOKER_ROLE, "RoleSessionName", "it-invoker", "DurationSeconds", "900",
                "SourceProfile", Jndi.STATIC_PROFILE_OBJECT, "EndpointOverride", endpoint)));
        profiles.add(new Profile("Partner", Jndi.PARTNER_PROFILE_OBJECT, props("Type", "ASSUME_ROLE",
                "RoleArn", TestWorld.PARTNER_ROLE, "ExternalId", TestWorld.PARTNER_EXTERNAL_ID,
                "SourceProfile", Jndi.STATIC_PROFILE_OBJECT, "EndpointOverride", endpoint)));
        profiles.add(new Profile("Device", Jndi.DEVICE_PROFILE_OBJECT, props("Type", "ROLES_ANYWHERE",
                "TrustAnchorArn", TestWorld.TRUST_ANCHOR, "ProfileArn", TestWorld.RA_PROFILE,
                "RoleArn", TestWorld.DEVICE_ROLE, "DurationSeconds", "900",
                "KeystoreFile", world.keystoreFile().toString(), "KeystorePassword", keystore,
                "EndpointOverride", endpoint)));
        profiles.add(new Profile("Chain", Jndi.CHAIN_PROFILE_OBJECT, props("Type", "DEFAULT_CHAIN")));

        definitions.add(keys("Default", Jndi.DEFAULT, 5, 5000, endpoint, secret));
        // as many HTTP connections as pooled ones: StreamingIT proves that a stream closed early frees its own
        definitions.add(new ConnectionDefinition("SmallPool", Jndi.SMALL_POOL, 2, 500, props("Region", "us-east-1",
                "EndpointOverride", endpoint, "AccessKeyId", TestWorld.ACCESS_KEY, "SecretAccessKey", secret,
                "MaxConnections", String.valueOf(SMALL_POOL_CONNECTIONS)), null));
        definitions.add(keys("BadSecret", Jndi.BAD_SECRET, 2, 5000, endpoint, wrong));
        definitions.add(profile("StaticProfile", Jndi.STATIC_PROFILE, endpoint, Jndi.STATIC_PROFILE_OBJECT));
        definitions.add(profile("AssumeRole", Jndi.ASSUME_ROLE, endpoint, Jndi.INVOKER_PROFILE_OBJECT));
        definitions.add(profile("RolesAnywhere", Jndi.ROLES_ANYWHERE, endpoint, Jndi.DEVICE_PROFILE_OBJECT));
        definitions.add(profile("DefaultChain", Jndi.DEFAULT_CHAIN, endpoint, Jndi.CHAIN_PROFILE_OBJECT));
        definitions.add(new ConnectionDefinition("SignOn", Jndi.SIGN_ON, 3, 5000,
                props("Region", "us-east-1", "EndpointOverride", endpoint), secret));
        // the container signs on with the wrong secret: were sign-on ignored, the default chain would succeed
        definitions.add(new ConnectionDefinition("SignOnWrong", Jndi.SIGN_ON_WRONG, 2, 5000,
                props("Region", "us-east-1", "EndpointOverride", endpoint),
                new Secret("lambda-sign-on-wrong", "not-the-sign-on-secret")));
    }

    /** Every connection definition, in the order they should be created. */
    public List<ConnectionDefinition> connectionDefinitions() {
        return List.copyOf(definitions);
    }

    /** Every credential profile; a profile's SourceProfile comes before it. */
    public List<Profile> profiles() {
        return List.copyOf(profiles);
    }

    /**
     * The value of every {@link Secret} the resources hold (secret keys, the keystore password, the container's sign-on
     * passwords, wrong ones included): none may show in the server's log.
     */
    public List<String> secretValues() {
        List<Object> values = new ArrayList<>();
        profiles.forEach(p -> values.addAll(p.properties().values()));
        definitions.forEach(d -> {
            values.addAll(d.properties().values());
            values.add(d.signOnPassword());
        });
        return values.stream().filter(Secret.class::isInstance).map(v -> ((Secret) v).value()).distinct().toList();
    }

    /** Every JNDI name of a connection factory, for pool checks. */
    public List<String> connectionFactoryNames() {
        return definitions.stream().map(ConnectionDefinition::jndiName).toList();
    }

    private static ConnectionDefinition keys(String id, String jndi, int maxPool, int wait, String endpoint,
            Secret secret) {
        return new ConnectionDefinition(id, jndi, maxPool, wait, props("Region", "us-east-1", "EndpointOverride",
                endpoint, "AccessKeyId", TestWorld.ACCESS_KEY, "SecretAccessKey", secret), null);
    }

    private static ConnectionDefinition profile(String id, String jndi, String endpoint, String profile) {
        return new ConnectionDefinition(id, jndi, 3, 5000, props("Region", "us-east-1", "EndpointOverride", endpoint,
                "CredentialProfile", profile), null);
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
