package io.lambdajca.ct;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.naming.InitialContext;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;

/**
 * Application-defined resources: the application's web.xml defines a connection factory ({@code connection-factory},
 * the descriptor form of {@code @ConnectionFactoryDefinition}) on the standalone RAR, under a {@code java:app/} name,
 * using the server's credential profile; the server creates and pools it with the application.
 */
@ExtendWith(ArquillianExtension.class)
@Order(4)
class AppDefinedIT {

    static final String APP_DEFINED = "java:app/lambda/AppDefined";

    @Deployment
    static WebArchive app() {
        String definition = String.join("\n",
                "  <connection-factory>",
                "    <name>" + APP_DEFINED + "</name>",
                "    <interface-name>io.lambdajca.api.LambdaConnectionFactory</interface-name>",
                "    <resource-adapter>" + ClientSide.resourceAdapterName() + "</resource-adapter>",
                "    <max-pool-size>2</max-pool-size>",
                "    <min-pool-size>0</min-pool-size>",
                "    <transaction-support>NoTransaction</transaction-support>",
                property("Region", "us-east-1"),
                property("EndpointOverride", ClientSide.endpoint()),
                property("CredentialProfile", Jndi.STATIC_PROFILE_OBJECT),
                "  </connection-factory>", "");
        return Deployments.app("app-defined-it.war", definition);
    }

    private static String property(String name, String value) {
        return "    <property><name>" + ClientSide.propertyName(name) + "</name><value>" + value + "</value></property>";
    }

    @Test
    void applicationDefinedFactory_invokes() throws Exception {
        LambdaConnectionFactory factory = assertInstanceOf(LambdaConnectionFactory.class,
                new InitialContext().lookup(APP_DEFINED));
        try (LambdaConnection c = factory.getConnection()) {
            String answer = c.invoke(InvocationRequest.builder("echo").payload("{\"message\":\"app\"}").build())
                    .payloadAsString();
            assertTrue(answer.contains("\"message\":\"app\""), answer);
        }
    }
}
