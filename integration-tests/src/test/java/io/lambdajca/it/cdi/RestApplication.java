package io.lambdajca.it.cdi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS activation. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
