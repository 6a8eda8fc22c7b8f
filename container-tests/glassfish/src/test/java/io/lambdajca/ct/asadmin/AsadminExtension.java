package io.lambdajca.ct.asadmin;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The GlassFish and Payara setup layer: registered through META-INF/services by each of the two modules, it prepares
 * the domain before the managed container starts it and configures the adapter once it runs.
 */
public class AsadminExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(AsadminSetup.class);
    }
}
