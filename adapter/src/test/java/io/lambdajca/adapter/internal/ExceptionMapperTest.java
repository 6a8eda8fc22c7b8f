package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.Test;

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
import io.netty.handler.timeout.ReadTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LambdaException.Builder;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class ExceptionMapperTest {

    private static <B extends Builder> AwsServiceException service(B builder, int status, String code, String msg) {
        return builder.statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(code).errorMessage(msg).build()).build();
    }

    @Test
    void aSignatureErrorEchoingTheSessionToken_isHandedOnWithTheTokenMasked_evenInItsCause() {
        String token = "IQoJb3JpZ2luX2VjEXAMPLETOKENVALUE";
        AwsServiceException echoed = service(software.amazon.awssdk.services.lambda.model.LambdaException.builder(),
                403, "InvalidSignatureException", "The Canonical String for this request should have been 'POST\n"
                        + "/2015-03-31/functions/f/invocations\nhost:lambda\nx-amz-security-token:" + token + "\n'");
        RuntimeException wrapper = new RuntimeException("wrapper", echoed);
        LambdaException e = ExceptionMapper.map(Operation.INVOKE, "f", wrapper, 1);
        java.io.StringWriter printed = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(token).contains("x-amz-security-token:****")
                .contains(echoed.getClass().getName() + " (secrets masked)");
        assertThat(e.getCause()).isInstanceOf(Redaction.Redacted.class).hasCauseInstanceOf(Redaction.Redacted.class);
        assertThat(e.getCause().getStackTrace()).isEqualTo(wrapper.getStackTrace());
        assertThat(e.getCause().getCause().getStackTrace()).isEqualTo(echoed.getStackTrace());
    }

    @Test
    void anErrorQuotingNoSecret_keepsTheSdkExceptionAsItsCause() {
        AwsServiceException plain = service(ResourceNotFoundException.builder(), 404, "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:echo");
        assertThat(ExceptionMapper.map(Operation.INVOKE, "echo", plain, 1).getCause()).isSameAs(plain);
    }

    @Test
    void notFound_namesTheFunction() {
        LambdaException e = ExceptionMapper.map(Operation.INVOKE, "echo", service(ResourceNotFoundException.builder(),
                404, "ResourceNotFoundException", "Function not found: arn:...:echo"), 1);
        assertThat(e).isInstanceOf(FunctionNotFoundException.class).hasMessageContaining("'echo'");
        assertThat(e.functionName()).isEqualTo("echo");
    }

    @Test
    void throttled_carriesReasonRetryAfterAndAttempts() {
        TooManyRequestsException t = TooManyRequestsException.builder().statusCode(429)
                .reason("ReservedFunctionConcurrentInvocationLimitExceeded").retryAfterSeconds("2")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").build()).build();
        LambdaException e = ExceptionMapper.map(Operation.INVOKE, "f", t, 4);
        assertThat(e).isInstanceOfSatisfying(ThrottledException.class, th -> {
            assertThat(th.reason()).contains("ReservedFunctionConcurrentInvocationLimitExceeded");
            assertThat(th.retryAfter()).contains(Duration.ofSeconds(2));
            assertThat(th.attempts()).isEqualTo(4);
        });
    }

    @Test
    void authenticationErrors_areAccessDenied() {
        for (String code : new String[] {"UnrecognizedClientException", "InvalidSignatureException",
            "ExpiredTokenException", "AccessDeniedException"}) {
            LambdaException e = ExceptionMapper.map(Operation.LIST_FUNCTIONS, null,
                    service(software.amazon.awssdk.services.lambda.model.LambdaException.builder(), 403, code, "no"), 1);
            assertThat(e).isInstanceOfSatisfying(AccessDeniedException.class,
                    a -> assertThat(a.errorCode()).isEqualTo(code));
        }
    }

    @Test
    void serviceSideValidation_isInvalidRequest() {
        // RequestEntityTooLargeException is what Lambda answers an oversized Invoke with, though not in its model
        for (String code : List.of("RequestTooLargeException", "RequestEntityTooLargeException",
                "SerializedRequestEntityTooLargeException", "ValidationException")) {
            LambdaException e = ExceptionMapper.map(Operation.INVOKE, "f",
                    service(software.amazon.awssdk.services.lambda.model.LambdaException.builder(), 413, code,
                            "too big"), 1);
            assertThat(e).as(code).isInstanceOf(InvalidRequestException.class).hasMessageContaining(code);
        }
    }

    @Test
    void otherServiceErrors_keepStatusAndCode() {
        LambdaException e = ExceptionMapper.map(Operation.INVOKE, "f",
                service(software.amazon.awssdk.services.lambda.model.LambdaException.builder(), 500,
                        "ServiceException", "boom"), 1);
        assertThat(e).isInstanceOfSatisfying(LambdaServiceException.class, s -> {
            assertThat(s.statusCode()).isEqualTo(500);
            assertThat(s.errorCode()).isEqualTo("ServiceException");
        });
    }

    @Test
    void aConflict_isResourceConflict_stillALambdaServiceException_withStatusAndCode() {
        LambdaException e = ExceptionMapper.map(Operation.CREATE_ALIAS, "f",
                service(software.amazon.awssdk.services.lambda.model.ResourceConflictException.builder(), 409,
                        "ResourceConflictException", "Alias already exists: arn:aws:lambda:::function:f:live"), 1);
        assertThat(e).isInstanceOfSatisfying(ResourceConflictException.class, c -> {
            assertThat(c.statusCode()).isEqualTo(409);
            assertThat(c.errorCode()).isEqualTo("ResourceConflictException");
            assertThat(c.functionName()).isEqualTo("f");
        }).isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("CreateAlias of function 'f' failed").hasMessageContaining("Alias already exists");
    }

    @Test
    void aStaleRevision_isPreconditionFailed_sayingToReadItAgain() {
        LambdaException e = ExceptionMapper.map(Operation.UPDATE_ALIAS_IF_REVISION, "f",
                service(software.amazon.awssdk.services.lambda.model.PreconditionFailedException.builder(), 412,
                        "PreconditionFailedException", "The Revision Id provided does not match"), 1);
        assertThat(e).isInstanceOfSatisfying(PreconditionFailedException.class, c -> {
            assertThat(c.statusCode()).isEqualTo(412);
            assertThat(c.errorCode()).isEqualTo("PreconditionFailedException");
        }).hasMessageContaining("Revision Id provided").hasMessageContaining("Read it again");
    }

    @Test
    void connectFailure_isUnreachable_readTimeout_isTimeout() {
        LambdaException refused = ExceptionMapper.map(Operation.INVOKE, "f",
                SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused")), 2);
        assertThat(refused).isInstanceOfSatisfying(EndpointUnavailableException.class, u -> {
            assertThat(u.isTimeout()).isFalse();
            assertThat(u.getMessage()).contains("could not reach", "after 2 attempt(s)");
        });
        LambdaException timeout = ExceptionMapper.map(Operation.INVOKE, "f",
                SdkClientException.create("Read timed out", new SocketTimeoutException("Read timed out")), 1);
        assertThat(timeout).isInstanceOfSatisfying(EndpointUnavailableException.class,
                u -> assertThat(u.isTimeout()).isTrue()).hasMessageContaining("ReadTimeoutMillis");
    }

    @Test
    void noPooledConnectionInTime_isUnreachable_notATimeout_inEveryHttpClient() {
        // Apache 5's pool (the synchronous client) and the SDK's Netty pool (streams): nothing was sent
        List<Throwable> causes = List.of(new ConnectionRequestTimeoutException("Timeout deadline: 5000 MILLISECONDS"),
                new Throwable("Acquire operation took longer than the configured maximum time. This indicates ...",
                        new TimeoutException("Acquire operation took longer than 5000 milliseconds.")));
        for (Throwable cause : causes) {
            LambdaException e = ExceptionMapper.map(Operation.INVOKE, "f",
                    SdkClientException.create("Unable to execute HTTP request", cause), 4);
            assertThat(e).isInstanceOfSatisfying(EndpointUnavailableException.class,
                    u -> assertThat(u.isTimeout()).as("a request never sent").isFalse())
                    .hasMessageContaining("could not reach", "after 4 attempt(s)");
        }
    }

    @Test
    void nettysReadTimeout_isATimeout() {
        // the SDK's Netty client (response streams) wraps Netty's own read timeout in an IOException
        LambdaException e = ExceptionMapper.map(Operation.INVOKE, "f", SdkClientException.create("Read timed out",
                new IOException("Read timed out", ReadTimeoutException.INSTANCE)), 1);
        assertThat(e).isInstanceOfSatisfying(EndpointUnavailableException.class,
                u -> assertThat(u.isTimeout()).isTrue()).hasMessageContaining("ReadTimeoutMillis");
    }

    @Test
    void callTimeout_saysThatTheWholeCallsBoundRanOut() {
        LambdaException e = ExceptionMapper.map(Operation.GET_FUNCTION, "f", ApiCallTimeoutException.create(1893), 2);
        assertThat(e).isInstanceOfSatisfying(EndpointUnavailableException.class,
                u -> assertThat(u.isTimeout()).isTrue())
                .hasMessageContaining("CallTimeoutMillis", "whole call", "after 2 attempt(s)");
    }

    @Test
    void errorAnswerWithoutAnAwsErrorCode_isLambdaServiceException_withItsStatus() {
        // an HTML 502 from a proxy: no error code, no AWS message
        AwsServiceException html = software.amazon.awssdk.services.lambda.model.LambdaException
                .builder().statusCode(502).message("<html>Bad Gateway</html>").build();
        LambdaException e = ExceptionMapper.map(Operation.LIST_FUNCTIONS, null, html, 2);
        assertThat(e).isInstanceOfSatisfying(LambdaServiceException.class,
                s -> assertThat(s.statusCode()).isEqualTo(502))
                .hasMessageContaining("no AWS error code; the answer began: <html>Bad Gateway</html>");
        AwsServiceException badRequest = software.amazon.awssdk.services.lambda.model
                .LambdaException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorMessage("garbage").build()).build();
        assertThat(ExceptionMapper.map(Operation.INVOKE, "f", badRequest, 1)).isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void errorAnswerWithoutAnAwsErrorCode_quotesTheBodyAsSent_inOnePrintableLine() {
        // what the SDK makes of a proxy's page: no code, no message, the body only in the raw response
        AwsServiceException html = software.amazon.awssdk.services.lambda.model.LambdaException
                .builder().statusCode(502).awsErrorDetails(AwsErrorDetails.builder().rawResponse(SdkBytes
                        .fromUtf8String("<html>\r\n<head><title>502 Bad Gateway</title></head>\u0001")).build())
                .build();
        assertThat(ExceptionMapper.map(Operation.GET_FUNCTION, "f", html, 2)).isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("(HTTP 502): no AWS error code; the answer began: <html> <head><title>502 Bad "
                        + "Gateway</title></head>?");
    }

    @Test
    void a200ThatIsNotJson_isAServiceError_notALostConnection() {
        // what the SDK throws for a captive portal's HTML page answered with 200
        SdkClientException portal = SdkClientException.create("Unable to unmarshall response (JsonParseException: "
                + "Unexpected character ('<' (code 60))). Response Code: 200, Response Text: OK",
                new java.io.UncheckedIOException(new software.amazon.awssdk.thirdparty.jackson.core.JsonParseException(
                        null, "Unexpected character ('<' (code 60))")));
        LambdaException e = ExceptionMapper.map(Operation.GET_FUNCTION, "f", portal, 2);
        assertThat(e).isInstanceOfSatisfying(LambdaServiceException.class,
                s -> assertThat(s.statusCode()).isEqualTo(200))
                .hasMessageContaining("(HTTP 200): the answer is not JSON", "Unexpected character ('<'")
                .hasMessageNotContaining("lost its connection");
    }

    @Test
    void a429WithoutAnAwsErrorCode_isThrottled() {
        AwsServiceException proxy = software.amazon.awssdk.services.lambda.model.LambdaException
                .builder().statusCode(429).message("Too Many Requests").build();
        LambdaException e = ExceptionMapper.map(Operation.INVOKE, "f", proxy, 3);
        assertThat(e).isInstanceOfSatisfying(ThrottledException.class, t -> {
            assertThat(t.attempts()).isEqualTo(3);
            assertThat(t.reason()).isEmpty();
        });
        assertThat(e).hasMessageContaining("HTTP 429");
    }

    @Test
    void anAnswerOfAnotherShape_isAServiceError_butAConnectionFailingUnderTheRead_isALostConnection() {
        // what the SDK throws for JSON whose member has another type than Lambda's, and for a reset under its read
        SdkClientException shape = SdkClientException.create("Unable to unmarshall response (For input string: "
                + "\"lots\"). Response Code: 200, Response Text: OK", new NumberFormatException("For input string: "
                + "\"lots\""));
        assertThat(ExceptionMapper.map(Operation.GET_FUNCTION, "f", shape, 1))
                .isInstanceOf(LambdaServiceException.class)
                .hasMessageContaining("(HTTP 200): the answer is JSON that does not have the shape of Lambda's");
        SdkClientException reset = SdkClientException.create("Unable to unmarshall response (Connection reset). "
                + "Response Code: 200, Response Text: OK", new java.io.UncheckedIOException(
                        new java.net.SocketException("Connection reset")));
        assertThat(ExceptionMapper.map(Operation.GET_FUNCTION, "f", reset, 2))
                .isInstanceOf(EndpointUnavailableException.class)
                .hasMessageContaining("lost its connection to the Lambda endpoint after 2 attempt(s)");
    }

    @Test
    void checksumMismatch_saysSo_ratherThanALostConnection() {
        SdkClientException mismatch = SdkClientException.create("Unable to unmarshall response",
                software.amazon.awssdk.core.exception.Crc32MismatchException.builder()
                        .message("Expected 1234 as the Crc32 checksum but the actual calculated checksum was 5678")
                        .build());
        LambdaException e = ExceptionMapper.map(Operation.GET_FUNCTION, "f", mismatch, 1);
        assertThat(e).isInstanceOfSatisfying(EndpointUnavailableException.class,
                u -> assertThat(u.isTimeout()).isFalse())
                .hasMessageContaining("CRC32 checksum does not match").hasMessageNotContaining("lost its connection");
    }

    @Test
    void aFailureThatIsNeitherAnAnswerNorALostConnection_isAnUnexpectedFailure_withItsSecretsMasked() {
        IllegalStateException bug = new IllegalStateException(
                "interceptor broke with aws_secret_access_key=abcdEXAMPLE");
        LambdaException e = ExceptionMapper.map(Operation.INVOKE, "f", bug, 1);
        assertThat(e).isExactlyInstanceOf(UnexpectedFailureException.class)
                .hasMessageContaining("IllegalStateException: interceptor broke", "aws_secret_access_key=****")
                .hasMessageNotContaining("abcdEXAMPLE");
        assertThat(e.getCause()).as("the cause is kept, its secret masked").isNotNull()
                .hasMessageContaining("interceptor broke").hasMessageNotContaining("abcdEXAMPLE");
        assertThat(e.functionName()).isEqualTo("f");
    }
}
