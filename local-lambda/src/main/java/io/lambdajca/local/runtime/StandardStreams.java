package io.lambdajca.local.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Routes {@code System.out} and {@code System.err} written by a function's thread into that invocation's log, as
 * Lambda captures a function's standard streams; everything else goes to the real streams. Installed once per JVM.
 */
final class StandardStreams {

    private static final ThreadLocal<InvocationLog> CURRENT = new ThreadLocal<>();
    private static boolean installed;

    private StandardStreams() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        System.setOut(new PrintStream(new Router(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Router(System.err), true, StandardCharsets.UTF_8));
        installed = true;
    }

    static void capture(InvocationLog log) {
        CURRENT.set(log);
    }

    static void release() {
        CURRENT.remove();
    }

    private static final class Router extends OutputStream {
        private final PrintStream original;

        Router(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            InvocationLog log = CURRENT.get();
            if (log != null) {
                log.log(new String(b, off, len, StandardCharsets.UTF_8));
            } else {
                original.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            if (CURRENT.get() == null) {
                original.flush();
            }
        }
    }
}
