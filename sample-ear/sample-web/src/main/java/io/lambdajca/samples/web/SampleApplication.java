package io.lambdajca.samples.web;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at /api. */
@ApplicationPath("/api")
public class SampleApplication extends Application {

    /**
     * Jersey (GlassFish, Payara) holds a response's first 8 KB back to compute its Content-Length, whatever the
     * StreamingOutput flushes: the streamed report's lines would then arrive all at once at the end. 0 turns that off,
     * so the API's responses go out as they are written (chunked). The other implementations ignore the property.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.contentLength.buffer", 0);
    }
}
