package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.naming.Context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.testing.SystemProperties;

/** A profile's JNDI name that the server's naming cannot resolve, whatever it throws, is a named ConfigException. */
class ProfileLookupTest {

    private static final String NAME = "java:/lambda/profiles/Broken";

    private SystemProperties naming;

    @BeforeEach
    void naming() {
        naming = new SystemProperties().set(Context.INITIAL_CONTEXT_FACTORY, MapNaming.class.getName());
    }

    @AfterEach
    void clear() {
        MapNaming.BOUND.remove(NAME);
        naming.close();
    }

    @Test
    void aRuntimeExceptionOfTheServersNaming_isAConfigExceptionNamingTheProfile() {
        MapNaming.BOUND.put(NAME, new IllegalArgumentException("illegal name segment"));
        assertThat(ProfileLookup.isBound(NAME)).isFalse();
        assertThatThrownBy(() -> ProfileLookup.resolve(NAME)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(NAME).hasMessageContaining("illegal name segment");
    }
}
