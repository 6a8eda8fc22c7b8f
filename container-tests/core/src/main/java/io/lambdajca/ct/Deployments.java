package io.lambdajca.ct;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.lambdajca.cdi.LambdaCdiExtension;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Test applications as users package them beside the standalone RAR, portable to every server: a resource-ref with
 * container authentication for each connection factory they use (on GlassFish and Payara that reference is also what
 * makes the connector's classes visible to the application), the CDI module in WEB-INF/lib, and the README's advice
 * that the connector's exceptions pass through EJBs unwrapped.
 */
public final class Deployments {

    /** The README's ejb-jar.xml: LambdaException and its subclasses reach EJB callers unwrapped, no rollback. */
    public static final String APPLICATION_EXCEPTIONS = String.join("\n",
            "<ejb-jar xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\">",
            "  <assembly-descriptor>",
            "    <application-exception>",
            "      <exception-class>io.lambdajca.api.LambdaException</exception-class>",
            "      <rollback>false</rollback>",
            "      <inherited>true</inherited>",
            "    </application-exception>",
            "  </assembly-descriptor>",
            "</ejb-jar>");

    static final String BEANS_ALL = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
            + "bean-discovery-mode=\"all\"/>";

    private Deployments() {
    }

    /** A WAR with the given classes, a resource-ref for every connection factory of the test world, and CDI. */
    public static WebArchive app(String name, Class<?>... classes) {
        return app(name, "", classes);
    }

    /**
     * The same, with more elements (resource definitions) in its web.xml. The ejb-jar.xml goes in only with an EJB:
     * GlassFish and Payara refuse a WAR whose ejb-jar.xml declares no bean.
     */
    public static WebArchive app(String name, String moreWebXml, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addClasses(Failures.class, Jndi.class, PurchaseOrder.class, PurchaseOrder.Line.class, Quote.class,
                        TenantAnswer.class)
                .addClasses(classes)
                .addAsLibrary(cdiModule())
                .addAsWebInfResource(new StringAsset(BEANS_ALL), "beans.xml")
                .setWebXML(new StringAsset(webXml(moreWebXml)));
        if (Arrays.stream(classes).anyMatch(c -> c.isAnnotationPresent(Stateless.class))) {
            war.addAsWebInfResource(new StringAsset(APPLICATION_EXCEPTIONS), "ejb-jar.xml");
        }
        return war;
    }

    /**
     * A {@code connection-factory} element (the descriptor form of {@code @ConnectionFactoryDefinition}) for web.xml
     * or application.xml: the factory bound at {@code name} on {@code resourceAdapter}, a pool of 2, with the adapter's
     * config properties spelt as this server wants them.
     */
    static String connectionFactory(String name, String resourceAdapter, Map<String, String> properties) {
        StringBuilder xml = new StringBuilder()
                .append("  <connection-factory>\n")
                .append("    <name>").append(name).append("</name>\n")
                .append("    <interface-name>io.lambdajca.api.LambdaConnectionFactory</interface-name>\n")
                .append("    <resource-adapter>").append(resourceAdapter).append("</resource-adapter>\n")
                .append("    <max-pool-size>2</max-pool-size>\n")
                .append("    <min-pool-size>0</min-pool-size>\n")
                .append("    <transaction-support>NoTransaction</transaction-support>\n");
        properties.forEach((property, value) -> xml.append("    <property><name>")
                .append(ClientSide.propertyName(property)).append("</name><value>").append(value)
                .append("</value></property>\n"));
        return xml.append("  </connection-factory>\n").toString();
    }

    /** The lambda-jca-cdi jar as the application packages it. */
    static JavaArchive cdiModule() {
        return ShrinkWrap.create(JavaArchive.class, "lambda-jca-cdi.jar")
                .addPackage(LambdaCdiExtension.class.getPackage())
                .addAsServiceProvider(Extension.class, LambdaCdiExtension.class);
    }

    private static String webXml(String more) {
        String refs = Jndi.CONNECTION_FACTORIES.stream().map(jndi -> String.join("\n",
                "  <resource-ref>",
                "    <res-ref-name>" + jndi + "</res-ref-name>",
                "    <res-type>io.lambdajca.api.LambdaConnectionFactory</res-type>",
                "    <res-auth>Container</res-auth>",
                "    <lookup-name>" + jndi + "</lookup-name>",
                "  </resource-ref>")).collect(Collectors.joining("\n"));
        return "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + refs + "\n" + more
                + "</web-app>\n";
    }
}
