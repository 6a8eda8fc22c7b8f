package io.lambdajca.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Map;

/**
 * Loads one function's code: its task root (classes at the root of the ZIP) and the jars under {@code lib/}. Only the
 * JDK and the Lambda runtime interfaces ({@code com.amazonaws.services.lambda.runtime}) come from outside, so the
 * function sees the endpoint's {@code Context} types and nothing else of the endpoint. Classes are rewritten so that
 * {@code System.getenv} returns the function's environment.
 */
final class FunctionClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, String> environment;

    FunctionClassLoader(String functionName, URL[] urls, Map<String, String> environment) {
        super("function:" + functionName, urls, new RuntimeInterfacesLoader());
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL url = findResource(path);
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = EnvironmentRewriter.rewrite(in.readAllBytes());
            definePackageFor(name);
            CodeSource source = new CodeSource(url, (Certificate[]) null);
            return defineClass(name, bytes, 0, bytes.length, new ProtectionDomain(source, null, this, null));
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private void definePackageFor(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String pkg = className.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefinedConcurrently) {
                    // another thread defined it first
                }
            }
        }
    }

    /** Parent of every function loader: the platform loader plus the Lambda runtime interfaces. */
    private static final class RuntimeInterfacesLoader extends ClassLoader {

        private static final ClassLoader ENDPOINT = FunctionClassLoader.class.getClassLoader();

        static {
            registerAsParallelCapable();
        }

        RuntimeInterfacesLoader() {
            super("lambda-runtime-interfaces", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("com.amazonaws.services.lambda.runtime.")
                    || name.equals(FunctionEnvironment.class.getName())) {
                return ENDPOINT.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            return name.startsWith("com/amazonaws/services/lambda/runtime/") ? ENDPOINT.getResource(name) : null;
        }
    }
}
