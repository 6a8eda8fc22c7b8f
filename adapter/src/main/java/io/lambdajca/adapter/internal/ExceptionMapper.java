package io.lambdajca.adapter.internal;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaException;
import io.lambdajca.api.LambdaServiceException;
import io.lambdajca.api.PreconditionFailedException;
import io.lambdajca.api.ResourceConflictException;
import io.lambdajca.api.ThrottledException;
import io.lambdajca.api.UnexpectedFailureException;
import io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Turns what the SDK threw into the connector's exceptions. Messages name the operation, the function and Lambda's
 * error code and message; the SDK exception stays attached as the cause, unless its messages quote a secret (an error
 * that echoes the canonical request with its session token): then a copy with the secret masked is attached instead.
 */
final class ExceptionMapper {

    private static final Set<String> ACCESS_CODES = Set.of("UnrecognizedClientException", "InvalidSignatureException",
            "ExpiredTokenException", "AccessDeniedException", "MissingAuthenticationTokenException",
            "IncompleteSignatureException", "SignatureDoesNotMatch", "InvalidClientTokenId");
    /**
     * A request Lambda refuses as it is. An oversized Invoke is answered {@code RequestEntityTooLargeException}, a code
     * outside Lambda's model (whose {@code RequestTooLargeException} it never sends for Invoke).
     */
    private static final Set<String> INVALID_CODES = Set.of("InvalidParameterValueException",
            "InvalidRequestContentException", "RequestTooLargeException", "RequestEntityTooLargeException",
            "SerializedRequestEntityTooLargeException", "ValidationException", "UnsupportedMediaTypeException");

    /** How the SDK's message of an unreadable answer gives its status. */
    private static final Pattern RESPONSE_CODE = Pattern.compile("Response Code: (\\d{3})");

    private ExceptionMapper() {
    }

    static LambdaException map(Operation operation, String functionName, RuntimeException thrown, int attempts) {
        String subject = operation.apiName() + (functionName == null ? "" : " of function '" + functionName + "'");
        if (thrown instanceof LambdaException) {
            return (LambdaException) thrown;
        }
        // the cause goes with the exception to the application, which may log it whole
        Throwable cause = Redaction.safe(thrown);
        if (thrown instanceof AwsServiceException) {
            AwsServiceException e = (AwsServiceException) thrown;
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            // masked: an error about the signature may echo the canonical request with its session token
            String message = Redaction.redact(e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorMessage());
            if (code == null) {
                // not an AWS error answer (a proxy's HTML page, a bare 500): its first bytes say what answered
                message = ErrorAnswers.withoutCode(e);
            }
            String detail = subject + " failed: " + (code == null ? "" : code + " ") + "(HTTP " + e.statusCode()
                    + "): " + message;
            if ("ResourceNotFoundException".equals(code)) {
                return new FunctionNotFoundException(functionName, subject + " failed: function not found ("
                        + message + ")", cause);
            }
            if (e instanceof TooManyRequestsException || e.statusCode() == 429) {
                // a 429 is throttling whatever its body says (a proxy's 429 carries no AWS error code)
                String reason = e instanceof TooManyRequestsException t ? t.reasonAsString() : null;
                Duration retryAfter = Retrier.retryAfter(e);
                return new ThrottledException(functionName, subject + " was throttled by Lambda after " + attempts
                        + " attempt(s): " + (reason != null ? reason : "HTTP 429 " + message)
                        + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"), reason,
                        retryAfter, attempts, cause);
            }
            if (code != null && ACCESS_CODES.contains(code) || e.statusCode() == 403) {
                return new AccessDeniedException(functionName, detail + ". Check the credentials of the connection "
                        + "definition.", code, cause);
            }
            if (code != null && INVALID_CODES.contains(code)) {
                return new InvalidRequestException(functionName, detail, cause);
            }
            if ("ResourceConflictException".equals(code)) {
                return new ResourceConflictException(functionName, detail, e.statusCode(), code, cause);
            }
            if ("PreconditionFailedException".equals(code)) {
                return new PreconditionFailedException(functionName, detail + ". Read it again for its current "
                        + "revision id.", e.statusCode(), code, cause);
            }
            return new LambdaServiceException(functionName, detail, e.statusCode(), code, cause);
        }
        CredentialsUnavailableException credentials = Failures.credentials(thrown);
        if (credentials != null) {
            return new AccessDeniedException(functionName, subject + " was not sent: no credentials could be had. "
                    + credentials.getMessage(), credentials.errorCode(), cause);
        }
        if (Failures.checksumMismatch(thrown)) {
            return new EndpointUnavailableException(functionName, subject + " got an answer whose CRC32 checksum does "
                    + "not match its x-amz-crc32 header: the answer was corrupted on its way (a proxy or the network), "
                    + "after " + attempts + " attempt(s)", false, cause);
        }
        if (Failures.unreadableAnswer(thrown)) {
            Matcher status = RESPONSE_CODE.matcher(String.valueOf(thrown.getMessage()));
            int statusCode = status.find() ? Integer.parseInt(status.group(1)) : 0;
            String what = Failures.notJson(thrown)
                    ? "is not JSON, so not Lambda's (a proxy's or a captive portal's page?)"
                    : "is JSON that does not have the shape of Lambda's answer, so not Lambda's (another service's?)";
            return new LambdaServiceException(functionName, subject + " failed: (HTTP " + statusCode + "): the answer "
                    + what + ", after " + attempts + " attempt(s): " + Redaction.rootMessage(thrown), statusCode, null,
                    cause);
        }
        if (thrown instanceof SdkClientException) {
            boolean timeout = Failures.timedOut(thrown);
            String what;
            if (thrown instanceof ApiCallTimeoutException) {
                what = "timed out: its call timeout (CallTimeoutMillis, which bounds the whole call, retries "
                        + "included) ran out";
            } else if (Failures.proxyRefusedTunnel(thrown)) {
                what = "could not reach the Lambda endpoint through the HTTP proxy: the proxy did not open a tunnel "
                        + "to it (its answer to CONNECT was not 200: 407 if it asks for credentials, which the JVM's "
                        + "http.proxyUser and http.proxyPassword give)";
            } else if (Failures.tlsHandshakeFailed(thrown)) {
                what = "could not reach the Lambda endpoint: the TLS handshake with it failed (for example a "
                        + "certificate that this JVM's trust store does not trust, or an https:// endpoint on a port "
                        + "that speaks plain HTTP)";
            } else if (Failures.beforeSending(thrown)) {
                what = "could not reach the Lambda endpoint";
            } else if (timeout) {
                what = "timed out waiting for the answer (ReadTimeoutMillis)";
            } else {
                what = "lost its connection to the Lambda endpoint";
            }
            return new EndpointUnavailableException(functionName, subject + " " + what + " after " + attempts
                    + " attempt(s): " + Redaction.rootMessage(thrown), timeout, cause);
        }
        return new UnexpectedFailureException(functionName, subject + " failed: " + Redaction.redact(thrown.toString()),
                cause);
    }
}
