package io.lambdajca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

/** An alias as an application reads it back: one immutable value. */
class AliasInfoTest {

    @Test
    void equalsAndHashCode_coverEveryMember() {
        EqualsVerifier.forClass(AliasInfo.class).withNonnullFields("name", "additionalVersionWeights").verify();
    }

    @Test
    void withoutRouting_theWeightsAreEmpty_andToStringLeavesThemOut() {
        AliasInfo alias = AliasInfo.builder().name("live").functionVersion("3").revisionId("r1").build();
        assertThat(alias.additionalVersionWeights()).isEmpty();
        assertThat(alias.description()).isNull();
        assertThat(alias.toString()).isEqualTo("AliasInfo[name=live, functionVersion=3, revisionId=r1]");
    }

    @Test
    void theWeights_areACopy_thatCannotBeChanged() {
        Map<String, Double> given = new HashMap<>(Map.of("4", 0.1));
        AliasInfo alias = AliasInfo.builder().name("live").functionVersion("3").additionalVersionWeights(given)
                .build();
        given.put("4", 0.9);
        assertThat(alias.additionalVersionWeights()).isEqualTo(Map.of("4", 0.1));
        assertThatThrownBy(() -> alias.additionalVersionWeights().put("5", 0.2))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(alias.toString()).contains("additionalVersionWeights={4=0.1}");
    }

    @Test
    void everyMember_survivesSerialization() throws Exception {
        AliasInfo alias = AliasInfo.builder().aliasArn("arn:aws:lambda:eu-west-1:123456789012:function:pricing:live")
                .name("live").functionVersion("3").description("production")
                .additionalVersionWeights(Map.of("4", 0.25)).revisionId("r1").build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(alias);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isEqualTo(alias).hasSameHashCodeAs(alias);
    }
}
