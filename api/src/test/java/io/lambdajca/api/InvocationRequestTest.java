package io.lambdajca.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The tenant id and durable execution name a request carries, and the durable execution ARN a result carries. */
class InvocationRequestTest {

    @Test
    void tenantIdAndDurableExecutionName_areNoneUnlessSet() {
        InvocationRequest plain = InvocationRequest.builder("echo").build();
        assertThat(plain.tenantId()).isNull();
        assertThat(plain.durableExecutionName()).isNull();
        assertThat(plain.toString()).doesNotContain("tenantId").doesNotContain("durableExecutionName");

        InvocationRequest r = InvocationRequest.builder("echo").tenantId("tenant-a").durableExecutionName("order-42")
                .build();
        assertThat(r.tenantId()).isEqualTo("tenant-a");
        assertThat(r.durableExecutionName()).isEqualTo("order-42");
        assertThat(r.toString()).contains("tenantId=tenant-a").contains("durableExecutionName=order-42");
    }

    @Test
    void durableExecutionArn_isPresentOnlyWhenLambdaAnsweredOne() {
        assertThat(new InvocationResult(200, null, "1", null, null, Duration.ZERO).durableExecutionArn()).isEmpty();
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders:1/durable-execution/order-42/abc";
        InvocationResult started = new InvocationResult(200, null, "1", null, null, Duration.ZERO, arn);
        assertThat(started.durableExecutionArn()).contains(arn);
        assertThat(started.toString()).contains("durableExecutionArn=" + arn);
        assertThat(InvocationResult.deferred().durableExecutionArn()).isEmpty();
    }
}
