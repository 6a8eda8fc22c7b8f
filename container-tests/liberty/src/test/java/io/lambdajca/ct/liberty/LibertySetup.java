package io.lambdajca.ct.liberty;

import static io.lambdajca.ct.TestEnvironment.deleteTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

import io.lambdajca.ct.TestWorld;

/**
 * The setup layer of the Liberty suite: before Arquillian starts the server, it starts the test world and writes
 * the server's configuration from it, as an administrator would before starting the server: the adapter and its
 * resources in the include file that server.xml names (see {@link ResourcesConfig}), the AES key of its {aes}
 * values in bootstrap.properties, the secrets Liberty cannot decode in files of variables/, and server.env with the
 * environment variables that the DEFAULT_CHAIN credential profile reads. It also clears the logs, so that messages.log
 * holds this run only.
 */
public final class LibertySetup implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Configurer.class);
    }

    /** Observes the container's BeforeStart; Arquillian creates it, so it must be public with a public constructor. */
    public static final class Configurer {

        public void configure(@Observes BeforeStart event) throws IOException, InterruptedException {
            TestWorld world = TestWorld.get();
            deleteTree(LibertyServer.logsDir());
            deleteTree(LibertyServer.variablesDir());
            SecurityUtility securityUtility = new SecurityUtility(LibertyServer.bootstrapProperties());
            String xml = new ResourcesConfig(LibertyServer.ADAPTER_ID, securityUtility,
                    LibertyServer.variablesDir())
                    .withAdapter(TestWorld.rar(), world.resources());
            ResourcesConfig.write(LibertyServer.resourcesFile(), xml);
            // the SDK's default chain reads the server's environment: server.env, not jvm.options, whose values
            // would show on the server's command line
            Files.writeString(LibertyServer.serverEnv(), "AWS_ACCESS_KEY_ID=" + TestWorld.ACCESS_KEY + "\n"
                    + "AWS_SECRET_ACCESS_KEY=" + TestWorld.SECRET_KEY + "\n", StandardCharsets.UTF_8);
        }
    }
}
