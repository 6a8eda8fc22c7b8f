package io.lambdajca.ct;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.naming.InitialContext;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;

/**
 * The same RAR embedded in an application's EAR: the EAR's application.xml defines a connection factory on it
 * ({@code resource-adapter} {@code #lambda-jca-adapter}, the RAR module of the same application) and its web module
 * invokes through it. Not run on Open Liberty, which fails to start such an application with a NullPointerException
 * of its own (CWNEN0011E, in its ConnectionFactoryDefinition processing), whether the definition is in application.xml
 * or in the web module; see the README. The Liberty module's {@code EmbeddedRarDefectIT} deploys this application
 * there to show that it does not start.
 */
@ExtendWith(ArquillianExtension.class)
@Order(5)
public class EarEmbeddedIT {

    static final String EMBEDDED = "java:app/lambda/Embedded";

    @Deployment
    public static EnterpriseArchive app() {
        ResourceAdapterArchive rar = ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class,
                TestWorld.rar().toFile());
        // a literal key here: the embedded RAR is another adapter than the standalone one, whose profiles it cannot use
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Region", "us-east-1");
        properties.put("EndpointOverride", ClientSide.endpoint());
        properties.put("AccessKeyId", TestWorld.ACCESS_KEY);
        properties.put("SecretAccessKey", TestWorld.SECRET_KEY);
        String applicationXml = "<application xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"10\">\n"
                + "  <module><connector>lambda-jca-adapter.rar</connector></module>\n"
                + "  <module><web><web-uri>embedded-web.war</web-uri><context-root>/embedded</context-root></web>"
                + "</module>\n"
                + Deployments.connectionFactory(EMBEDDED, "#lambda-jca-adapter", properties)
                + "</application>\n";
        WebArchive war = ShrinkWrap.create(WebArchive.class, "embedded-web.war")
                .addClasses(EarEmbeddedIT.class, Failures.class)
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"4.0\" bean-discovery-mode=\"none\"/>"), "beans.xml");
        return ShrinkWrap.create(EnterpriseArchive.class, "ear-embedded-it.ear")
                .addAsModule(rar)
                .addAsModule(war)
                .setApplicationXML(new StringAsset(applicationXml));
    }

    @Test
    void factoryOfTheEmbeddedRar_invokes() throws Exception {
        LambdaConnectionFactory factory = assertInstanceOf(LambdaConnectionFactory.class,
                new InitialContext().lookup(EMBEDDED));
        try (LambdaConnection c = factory.getConnection()) {
            String answer = c.invoke(InvocationRequest.builder("echo").payload("{\"message\":\"embedded\"}").build())
                    .payloadAsString();
            assertTrue(answer.contains("\"message\":\"embedded\""), answer);
        }
    }
}
