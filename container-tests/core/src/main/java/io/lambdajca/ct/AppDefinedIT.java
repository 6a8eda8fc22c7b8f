package io.lambdajca.ct;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Region", "us-east-1");
        properties.put("EndpointOverride", ClientSide.endpoint());
        properties.put("CredentialProfile", Jndi.STATIC_PROFILE_OBJECT);
        return Deployments.app("app-defined-it.war", Deployments.connectionFactory(APP_DEFINED,
                ClientSide.resourceAdapterName(), properties));
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
