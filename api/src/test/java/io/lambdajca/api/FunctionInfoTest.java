package io.lambdajca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

/** What an application filters and displays on, as one immutable value. */
class FunctionInfoTest {

    @Test
    void equalsAndHashCode_coverEveryMember() {
        EqualsVerifier.forClass(FunctionInfo.class).withNonnullFields("name", "architectures").verify();
    }

    @Test
    void whatLambdaDidNotReport_isNullOrEmpty() {
        FunctionInfo listed = FunctionInfo.builder().name("echo").build();
        assertThat(listed.state()).isNull();
        assertThat(listed.stateReason()).isNull();
        assertThat(listed.lastUpdateStatus()).isNull();
        assertThat(listed.packageType()).isNull();
        assertThat(listed.tenantIsolationMode()).isNull();
        assertThat(listed.role()).isNull();
        assertThat(listed.codeSha256()).isNull();
        assertThat(listed.architectures()).isEmpty();
        assertThat(listed.toString()).isEqualTo("FunctionInfo[name=echo, runtime=null, memorySizeMb=0, "
                + "lastModified=null]");
    }

    @Test
    void architectures_areACopy_thatCannotBeChanged() {
        List<String> given = new ArrayList<>(List.of("arm64"));
        FunctionInfo info = FunctionInfo.builder().name("echo").architectures(given).build();
        given.set(0, "x86_64");
        assertThat(info.architectures()).containsExactly("arm64");
        assertThatThrownBy(() -> info.architectures().add("x86_64")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyMember_survivesSerialization_andToStringShowsTheState() throws Exception {
        FunctionInfo info = FunctionInfo.builder().name("pricing").arn("arn:aws:lambda:eu-west-1:123456789012:"
                + "function:pricing").runtime("java21").handler("p.Handler").description("prices").memorySizeMb(512)
                .timeoutSeconds(30).codeSizeBytes(2048).lastModified("2026-11-30T03:00:00.000+0000").version("$LATEST")
                .role("arn:aws:iam::123456789012:role/pricing").codeSha256("c2hh").state("Failed")
                .stateReason("no role").stateReasonCode("InvalidConfiguration").lastUpdateStatus("Failed")
                .lastUpdateStatusReason("no role").lastUpdateStatusReasonCode("InvalidConfiguration")
                .packageType("Zip").architectures(List.of("arm64")).tenantIsolationMode("PER_TENANT").build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(info);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isEqualTo(info).hasSameHashCodeAs(info);
        assertThat(((FunctionInfo) back).architectures()).containsExactly("arm64");
        assertThat(info.toString()).isEqualTo("FunctionInfo[name=pricing, runtime=java21, memorySizeMb=512, "
                + "lastModified=2026-11-30T03:00:00.000+0000, state=Failed, lastUpdateStatus=Failed, "
                + "tenantIsolationMode=PER_TENANT]");
    }
}
