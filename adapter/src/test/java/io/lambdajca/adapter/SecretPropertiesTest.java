package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.Secret;
import jakarta.resource.spi.ConfigProperty;

/**
 * Every configuration property the adapter keeps as a {@link Secret} is declared confidential (so that the servers'
 * consoles show a password field and mask it) and reads back masked: a secret property added later cannot miss it.
 */
class SecretPropertiesTest {

    private static final String VALUE = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYs3cr3tK3y";

    @Test
    void everySecretProperty_isConfidential_andReadsBackMasked() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> bean : List.of(LambdaManagedConnectionFactory.class, LambdaCredentialProfile.class,
                LambdaResourceAdapter.class)) {
            Object instance = bean.getDeclaredConstructor().newInstance();
            for (Field f : bean.getDeclaredFields()) {
                if (f.getType() != Secret.class) {
                    continue;
                }
                String property = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
                Method setter = bean.getMethod("set" + property, String.class);
                ConfigProperty declared = setter.getAnnotation(ConfigProperty.class);
                assertThat(declared).as("@ConfigProperty on %s.set%s", bean.getSimpleName(), property).isNotNull();
                assertThat(declared.confidential()).as("%s.%s is confidential", bean.getSimpleName(), property)
                        .isTrue();
                setter.invoke(instance, VALUE);
                assertThat(bean.getMethod("get" + property).invoke(instance)).as("get%s", property).isEqualTo("****");
                assertThat(instance.toString()).doesNotContain(VALUE);
                checked.add(bean.getSimpleName() + "." + property);
            }
        }
        assertThat(checked).contains("LambdaManagedConnectionFactory.SecretAccessKey",
                "LambdaManagedConnectionFactory.SessionToken", "LambdaCredentialProfile.SecretAccessKey",
                "LambdaCredentialProfile.SessionToken", "LambdaCredentialProfile.KeystorePassword");
    }
}
