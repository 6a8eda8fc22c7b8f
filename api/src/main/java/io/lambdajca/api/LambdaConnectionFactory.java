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
}
