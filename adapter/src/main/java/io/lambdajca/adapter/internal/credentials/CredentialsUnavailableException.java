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

    public CredentialsUnavailableException(String message, String errorCode, Throwable cause) {
        super(Redaction.redact(message), cause);
        this.errorCode = errorCode;
    }

    /** The service's error code (such as AccessDenied or AccessDeniedException), or null when it was not reached. */
    public String errorCode() {
        return errorCode;
    }
}
