package io.lambdajca.cdi;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lambdajca.api.LambdaException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;

/**
 * Makes {@code LambdaConnectionFactory} injectable and turns every {@link LambdaFunctions} interface of the application
 * into an injectable bean. Checks at deployment: every method maps to a function, every connection factory named by an
 * interface or a {@link LambdaConnectionDefinition} exists.
 */
public class LambdaCdiExtension implements Extension {

    // Weld may fire ProcessAnnotatedType and ProcessInjectionPoint from several threads (WildFly's concurrent deployer)
    private final Map<Class<?>, Map<Method, FunctionMethod>> interfaces = new ConcurrentHashMap<>();
    private final Set<String> jndiNames = ConcurrentHashMap.newKeySet();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    void addProducer(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.addAnnotatedType(beanManager.createAnnotatedType(LambdaFactoryProducer.class),
                LambdaFactoryProducer.class.getName());
    }

    <T> void findInterfaces(@Observes @WithAnnotations(LambdaFunctions.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        LambdaFunctions annotation = type.getAnnotation(LambdaFunctions.class);
        if (annotation == null) {
            return;
        }
        if (!type.isInterface()) {
            problems.add("LAMBDAJCA2007: @LambdaFunctions belongs on an interface, not on class " + type.getName());
            return;
        }
        interfaces.put(type, FunctionMethod.describeAll(type, problems));
        jndiNames.add(annotation.connectionFactory());
    }

    void findFactories(@Observes ProcessInjectionPoint<?, ?> event) {
        event.getInjectionPoint().getQualifiers().stream()
                .filter(q -> q instanceof LambdaConnectionDefinition)
                .forEach(q -> jndiNames.add(((LambdaConnectionDefinition) q).value()));
    }

    void addBeans(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        for (String problem : problems) {
            event.addDefinitionError(new DeploymentException(problem));
        }
        for (Map.Entry<Class<?>, Map<Method, FunctionMethod>> e : interfaces.entrySet()) {
            Class<?> iface = e.getKey();
            String jndi = iface.getAnnotation(LambdaFunctions.class).connectionFactory();
            FunctionInterfaceHandler handler = new FunctionInterfaceHandler(iface, jndi, Map.copyOf(e.getValue()),
                    beanManager);
            event.addBean()
                    .beanClass(iface)
                    .types(iface, Object.class)
                    .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .createWith(context -> Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface},
                            handler));
        }
    }

    void checkFactories(@Observes AfterDeploymentValidation event) {
        for (String jndi : jndiNames) {
            try {
                LambdaFactoryProducer.lookup(jndi);
            } catch (LambdaException e) {
                event.addDeploymentProblem(new DeploymentException("LAMBDAJCA2003: a Lambda connection "
                        + "definition the application uses is not available: " + e.getMessage(), e));
            }
        }
    }
}
