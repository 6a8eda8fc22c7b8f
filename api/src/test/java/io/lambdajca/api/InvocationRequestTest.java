package io.lambdajca.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The payload a request carries (its own bytes, whichever way they were given), the tenant id and durable execution
 * name, and the durable execution ARN a result carries.
 */
class InvocationRequestTest {

    @Test
    void payload_isTheTextsUtf8Bytes_andReplacesAnInput() {
        InvocationRequest r = InvocationRequest.builder("echo").input(new Object()).payload("{\"city\":\"Zürich\"}")
                .build();
        assertThat(r.payload()).isEqualTo("{\"city\":\"Zürich\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.input()).isNull();
        assertThat(InvocationRequest.builder("echo").payload("{}").input("x").build().payload()).isNull();
    }

    @Test
    void payload_isTheRequestsOwn_neitherTheGivenArrayNorTheReturnedOne() {
        byte[] given = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        InvocationRequest r = InvocationRequest.builder("echo").payload(given).build();
        given[5] = '2';
        r.payload()[5] = '3';
        assertThat(r.payload()).isEqualTo("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void payloadUnsafe_lendsTheRequestsOwnArray_whichPayloadCopies() {
        InvocationRequest r = InvocationRequest.builder("echo").payload("{\"n\":1}".getBytes(StandardCharsets.UTF_8))
                .build();
        byte[] lent = r.payloadUnsafe();
        assertThat(r.payloadUnsafe()).isSameAs(lent);
        assertThat(lent).isEqualTo("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.payload()).isNotSameAs(lent).isEqualTo(lent);
        assertThat(InvocationRequest.builder("echo").input("x").build().payloadUnsafe()).isNull();
    }

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
