package io.lambdajca.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.ConnectionUnavailableException;

/** The default connection factory's failure says which names were tried and how to bind one. */
class DefaultFactoryNameTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(DefaultFactoryName.PROPERTY);
    }

    @Test
    void nothingBound_namesEveryCandidateAndTheProperty() {
        assertThatThrownBy(DefaultFactoryName::lookup).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("tried java:comp/env/lambda/Default, java:app/lambda/Default, lambda/Default, "
                        + "java:/lambda/Default")
                .hasMessageContaining("lambdajca.default-connection-factory");
    }

    @Test
    void theProperty_isTheOnlyNameTried() {
        System.setProperty(DefaultFactoryName.PROPERTY, "lambda/Orders");
        assertThatThrownBy(DefaultFactoryName::lookup).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageStartingWith("No Lambda connection factory is bound at lambda/Orders");
    }
}
