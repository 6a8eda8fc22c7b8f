package io.lambdajca.api;

import java.io.Serializable;

import jakarta.resource.Referenceable;

/**
 * The connection factory an application looks up in JNDI ({@code @Resource(lookup = "java:/lambda/Default")}) or
 * injects. Connections are pooled by the container; close every connection you get, ideally with
 * try-with-resources.
 */
public interface LambdaConnectionFactory extends Serializable, Referenceable {

    /**
     * Gets a pooled connection.
     *
     * @return a connection handle, valid until closed
     * @throws ConnectionUnavailableException when the pool has no connection to give within its blocking timeout
     */
    LambdaConnection getConnection();

    /**
     * Gets a pooled connection that calls Lambda with the credentials of the credential profile the spec names,
     * instead of the connection definition's own.
     *
     * @param spec names the credential profile
     * @return a connection handle, valid until closed
     * @throws InvalidRequestException when the spec is null or names no credential profile
     * @throws ConnectionUnavailableException when the pool has no connection to give within its blocking timeout
     */
    LambdaConnection getConnection(LambdaConnectionSpec spec);
}
