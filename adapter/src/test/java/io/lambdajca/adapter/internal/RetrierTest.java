package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class RetrierTest {

    private final List<Long> sleeps = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(2000),
            Duration.ofMillis(10_000), false);
    private final Retrier retrier = new Retrier(policy, sleeps::add);

    private static TooManyRequestsException throttled(String retryAfter) {
        return TooManyRequestsException.builder().retryAfterSeconds(retryAfter)
                .statusCode(429).reason("ConcurrentInvocationLimitExceeded").build();
    }

    @Test
    void throttling_isRetried_honouringRetryAfter_thenGivesUp() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.INVOKE, "f", () -> {
            calls.incrementAndGet();
            throw throttled("1");
        })).isInstanceOfSatisfying(Retrier.Exhausted.class, e -> assertThat(e.attempts).isEqualTo(4));
        assertThat(calls).hasValue(4);
        assertThat(sleeps).hasSize(3).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(1000L));
    }

    @Test
    void a429WithoutAnAwsErrorCode_isRetriedForInvoke() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call(Operation.INVOKE, "f", () -> {
            if (calls.incrementAndGet() < 2) {
                throw software.amazon.awssdk.services.lambda.model.LambdaException.builder().statusCode(429)
                        .message("Too Many Requests").build();
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void throttling_whoseRetryAfterExceedsTheBudget_isNotRetried() {
        assertThatThrownBy(() -> retrier.call(Operation.INVOKE, "f", () -> {
            throw throttled("60");
        })).isInstanceOfSatisfying(Retrier.Exhausted.class, e -> assertThat(e.attempts).isEqualTo(1));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void connectFailure_isRetriedForInvoke_thenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call(Operation.INVOKE, "f", () -> {
            if (calls.incrementAndGet() < 3) {
                throw SdkClientException.create("Unable to execute HTTP request",
                        new ConnectException("Connection refused"));
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(sleeps).hasSize(2).allSatisfy(ms -> assertThat(ms).isBetween(0L, 2000L));
    }

    @Test
    void readTimeout_isNotRetriedForInvoke_soTheFunctionDoesNotRunTwice() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.INVOKE, "f", () -> {
            calls.incrementAndGet();
            throw SdkClientException.create("Read timed out", new SocketTimeoutException("Read timed out"));
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void readTimeout_isRetriedForInvoke_whenThePolicyAllowsIt() {
        Retrier lenient = new Retrier(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), true),
                sleeps::add);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> lenient.call(Operation.INVOKE, "f", () -> {
            calls.incrementAndGet();
            throw SdkClientException.create("Read timed out", new SocketTimeoutException("Read timed out"));
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void readTimeout_isRetriedForIdempotentOperations() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.LIST_FUNCTIONS, null, () -> {
            calls.incrementAndGet();
            throw SdkClientException.create("Read timed out", new SocketTimeoutException("Read timed out"));
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(4);
    }

    @Test
    void serverError_isRetriedOnlyForIdempotentOperations() {
        AtomicInteger calls = new AtomicInteger();
        ServiceException error = ServiceException.builder().statusCode(500).build();
        assertThatThrownBy(() -> retrier.call(Operation.INVOKE, "f", () -> {
            calls.incrementAndGet();
            throw error;
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void clientErrors_areNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.GET_FUNCTION, "f", () -> {
            calls.incrementAndGet();
            throw ResourceNotFoundException.builder().statusCode(404).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("ResourceNotFoundException").sdkHttpResponse(SdkHttpResponse.builder().statusCode(404)
                            .build()).build()).build();
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(1);
    }
}
