package io.lambdajca.it;

import java.nio.charset.StandardCharsets;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.LambdaConnectionSpec;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

/** An EJB that calls the echo function through each connection definition that uses a credential profile. */
@Stateless
public class ProfileCaller {

    @Resource(lookup = CredentialsEnvironment.STATIC_PROFILE_JNDI)
    private LambdaConnectionFactory staticProfile;

    @Resource(lookup = CredentialsEnvironment.ASSUME_ROLE_A_JNDI)
    private LambdaConnectionFactory assumeRoleA;

    @Resource(lookup = CredentialsEnvironment.ASSUME_ROLE_B_JNDI)
    private LambdaConnectionFactory assumeRoleB;

    @Resource(lookup = CredentialsEnvironment.ROLES_ANYWHERE_JNDI)
    private LambdaConnectionFactory rolesAnywhere;

    @Resource(lookup = CredentialsEnvironment.DEFAULT_CHAIN_JNDI)
    private LambdaConnectionFactory defaultChain;

    @Resource(lookup = CredentialsEnvironment.SIGN_ON_JNDI)
    private LambdaConnectionFactory signOn;

    @Resource(lookup = CredentialsEnvironment.FIRST_REQUEST_PROFILE_JNDI)
    private LambdaConnectionFactory firstRequestProfile;

    @Resource(lookup = LambdaEnvironment.DEFAULT_JNDI)
    private LambdaConnectionFactory plain;

    /** Invokes echo through the named connection definition and returns what it answered. */
    public String echo(String pool, String message) {
        try (LambdaConnection c = factory(pool).getConnection()) {
            return call(c, message);
        }
    }

    /** Invokes echo through the Default connection definition with the credential profile at that JNDI name. */
    public String echoAs(String profileJndi, String message) {
        try (LambdaConnection c = plain.getConnection(LambdaConnectionSpec.credentialProfile(profileJndi))) {
            return call(c, message);
        }
    }

    /** Invokes echo through the named connection definition with the credential profile at that JNDI name. */
    public String echoAs(String pool, String profileJndi, String message) {
        try (LambdaConnection c = factory(pool).getConnection(LambdaConnectionSpec.credentialProfile(profileJndi))) {
            return call(c, message);
        }
    }

    private static String call(LambdaConnection c, String message) {
        return new String(c.invoke(InvocationRequest.builder("echo").payload("{\"message\":\"" + message + "\"}")
                .build()).payload(), StandardCharsets.UTF_8);
    }

    private LambdaConnectionFactory factory(String pool) {
        switch (pool) {
            case "StaticProfile": return staticProfile;
            case "AssumeRoleA": return assumeRoleA;
            case "AssumeRoleB": return assumeRoleB;
            case "RolesAnywhere": return rolesAnywhere;
            case "DefaultChain": return defaultChain;
            case "SignOn": return signOn;
            case "FirstRequestProfile": return firstRequestProfile;
            case "Default": return plain;
            default: throw new IllegalArgumentException("no pool " + pool);
        }
    }
}
