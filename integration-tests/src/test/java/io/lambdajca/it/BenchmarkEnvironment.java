package io.lambdajca.it;

import org.jboss.as.arquillian.container.ManagementClient;

/** The test environment, exposing the endpoint's URL to the benchmark. */
public class BenchmarkEnvironment extends LambdaEnvironment {

    public static String endpoint() {
        return lambda().endpoint().toString();
    }

    @Override
    public void setup(ManagementClient management, String containerId) throws Exception {
        super.setup(management, containerId);
    }
}
