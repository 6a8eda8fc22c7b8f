package io.lambdajca.console;

/** The end of a console test: the browser, the server and the endpoint, each closed even when one before failed. */
final class Teardown {

    private Teardown() {
    }

    /**
     * Closes the parts that were made (null ones are skipped), in order; a failure is thrown once all were tried, the
     * later ones suppressed in it, so that a browser that fails to close does not leave a server running on its ports.
     */
    static void closeInOrder(AutoCloseable... parts) throws Exception {
        Exception first = null;
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
