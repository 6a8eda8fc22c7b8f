package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class LogTailTest {

    @Test
    void lambdasBase64_isDecoded() {
        String text = "START RequestId: 1\nEND RequestId: 1\nREPORT Duration: 1.00 ms caf\u00e9\n";
        assertThat(LogTail.decode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(text);
        assertThat(LogTail.decode("")).isEmpty();
        assertThat(LogTail.decode(null)).isNull();
    }

    @Test
    void aTailThatIsNotBase64_isGivenAsItCame_ratherThanFailingTheInvocation() {
        assertThat(LogTail.decode("START RequestId: 1 (plain text)")).isEqualTo("START RequestId: 1 (plain text)");
    }
}
