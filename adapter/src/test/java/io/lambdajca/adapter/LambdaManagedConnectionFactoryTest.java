package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.ConnectionProperties;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.TransactionSupport;
import nl.jqno.equalsverifier.EqualsVerifier;

class LambdaManagedConnectionFactoryTest {

    @Test
    void connectionProperties_equalsAndHashCode_coverEveryProperty() {
        EqualsVerifier.forClass(ConnectionProperties.class).verify();
    }

    @Test
    void equals_followsEveryProperty() {
        LambdaManagedConnectionFactory a = new LambdaManagedConnectionFactory();
        LambdaManagedConnectionFactory b = new LambdaManagedConnectionFactory();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        b.setSecretAccessKey("x");
        assertThat(a).isNotEqualTo(b);
        a.setSecretAccessKey("x");
        assertThat(a).isEqualTo(b);
        b.setRetryInvokeAfterTimeout(true);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void toString_neverShowsSecrets() {
        LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
        mcf.setAccessKeyId("AKIAEXAMPLE");
        mcf.setSecretAccessKey("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        mcf.setSessionToken("FwoGZXIvYXdzEXAMPLETOKEN");
        assertThat(mcf.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("FwoGZXIv").contains("****");
    }

    @Test
    void invalidProperties_failActivation_namingTheProperty() {
        LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
        mcf.setResourceAdapter(new LambdaResourceAdapter());
        mcf.setRegion("moon-1");
        assertThatThrownBy(() -> mcf.createConnectionFactory(null)).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("Region 'moon-1'");
    }

    @Test
    void transactionSupport_isNoTransaction() {
        assertThat(new LambdaManagedConnectionFactory().getTransactionSupport())
                .isEqualTo(TransactionSupport.TransactionSupportLevel.NoTransaction);
    }
}
