package io.lambdajca.it;

import io.lambdajca.ct.PurchaseOrder;
import io.lambdajca.ct.Quote;
import io.lambdajca.testfunctions.Handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.local.LocalLambda;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;

/**
 * The adapter packaged inside an application's EAR, its connection definition in the RAR's ironjacamar.xml (the
 * endpoint taken from a system property), used by an EJB of the same EAR.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class EarEmbeddedIT {

    static final String JNDI = "java:/lambda/Embedded";

    @Deployment
    static EnterpriseArchive ear() {
        ResourceAdapterArchive rar = ShrinkWrap.create(ResourceAdapterArchive.class, "embedded-lambda.rar")
                .merge(ShrinkWrap.create(ZipImporter.class)
                        .importFrom(new File(System.getProperty("lambdajca.rar"))).as(ResourceAdapterArchive.class))
                .addAsManifestResource(new StringAsset(String.join("\n",
                        "<ironjacamar>",
                        "  <transaction-support>NoTransaction</transaction-support>",
                        "  <connection-definitions>",
                        "    <connection-definition class-name=\"io.lambdajca.adapter.LambdaManagedConnectionFactory\"",
                        "        jndi-name=\"" + JNDI + "\" pool-name=\"Embedded\">",
                        "      <config-property name=\"EndpointOverride\">${lambdajca.test.endpoint}</config-property>",
                        "      <config-property name=\"AccessKeyId\">" + LocalLambda.DEFAULT_ACCESS_KEY
                                + "</config-property>",
                        "      <config-property name=\"SecretAccessKey\">" + LocalLambda.DEFAULT_SECRET_KEY
                                + "</config-property>",
                        "      <pool><max-pool-size>4</max-pool-size></pool>",
                        "    </connection-definition>",
                        "  </connection-definitions>",
                        "</ironjacamar>")), "ironjacamar.xml");
        WebArchive war = ShrinkWrap.create(WebArchive.class, "embedded-app.war")
                .addClasses(EarEmbeddedIT.class, EmbeddedCaller.class, EmbeddedFunctions.class,
                        LambdaEnvironment.class, Quote.class, PurchaseOrder.class, PurchaseOrder.Line.class)
                .addAsLibrary(new File(System.getProperty("lambdajca.cdi.jar")))
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
        return ShrinkWrap.create(EnterpriseArchive.class, "embedded.ear").addAsModule(rar).addAsModule(war);
    }

    @EJB
    private EmbeddedCaller caller;

    @Inject
    private EmbeddedFunctions functions;

    @Test
    void embeddedAdapter_listsAndInvokes() {
        List<FunctionInfo> all = caller.withLambda(c -> c.listFunctions());
        assertTrue(all.size() > 50, "all pages: " + all.size());
        InvocationResult r = caller.withLambda(c -> c.invoke(InvocationRequest.builder("echo")
                .payload("{\"from\":\"ear\"}").build()));
        assertEquals("{\"from\":\"ear\"}", r.payloadAsString());
        Quote q = caller.withLambda(c -> c.invoke("pricing", new PurchaseOrder("bob",
                List.of(new PurchaseOrder.Line("s", 3, 7))), Quote.class));
        assertEquals(new Quote("bob", 3, 21), q);
    }

    @Test
    void embeddedAdapter_servesTypedInterfacesThroughCdi() {
        assertEquals(new Quote("eve", 2, 10), functions.price(new PurchaseOrder("eve",
                List.of(new PurchaseOrder.Line("t", 2, 5)))));
    }
}
