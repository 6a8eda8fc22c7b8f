package io.lambdajca.adapter.internal.credentials;

import io.lambdajca.adapter.internal.Redaction;

/**
 * Temporary credentials could not be had (STS or Roles Anywhere refused or could not be reached). Its message names
 * the profile's role and the service's error; it never holds a secret (what the service or the SDK said is masked
 * by {@link Redaction}: an unparsable answer quoted in the SDK's message may hold the issued keys).
 */
public final class CredentialsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final boolean retryable;

    /** Retryable when the service was not reached or gave no error code, not when it refused. */
    public CredentialsUnavailableException(String message, String errorCode, Throwable cause) {
        this(message, errorCode, errorCode == null, cause);
    }

    public CredentialsUnavailableException(String message, String errorCode, boolean retryable, Throwable cause) {
        super(Redaction.redact(message), cause);
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    /** The service's error code (such as AccessDenied or AccessDeniedException), or null when it was not reached. */
    public String errorCode() {
        return errorCode;
    }

    /** Whether an answer of this HTTP status is worth a retry: throttling (429) or a server's failure (5xx). */
    static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Whether the call is worth retrying: the credentials may be had a moment later. */
    public boolean retryable() {
        return retryable;
    }
}
