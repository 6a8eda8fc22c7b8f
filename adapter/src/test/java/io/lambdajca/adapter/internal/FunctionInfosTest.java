package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lambdajca.api.FunctionInfo;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.TenancyConfig;

/** FunctionConfiguration, as GetFunction and ListFunctions answer it, as the connector's FunctionInfo. */
class FunctionInfosTest {

    @Test
    void everyMemberUsersFilterOn_isMapped() {
        FunctionConfiguration c = FunctionConfiguration.builder().functionName("pricing")
                .functionArn("arn:aws:lambda:eu-west-1:123456789012:function:pricing").runtime("java21")
                .handler("p.Handler::handleRequest").description("prices").memorySize(512).timeout(30).codeSize(2048L)
                .codeSha256("c2hhMjU2").lastModified("2026-11-30T03:00:00.000+0000").version("$LATEST")
                .role("arn:aws:iam::123456789012:role/pricing").state("Failed").stateReason("role cannot be assumed")
                .stateReasonCode("InvalidConfiguration").lastUpdateStatus("Failed")
                .lastUpdateStatusReason("role cannot be assumed").lastUpdateStatusReasonCode("InvalidConfiguration")
                .packageType("Zip").architectures(Architecture.ARM64)
                .tenancyConfig(TenancyConfig.builder().tenantIsolationMode("PER_TENANT").build()).build();
        FunctionInfo info = FunctionInfos.of(c);
        assertThat(info).isEqualTo(FunctionInfo.builder().name("pricing")
                .arn("arn:aws:lambda:eu-west-1:123456789012:function:pricing").runtime("java21")
                .handler("p.Handler::handleRequest").description("prices").memorySizeMb(512).timeoutSeconds(30)
                .codeSizeBytes(2048).codeSha256("c2hhMjU2").lastModified("2026-11-30T03:00:00.000+0000")
                .version("$LATEST").role("arn:aws:iam::123456789012:role/pricing").state("Failed")
                .stateReason("role cannot be assumed").stateReasonCode("InvalidConfiguration")
                .lastUpdateStatus("Failed").lastUpdateStatusReason("role cannot be assumed")
                .lastUpdateStatusReasonCode("InvalidConfiguration").packageType("Zip")
                .architectures(List.of("arm64")).tenantIsolationMode("PER_TENANT").build());
    }

    @Test
    void aListFunctionsEntry_withoutState_leavesItNull() {
        // ListFunctions entries carry no State on AWS; nor, here, architectures, package type or tenancy
        FunctionInfo info = FunctionInfos.of(FunctionConfiguration.builder().functionName("echo").build());
        assertThat(info.state()).isNull();
        assertThat(info.stateReason()).isNull();
        assertThat(info.lastUpdateStatus()).isNull();
        assertThat(info.packageType()).isNull();
        assertThat(info.tenantIsolationMode()).isNull();
        assertThat(info.architectures()).isEmpty();
        assertThat(info.memorySizeMb()).isZero();
    }

    @Test
    void anEnumerationValueNewerThanTheSdk_comesThroughAsLambdaSentIt() {
        FunctionInfo info = FunctionInfos.of(FunctionConfiguration.builder().functionName("echo")
                .state("Hibernating").architecturesWithStrings("riscv64").build());
        assertThat(info.state()).isEqualTo("Hibernating");
        assertThat(info.architectures()).containsExactly("riscv64");
    }

    @Test
    void anAnswerWithoutTheFunctionsName_isALambdaServiceException_notTheApisNullPointerException() {
        FunctionConfiguration nameless = FunctionConfiguration.builder()
                .functionArn("arn:aws:lambda:eu-west-1:123456789012:function:pricing").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FunctionInfos.of(nameless))
                .isInstanceOf(io.lambdajca.api.LambdaServiceException.class)
                .hasMessageContaining("without its FunctionName (FunctionArn "
                        + "arn:aws:lambda:eu-west-1:123456789012:function:pricing)");
    }
}
