package io.lambdajca.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.lambdajca.api.InvocationType;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * The extension's deployment checks, driven through its observer methods with hand-made container events: every
 * problem of every interface becomes a definition error with its id (LAMBDAJCA2001-2008), valid interfaces become
 * beans, and a connection factory that is not bound fails validation (LAMBDAJCA2003).
 */
class LambdaCdiExtensionTest {

    @LambdaFunctions(connectionFactory = "java:global/lambda/Orders")
    interface Pricing {
        @LambdaFunction(name = "price")
        String price(String sku);

        @LambdaFunction(name = "audit", type = InvocationType.EVENT)
        void audit(String sku);

        default String twice(String sku) {
            return price(sku) + price(sku);
        }

        /** Object's method declared again: no function method (it was LAMBDAJCA2001). */
        @Override
        String toString();
    }

    @LambdaFunctions
    interface Broken {
        String noName(String sku);

        @LambdaFunction(name = "price")
        String twoParameters(String a, String b);

        @LambdaFunction(name = "audit", type = InvocationType.EVENT)
        String eventWithResult(String sku);
    }

    @LambdaFunctions
    static class NotAnInterface {
    }

    private final LambdaCdiExtension extension = new LambdaCdiExtension();

    @Test
    void validInterface_becomesOneBean_andNoError() {
        extension.findInterfaces(processed(Pricing.class));
        AfterBeanDiscoveryRecord abd = new AfterBeanDiscoveryRecord();
        extension.addBeans(abd.event(), null);
        assertThat(abd.errors).isEmpty();
        assertThat(abd.beans).isEqualTo(1);
    }

    @Test
    void everyBrokenMethod_isReported_withItsId() {
        extension.findInterfaces(processed(Broken.class));
        AfterBeanDiscoveryRecord abd = new AfterBeanDiscoveryRecord();
        extension.addBeans(abd.event(), null);
        assertThat(abd.errors).extracting(Throwable::getMessage).anySatisfy(m -> assertThat(m)
                .startsWith("LAMBDAJCA2001: " + Broken.class.getName() + ".noName has no function name"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("LAMBDAJCA2002: " + Broken.class.getName() + ".twoParameters takes 2 parameters"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("LAMBDAJCA2004: " + Broken.class.getName() + ".eventWithResult is an Event"))
                .hasSize(3);
        assertThat(abd.errors).allSatisfy(e -> assertThat(e).isInstanceOf(DeploymentException.class));
    }

    @Test
    void annotatedClass_isLAMBDAJCA2007() {
        extension.findInterfaces(processed(NotAnInterface.class));
        AfterBeanDiscoveryRecord abd = new AfterBeanDiscoveryRecord();
        extension.addBeans(abd.event(), null);
        assertThat(abd.errors).singleElement().extracting(Throwable::getMessage).isEqualTo("LAMBDAJCA2007: "
                + "@LambdaFunctions belongs on an interface, not on class " + NotAnInterface.class.getName());
        assertThat(abd.beans).isZero();
    }

    @Test
    void unboundConnectionFactory_isLAMBDAJCA2003_namingTheJndiName() {
        extension.findInterfaces(processed(Pricing.class));
        List<Throwable> problems = new ArrayList<>();
        extension.checkFactories(fake(AfterDeploymentValidation.class, Map.of("addDeploymentProblem", a -> {
            problems.add((Throwable) a[0]);
            return null;
        })));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).isInstanceOf(DeploymentException.class);
            assertThat(p.getMessage()).startsWith("LAMBDAJCA2003: a Lambda connection definition the application uses "
                    + "is not available: No Lambda connection factory is bound at java:global/lambda/Orders");
        });
    }

    private static <T> ProcessAnnotatedType<T> processed(Class<T> type) {
        AnnotatedType<T> annotated = fake(AnnotatedType.class, Map.of("getJavaClass", a -> type));
        return fake(ProcessAnnotatedType.class, Map.of("getAnnotatedType", a -> annotated));
    }

    /** Records the definition errors and counts the beans added through {@code addBean()}. */
    private static final class AfterBeanDiscoveryRecord {
        final List<Throwable> errors = new ArrayList<>();
        int beans;

        AfterBeanDiscovery event() {
            return fake(AfterBeanDiscovery.class, Map.of(
                    "addDefinitionError", a -> {
                        errors.add((Throwable) a[0]);
                        return null;
                    },
                    "addBean", a -> {
                        beans++;
                        return fake(jakarta.enterprise.inject.spi.configurator.BeanConfigurator.class, Map.of());
                    }));
        }
    }

    /**
     * A container object answering the named methods; a builder method (returning its own type) returns the object
     * itself, anything else fails the test.
     */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<?> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            if (method.getReturnType().isAssignableFrom(type)) {
                return proxy;
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
        };
        return (T) Proxy.newProxyInstance(LambdaCdiExtensionTest.class.getClassLoader(), new Class<?>[] {type},
                handler);
    }
}
