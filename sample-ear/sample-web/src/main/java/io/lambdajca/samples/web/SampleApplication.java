package io.lambdajca.samples.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at /api. */
@ApplicationPath("/api")
public class SampleApplication extends Application {
}
