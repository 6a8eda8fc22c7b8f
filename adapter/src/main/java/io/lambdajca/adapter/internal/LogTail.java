package io.lambdajca.adapter.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Lambda's log tail ({@code X-Amz-Log-Result}, a stream's {@code InvokeComplete.LogResult}): base64 of the text. */
final class LogTail {

    private LogTail() {
    }

    /**
     * The tail's text; null for none. A tail that is not base64 (never Lambda's, perhaps an emulator's) is given as it
     * came: the invocation ran, and its result must not be lost to its log.
     */
    static String decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return base64;
        }
    }
}
