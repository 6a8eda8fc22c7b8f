package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lambdajca.api.ConnectionUnavailableException;
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
    /** A fake clock that only the fake sleeper and the attempts move. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Retrier retrier = new Retrier(policy, null, sleeps::add, nanos::get);

    private static TooManyRequestsException throttled(String retryAfter) {
        return TooManyRequestsException.builder().retryAfterSeconds(retryAfter)
                .statusCode(429).reason("ConcurrentInvocationLimitExceeded").build();
    }

    @Test
    void throttling_isRetried_honouringRetryAfter_thenGivesUp() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.INVOKE, "f", left -> {
            calls.incrementAndGet();
            throw throttled("1");
        })).isInstanceOfSatisfying(Retrier.Exhausted.class, e -> assertThat(e.attempts).isEqualTo(4));
        assertThat(calls).hasValue(4);
        assertThat(sleeps).hasSize(3).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(1000L));
    }

    @Test
    void a429WithoutAnAwsErrorCode_isRetriedForInvoke() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call(Operation.INVOKE, "f", left -> {
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
    void credentialsThatCannotBeHad_areRetriedOnlyWhenNoFailureInTheChainIsFinal() {
        // a chained profile: its STS call failed because its source, the default chain, found no credentials
        io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException source =
                new io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException("no credentials found",
                        null, false, null);
        io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException chained =
                new io.lambdajca.adapter.internal.credentials.CredentialsUnavailableException("STS AssumeRole of r "
                        + "failed: no credentials found", null, software.amazon.awssdk.core.exception
                        .SdkClientException.create("no credentials found", source));
        assertThat(chained.retryable()).as("the outer failure alone").isTrue();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.LIST_FUNCTIONS, null, left -> {
            calls.incrementAndGet();
            throw software.amazon.awssdk.core.exception.SdkClientException.create(chained.getMessage(), chained);
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).as("calls").hasValue(1);
    }

    @Test
    void throttling_whoseRetryAfterExceedsTheBudget_isNotRetried() {
        assertThatThrownBy(() -> retrier.call(Operation.INVOKE, "f", left -> {
            throw throttled("60");
        })).isInstanceOfSatisfying(Retrier.Exhausted.class, e -> assertThat(e.attempts).isEqualTo(1));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void throttling_withARetryAfterTooLargeForMilliseconds_isRetriedAsWithoutOne_andReportsNoHint() {
        // an answer Lambda never gives (a proxy's, an emulator's): Duration.toMillis() would overflow
        assertThatThrownBy(() -> retrier.sdkCall(Operation.INVOKE, "f", o -> {
            throw throttled("99999999999999999");
        })).isInstanceOfSatisfying(io.lambdajca.api.ThrottledException.class,
                e -> assertThat(e.retryAfter()).as("no hint the application could not use").isEmpty());
        assertThat(sleeps).hasSize(3).allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(2_000L));
    }

    @Test
    void connectFailure_isRetriedForInvoke_thenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call(Operation.INVOKE, "f", left -> {
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
    void noPooledConnectionInTime_isRetriedForInvoke_asNothingWasSent() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call(Operation.INVOKE, "f", left -> {
            if (calls.incrementAndGet() < 2) {
                throw SdkClientException.create("Unable to execute HTTP request",
                        new ConnectionRequestTimeoutException("Timeout deadline: 5000 MILLISECONDS"));
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aCallWaitingToRetry_whenTheAdapterStops_sendsNothingMore_andIsConnectionUnavailable() {
        AtomicBoolean stopped = new AtomicBoolean();
        Retrier stopping = new Retrier(policy, null, ms -> stopped.set(true), nanos::get, stopped::get);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> stopping.call(Operation.INVOKE, "f", left -> {
            calls.incrementAndGet();
            throw throttled("1");
        })).isInstanceOfSatisfying(ConnectionUnavailableException.class, e -> {
            assertThat(e.functionName()).isEqualTo("f");
            assertThat(e.getMessage()).contains("Invoke of 'f' was not sent again", "adapter stopped",
                    "after 1 attempt(s)");
        });
        assertThat(calls).hasValue(1);
    }

    @Test
    void aCallWaitingToRetry_stopsWaiting_whenTheAdapterStops() throws Exception {
        OpenStreams adapter = new OpenStreams();
        RetryPolicy patient = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(2000),
                Duration.ofMinutes(10), false);
        Retrier waiting = new Retrier(patient, null, adapter);
        CountDownLatch attempted = new CountDownLatch(1);
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> waiting.call(Operation.INVOKE, "f",
                left -> {
                    attempted.countDown();
                    throw throttled("300"); // the next attempt five minutes away
                }));
        assertThat(attempted.await(30, TimeUnit.SECONDS)).isTrue();
        adapter.abortAll();
        // well before the five minutes: the wait ends with the stop
        assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("adapter stopped").hasMessageContaining("after 1 attempt(s)");
    }

    @Test
    void theLargestDelaysConfigured_backOffWithoutOverflowing() {
        RetryPolicy huge = new RetryPolicy(3, Duration.ofMillis(Long.MAX_VALUE), Duration.ofMillis(Long.MAX_VALUE),
                Duration.ofMillis(Long.MAX_VALUE), false);
        Retrier retrier = new Retrier(huge, null, sleeps::add, nanos::get);
        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            // a random share of a cap that stays Long.MAX_VALUE: never an exception, never a wrapped negative cap
            assertThat(retrier.retryDelay(Operation.INVOKE, refused, attempt, 0)).isNotNegative();
        }
        RetryPolicy bigBase = new RetryPolicy(3, Duration.ofMillis(Long.MAX_VALUE / 2), Duration.ofMillis(
                Long.MAX_VALUE), Duration.ofMillis(Long.MAX_VALUE), false);
        long[] delays = new long[50];
        for (int i = 0; i < delays.length; i++) { // 2^20 times the base overflowed to 0: no backoff at all
            delays[i] = new Retrier(bigBase, null, sleeps::add, nanos::get).retryDelay(Operation.INVOKE, refused, 3, 0);
        }
        assertThat(Arrays.stream(delays).max().getAsLong()).isGreaterThan(Long.MAX_VALUE / 8);
    }

    @Test
    void readTimeout_isNotRetriedForInvoke_soTheFunctionDoesNotRunTwice() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.INVOKE, "f", left -> {
            calls.incrementAndGet();
            throw SdkClientException.create("Read timed out", new SocketTimeoutException("Read timed out"));
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void readTimeout_isRetriedForInvoke_whenThePolicyAllowsIt() {
        Retrier lenient = new Retrier(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), true),
                null, sleeps::add, nanos::get);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> lenient.call(Operation.INVOKE, "f", left -> {
            calls.incrementAndGet();
            throw SdkClientException.create("Read timed out", new SocketTimeoutException("Read timed out"));
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void readTimeout_isRetriedForIdempotentOperations() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.LIST_FUNCTIONS, null, left -> {
            calls.incrementAndGet();
            throw SdkClientException.create("Read timed out", new SocketTimeoutException("Read timed out"));
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(4);
    }

    @Test
    void serverError_isRetriedOnlyForIdempotentOperations() {
        AtomicInteger calls = new AtomicInteger();
        ServiceException error = ServiceException.builder().statusCode(500).build();
        assertThatThrownBy(() -> retrier.call(Operation.INVOKE, "f", left -> {
            calls.incrementAndGet();
            throw error;
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(1);
    }

    /**
     * The management changes: a server error (the change may have been made) is resent only where a resend leaves
     * the same result; throttling (nothing was done) is resent for all of them.
     */
    @ParameterizedTest(name = "{0}: {1} call(s)")
    @CsvSource({"PUBLISH_VERSION, 4", "CREATE_ALIAS, 1", "UPDATE_ALIAS, 4", "UPDATE_ALIAS_IF_REVISION, 1",
            "DELETE_ALIAS, 4", "PUT_CONCURRENCY, 4", "DELETE_CONCURRENCY, 4", "TAG, 4", "UNTAG, 4",
            "LIST_VERSIONS, 4", "LIST_ALIASES, 4", "GET_ALIAS, 4", "GET_CONCURRENCY, 4", "LIST_TAGS, 4"})
    void aServerErrorOfAManagementCall_isResentOnlyWhereThatIsSafe(Operation operation, int expectedCalls) {
        AtomicInteger calls = new AtomicInteger();
        ServiceException error = ServiceException.builder().statusCode(500).build();
        assertThatThrownBy(() -> retrier.call(operation, "f", left -> {
            calls.incrementAndGet();
            throw error;
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(expectedCalls);

        AtomicInteger throttledCalls = new AtomicInteger();
        String result = retrier.call(operation, "f", left -> {
            if (throttledCalls.incrementAndGet() == 1) {
                throw throttled(null);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
    }

    @Test
    void clientErrors_areNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(Operation.GET_FUNCTION, "f", left -> {
            calls.incrementAndGet();
            throw ResourceNotFoundException.builder().statusCode(404).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("ResourceNotFoundException").sdkHttpResponse(SdkHttpResponse.builder().statusCode(404)
                            .build()).build()).build();
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(1);
    }

    /** A retrier whose call timeout is 5 s and whose sleeps move the fake clock. */
    private Retrier bounded(RetryPolicy p) {
        return new Retrier(p, Duration.ofMillis(5_000), ms -> {
            sleeps.add(ms);
            advance(ms);
        }, nanos::get);
    }

    private void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    private static SdkClientException readTimeout() {
        return SdkClientException.create("Read timed out", new SocketTimeoutException("Read timed out"));
    }

    @Test
    void eachAttempt_isGivenWhatIsLeftOfTheCallTimeout() {
        List<Duration> given = new ArrayList<>();
        Retrier r = bounded(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), false));
        String result = r.call(Operation.GET_FUNCTION, "f", left -> {
            given.add(left);
            if (given.size() < 3) {
                advance(1_500); // each failed attempt takes 1.5 s
                throw readTimeout();
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(given).containsExactly(Duration.ofMillis(5_000), Duration.ofMillis(3_500),
                Duration.ofMillis(2_000));
    }

    @Test
    void noRetryStarts_whenTooLittleOfTheCallTimeoutIsLeft() {
        // 3 s read timeout, 5 s call timeout: the retry gets the 2 s left; after that, nothing is left for a third
        Retrier r = bounded(new RetryPolicy(5, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), false));
        List<Duration> given = new ArrayList<>();
        assertThatThrownBy(() -> r.call(Operation.GET_FUNCTION, "f", left -> {
            given.add(left);
            advance(Math.min(3_000, left.toMillis()));
            throw readTimeout();
        })).isInstanceOfSatisfying(Retrier.Exhausted.class, e -> assertThat(e.attempts).isEqualTo(2));
        assertThat(given).containsExactly(Duration.ofMillis(5_000), Duration.ofMillis(2_000));
    }

    @Test
    void aRetryWhoseWaitLeavesLessThanTheMinimum_isNotStarted() {
        // 4.6 s used; a Retry-After of 1 s would start the retry after the call timeout
        Retrier r = bounded(policy);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> r.call(Operation.INVOKE, "f", left -> {
            calls.incrementAndGet();
            advance(4_600);
            throw throttled("1");
        })).isInstanceOfSatisfying(Retrier.Exhausted.class, e -> assertThat(e.attempts).isEqualTo(1));
        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void throttling_isRetriedWithinTheCallTimeout_thenStops() {
        // Retry-After 1 s, 100 ms per attempt: attempts start at 0, 1.1, 2.2, 3.3 and 4.4 s (0.6 s left, above the
        // 0.5 s minimum); after the fifth only 0.5 s is left, less than the 1 s wait
        Retrier r = bounded(new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(2000),
                Duration.ofSeconds(60), false));
        AtomicInteger calls = new AtomicInteger();
        long start = nanos.get();
        assertThatThrownBy(() -> r.call(Operation.INVOKE, "f", left -> {
            calls.incrementAndGet();
            advance(100);
            throw throttled("1");
        })).isInstanceOf(Retrier.Exhausted.class);
        assertThat(calls).hasValue(5);
        assertThat((nanos.get() - start) / 1_000_000).isLessThanOrEqualTo(5_000);
    }

    @Test
    void theMinimumAttempt_isOneSecond_orATenthOfAShortCallTimeout() {
        assertThat(Retrier.minimumAttempt(Duration.ofSeconds(910))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Retrier.minimumAttempt(Duration.ofMillis(5_000))).isEqualTo(Duration.ofMillis(500));
    }
}
