package io.lambdajca.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.ConnectionUnavailableException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;

/**
 * A factory's lookup failure says which names were tried and how to bind one, or, for a factory bound but refused by
 * the adapter, the adapter's reason.
 */
class DefaultFactoryNameTest {

    private static final String REFUSAL = "Invalid Lambda connection definition: Region 'mars-north-1' is not a "
            + "region the AWS SDK knows";

    /** The property's value before the test, null if it was not set. */
    private String property;

    @BeforeEach
    void clearProperty() {
        property = System.getProperty(DefaultFactoryName.PROPERTY);
        System.clearProperty(DefaultFactoryName.PROPERTY);
    }

    @AfterEach
    void restorePropertyAndNaming() {
        if (property == null) {
            System.clearProperty(DefaultFactoryName.PROPERTY);
        } else {
            System.setProperty(DefaultFactoryName.PROPERTY, property);
        }
        FailingNaming.uninstall();
    }

    @Test
    void nothingBound_namesEveryCandidateAndTheProperty() {
        assertThatThrownBy(DefaultFactoryName::lookup).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("tried java:comp/env/lambda/Default, java:app/lambda/Default, lambda/Default, "
                        + "java:/lambda/Default")
                .hasMessageContaining("lambdajca.default-connection-factory");
    }

    @Test
    void aCandidateBoundToAnotherObject_isNamedInTheFailure() {
        FailingNaming.install();
        FailingNaming.bind("lambda/Default", "not a factory");
        assertThatThrownBy(DefaultFactoryName::lookup).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("(lambda/Default is bound to a java.lang.String, not a LambdaConnectionFactory "
                        + "of this application's class loader (is the application's dependency on the adapter "
                        + "deployment declared, and lambda-jca-api provided rather than packaged in the "
                        + "application?))");
    }

    @Test
    void theProperty_isTheOnlyNameTried() {
        System.setProperty(DefaultFactoryName.PROPERTY, "lambda/Orders");
        assertThatThrownBy(DefaultFactoryName::lookup).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageStartingWith("No Lambda connection factory is bound at lambda/Orders");
    }

    @Test
    void aFactoryBoundButRefusedByTheAdapter_isNamedWithTheAdaptersReason_notReportedAsUnbound() {
        FailingNaming.install();
        FailingNaming.failWith("lambda/Default", new InvalidPropertyException(REFUSAL));
        assertThatThrownBy(DefaultFactoryName::lookup).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessage("The Lambda connection factory bound at lambda/Default could not be created: " + REFUSAL)
                .hasRootCauseInstanceOf(InvalidPropertyException.class);
    }

    @Test
    void aNamedFactoryBoundButRefused_isNamedWithTheAdaptersReason() {
        FailingNaming.install();
        FailingNaming.failWith("lambda/Orders", new IllegalStateException(new InvalidPropertyException(REFUSAL)));
        assertThatThrownBy(() -> LambdaFactoryProducer.lookup("lambda/Orders"))
                .isInstanceOf(ConnectionUnavailableException.class)
                .hasMessage("The Lambda connection factory bound at lambda/Orders could not be created: " + REFUSAL);
    }

    @Test
    void theAdaptersReason_isTakenFromTheInnermostResourceException_whenTheServerWrapsIt() {
        FailingNaming.install();
        FailingNaming.failWith("lambda/Orders", new ResourceException("J2CA0000E: could not create the factory",
                new InvalidPropertyException(REFUSAL)));
        assertThatThrownBy(() -> LambdaFactoryProducer.lookup("lambda/Orders"))
                .hasMessage("The Lambda connection factory bound at lambda/Orders could not be created: " + REFUSAL);
    }

    @Test
    void aLookupFailingForAnotherReason_isStillReportedAsUnbound() {
        FailingNaming.install();
        FailingNaming.failWith("lambda/Orders", new IllegalStateException("the naming service is not ready"));
        assertThatThrownBy(() -> LambdaFactoryProducer.lookup("lambda/Orders"))
                .isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageStartingWith("No Lambda connection factory is bound at lambda/Orders")
                .hasRootCauseMessage("the naming service is not ready");
    }
}
