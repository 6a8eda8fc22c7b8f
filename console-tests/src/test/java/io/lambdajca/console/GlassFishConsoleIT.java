package io.lambdajca.console;

import java.nio.file.Path;

/**
 * The Admin Console walkthrough ({@link AdminConsoleWalkthrough}) on a fresh GlassFish 8 domain on port base 12000,
 * the server and asadmin on the JDK of -Dglassfish.java.home (GlassFish 8 needs 21+). Screenshots in
 * target/screenshots/glassfish.
 */
class GlassFishConsoleIT extends AdminConsoleWalkthrough {

    GlassFishConsoleIT() {
        super("glassfish", new AsadminServer(Path.of(System.getProperty("glassfish.home")),
                Path.of(System.getProperty("glassfish.java.home")), 12000));
    }
}
