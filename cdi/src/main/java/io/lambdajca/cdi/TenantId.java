package io.lambdajca.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} parameter of a {@link LambdaFunction} method that holds the tenant to invoke the function
 * for: each call sends its value as the invocation's tenant id (see
 * {@link io.lambdajca.api.InvocationRequest.Builder#tenantId(String)}), as a function created with tenant isolation
 * needs. A null argument sends none. The method's other parameter, if any, is the function's input:
 *
 * <pre>
 * &#64;LambdaFunction(name = "pricing")
 * Quote price(&#64;TenantId String tenant, Order order);
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TenantId {
}
