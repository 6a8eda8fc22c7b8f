package io.lambdajca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

/** What an application asks an alias to be: unset members stay unset, so that an update changes only what it sets. */
class AliasRequestTest {

    @Test
    void equalsAndHashCode_coverEveryMember() {
        EqualsVerifier.forClass(AliasRequest.class).verify();
    }

    @Test
    void whatIsNotSet_isNull_soThatAnUpdateKeepsIt() {
        AliasRequest request = AliasRequest.builder("pricing", "live").build();
        assertThat(request.functionVersion()).isNull();
        assertThat(request.description()).isNull();
        assertThat(request.additionalVersionWeights()).as("routing not given").isNull();
        assertThat(request.revisionId()).isNull();
        assertThat(request.toString()).isEqualTo("AliasRequest[functionName=pricing, aliasName=live]");
    }

    @Test
    void noRouting_isAnEmptyMap_unlikeRoutingNotGiven() {
        AliasRequest request = AliasRequest.builder("pricing", "live").additionalVersionWeight("4", 0.5).noRouting()
                .build();
        assertThat(request.additionalVersionWeights()).isEmpty();
    }

    @Test
    void weights_addUp_inOrder_andAreACopy_thatCannotBeChanged() {
        Map<String, Double> given = new HashMap<>(Map.of("4", 0.1));
        AliasRequest.Builder builder = AliasRequest.builder("pricing", "live").functionVersion("3")
                .additionalVersionWeights(given).additionalVersionWeight("5", 0.2);
        given.put("6", 0.3);
        AliasRequest request = builder.revisionId("r1").build();
        builder.additionalVersionWeight("7", 0.4);
        assertThat(request.additionalVersionWeights()).containsExactly(Map.entry("4", 0.1), Map.entry("5", 0.2));
        assertThatThrownBy(() -> request.additionalVersionWeights().put("8", 0.5))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(request.toString()).isEqualTo("AliasRequest[functionName=pricing, aliasName=live, "
                + "functionVersion=3, additionalVersionWeights={4=0.1, 5=0.2}, revisionId=r1]");
    }
}
