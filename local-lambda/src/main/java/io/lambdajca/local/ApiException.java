package io.lambdajca.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An error answer of the Lambda API: HTTP status, the error code sent in {@code X-Amzn-ErrorType}, a message, and any
 * extra body fields or headers the service adds for that error.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Errors whose body carries a lower-case {@code message} key: the members of their shapes in Lambda's service
     * model (ResourceNotFoundException and ServiceException, for instance, use {@code Message}).
     */
    private static final Set<String> LOWER_CASE_MESSAGE = Set.of("InvalidParameterValueException",
            "InvalidRequestContentException", "RequestTooLargeException", "ResourceConflictException",
            "TooManyRequestsException", "UnsupportedMediaTypeException", "ResourceNotReadyException",
            "PreconditionFailedException", "PolicyLengthExceededException", "CodeStorageExceededException",
            "SerializedRequestEntityTooLargeException");

    private final int status;
    private final String code;
    private final LinkedHashMap<String, Object> extraFields = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> extraHeaders = new LinkedHashMap<>();
    private boolean lowerCaseMessageKey;
    private boolean withoutType;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.lowerCaseMessageKey = LOWER_CASE_MESSAGE.contains(code);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message);
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(400, "InvalidParameterValueException", message);
    }

    /**
     * An error that is no shape of Lambda's model (ValidationException, RequestEntityTooLargeException,
     * AccessDeniedException): its body has the message alone, under a lower-case {@code message} key, and no
     * {@code Type}; a null message leaves the body empty, as AWS's AccessDeniedException for another account's ARN.
     */
    public static ApiException unmodeled(int status, String code, String message) {
        ApiException e = new ApiException(status, code, message);
        e.lowerCaseMessageKey = true;
        e.withoutType = true;
        return e;
    }

    /** This error without the {@code Type} field in its body, as AWS sends some (reserved concurrency limits). */
    public ApiException withoutType() {
        withoutType = true;
        return this;
    }

    public static ApiException invalidContent(String message) {
        return new ApiException(400, "InvalidRequestContentException", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "ResourceConflictException", message);
    }

    /**
     * A synchronous invocation's request of {@code limit} bytes or more, as AWS answers it: 413 with the code
     * RequestEntityTooLargeException, which is not in Lambda's model (the model's RequestTooLargeException is never
     * sent for it), so the SDK throws its plain LambdaException.
     */
    public static ApiException tooLarge(int limit) {
        return unmodeled(413, "RequestEntityTooLargeException",
                "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
    }

    /** An Event invocation's payload over {@code limit} bytes, as AWS answers it (the limit itself is taken). */
    public static ApiException eventTooLarge(int size, int limit) {
        return unmodeled(413, "RequestEntityTooLargeException",
                size + " byte payload is too large for the Event invocation type (limit " + limit + " bytes)");
    }

    /** 429 as Lambda sends it: {@code Retry-After} header and a {@code Reason} in the body. */
    public static ApiException throttled(String reason, int retryAfterSeconds) {
        ApiException e = new ApiException(429, "TooManyRequestsException", "Rate Exceeded.");
        e.extraFields.put("Reason", reason);
        e.extraHeaders.put("Retry-After", Integer.toString(retryAfterSeconds));
        e.lowerCaseMessageKey = true;
        return e;
    }

    /** Authentication errors use a lower-case {@code message} key, as AWS's front end sends them. */
    public static ApiException forbidden(String code, String message) {
        ApiException e = new ApiException(403, code, message);
        e.lowerCaseMessageKey = true;
        return e;
    }

    /** An error of a REST JSON service whose error bodies use a lower-case {@code message} key (Roles Anywhere). */
    public static ApiException lowerCaseMessage(int status, String code, String message) {
        ApiException e = new ApiException(status, code, message);
        e.lowerCaseMessageKey = true;
        return e;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> extraFields() {
        return extraFields;
    }

    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    public boolean lowerCaseMessageKey() {
        return lowerCaseMessageKey;
    }

    /** Whether the body leaves out {@code Type} ("User"). */
    public boolean withoutTypeField() {
        return withoutType;
    }
}
