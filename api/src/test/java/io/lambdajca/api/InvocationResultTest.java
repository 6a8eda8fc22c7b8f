package io.lambdajca.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class InvocationResultTest {

    @Test
    void constructor_keepsItsOwnCopy_andPayloadReturnsAnother() {
        byte[] given = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        InvocationResult r = new InvocationResult(200, given, "1", null, null, Duration.ZERO);
        given[5] = '2';
        r.payload()[5] = '3';
        assertThat(r.payloadAsString()).isEqualTo("{\"n\":1}");
    }

    @Test
    void wrap_keepsTheArrayItIsGiven_andPayloadStillReturnsACopy() {
        byte[] handedOver = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        InvocationResult r = InvocationResult.wrap(200, handedOver, "1", "log", null, Duration.ofMillis(5), null);
        handedOver[5] = '2'; // what its javadoc forbids, to show that the array was not copied
        assertThat(r.payloadAsString()).isEqualTo("{\"n\":2}");
        r.payload()[5] = '3';
        assertThat(r.payloadAsString()).isEqualTo("{\"n\":2}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.logTail()).contains("log");
        assertThat(r.isDeferred()).isFalse();
        assertThat(InvocationResult.wrap(202, null, null, null, null, Duration.ZERO, null).payload()).isEmpty();
    }
}
