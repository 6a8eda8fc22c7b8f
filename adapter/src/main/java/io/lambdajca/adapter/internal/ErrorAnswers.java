package io.lambdajca.adapter.internal;

import java.nio.charset.StandardCharsets;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;

/**
 * What an error answer without an AWS error code (a proxy's HTML page, a bare 502) says, for a message: its first
 * bytes say what answered.
 */
public final class ErrorAnswers {

    private ErrorAnswers() {
    }

    /**
     * The first 200 characters of the answer's body as sent (else of the message the SDK made of it), in one line of
     * printable characters, with secret values masked; "(an empty body)" for none.
     */
    public static String beginning(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        SdkBytes raw = details == null ? null : details.rawResponse();
        String text;
        if (raw == null || raw.asByteArrayUnsafe().length == 0) {
            text = details == null ? e.getMessage() : details.errorMessage();
        } else {
            byte[] bytes = raw.asByteArrayUnsafe();
            text = new String(bytes, 0, Math.min(bytes.length, 1_000), StandardCharsets.UTF_8);
        }
        if (text == null || text.isBlank()) {
            return "(an empty body)";
        }
        // one line of printable characters: control characters of a binary body become '?'
        String oneLine = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return Redaction.redact(oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...");
    }
}
