package io.lambdajca.ct;

/**
 * The JNDI names of the resources every server's setup layer binds (see {@link Resources}). Plain names without a
 * {@code java:} prefix: the form Open Liberty, GlassFish and Payara all accept for server-configured resources.
 */
public final class Jndi {

    /** Static keys, pool of 5: most tests. Also the name the CDI module finds by default. */
    public static final String DEFAULT = "lambda/Default";
    /** Pool of 2 with a 500 ms wait: for exhaustion. */
    public static final String SMALL_POOL = "lambda/SmallPool";
    /** The right key id with the wrong secret. */
    public static final String BAD_SECRET = "lambda/BadSecret";
    /** CredentialProfile = the STATIC profile. */
    public static final String STATIC_PROFILE = "lambda/StaticProfile";
    /** CredentialProfile = the ASSUME_ROLE profile (whose source is the STATIC profile). */
    public static final String ASSUME_ROLE = "lambda/AssumeRole";
    /** CredentialProfile = the ROLES_ANYWHERE profile (PKCS12 keystore). */
    public static final String ROLES_ANYWHERE = "lambda/RolesAnywhere";
    /** CredentialProfile = the DEFAULT_CHAIN profile (the server's aws.accessKeyId / aws.secretAccessKey). */
    public static final String DEFAULT_CHAIN = "lambda/DefaultChain";
    /** No keys: container-managed sign-on with the server's own mechanism supplies them. */
    public static final String SIGN_ON = "lambda/SignOn";
    /** Container-managed sign-on with the wrong secret. */
    public static final String SIGN_ON_WRONG = "lambda/SignOnWrong";

    public static final String STATIC_PROFILE_OBJECT = "lambda/profiles/Static";
    public static final String INVOKER_PROFILE_OBJECT = "lambda/profiles/Invoker";
    public static final String DEVICE_PROFILE_OBJECT = "lambda/profiles/Device";
    public static final String CHAIN_PROFILE_OBJECT = "lambda/profiles/Chain";
    /** ASSUME_ROLE of a role with an external id; chosen per call. */
    public static final String PARTNER_PROFILE_OBJECT = "lambda/profiles/Partner";
    /** STATIC with the wrong secret; chosen per call. */
    public static final String WRONG_SECRET_PROFILE_OBJECT = "lambda/profiles/WrongSecret";

    /** Every connection factory the test world binds. */
    public static final java.util.List<String> CONNECTION_FACTORIES = java.util.List.of(DEFAULT, SMALL_POOL,
            BAD_SECRET, STATIC_PROFILE, ASSUME_ROLE, ROLES_ANYWHERE, DEFAULT_CHAIN, SIGN_ON, SIGN_ON_WRONG);

    private Jndi() {
    }
}
