package io.lambdajca.console;

import java.nio.file.Path;

/**
 * The Admin Console walkthrough ({@link AdminConsoleWalkthrough}) on a fresh Payara Server 6 domain on port base 13000,
 * the server and asadmin on the test's own JDK (Payara 6 runs on 17). Screenshots in target/screenshots/payara.
 */
class PayaraConsoleIT extends AdminConsoleWalkthrough {

    PayaraConsoleIT() {
        super("payara", new AsadminServer(Path.of(System.getProperty("payara.home")),
                Path.of(System.getProperty("java.home")), 13000));
    }
}
