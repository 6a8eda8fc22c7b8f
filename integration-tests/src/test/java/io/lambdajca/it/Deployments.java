package io.lambdajca.it;

import io.lambdajca.ct.Failures;
import io.lambdajca.ct.PurchaseOrder;
import io.lambdajca.ct.Quote;

import static io.lambdajca.ct.Deployments.APPLICATION_EXCEPTIONS;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Test deployments as applications package them next to a standalone RAR. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * A WAR that uses the standalone adapter: the API classes come from the RAR deployment, so the application declares
     * a module dependency on it in its manifest.
     */
    public static WebArchive appUsingStandaloneRar(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(LambdaCaller.class, LambdaEnvironment.class, Failures.class, PurchaseOrder.class,
                        PurchaseOrder.Line.class, Quote.class, Item.class)
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(APPLICATION_EXCEPTIONS), "ejb-jar.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment."
                        + LambdaEnvironment.RAR + ", org.jboss.as.controller-client, org.jboss.dmr\n"));
    }
}
