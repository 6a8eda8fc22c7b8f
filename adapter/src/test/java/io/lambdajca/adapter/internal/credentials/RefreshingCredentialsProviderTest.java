package io.lambdajca.adapter.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.testing.CapturedLog;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The refresh schedule of temporary credentials on a hand-moved clock and a scheduler that runs tasks only when told:
 * the background refresh falls due at half the lifetime (at most 5 minutes before expiry), a failed refresh is retried
 * after a quarter of what is left (1 to 30 s) until the credentials expire, callers take the cached credentials without
 * waiting until the last tenth of the lifetime (at most a minute), then wait for a fetch, and close cancels the
 * schedule. When the adapter stops,
 * refreshing stops first (one under way ends, callers are still served), then close fails what has not ended.
 */
class RefreshingCredentialsProviderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeScheduler scheduler = new FakeScheduler(T0);
    private final Fetcher fetcher = new Fetcher(scheduler);
    private final RefreshingCredentialsProvider provider = new RefreshingCredentialsProvider("test profile", fetcher,
            scheduler, scheduler.clock());
    /** The application threads that call the provider. */
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        provider.close();
        callers.shutdownNow();
    }

    @Test
    void firstCall_waitsForAFetchOnTheScheduler() throws Exception {
        fetcher.lifetime = Duration.ofMinutes(8);
        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();
        assertThat(caller.isDone()).as("the caller waits while the fetch has not run").isFalse();
        assertThat(fetcher.calls()).isZero();

        scheduler.runQueued();

        assertThat(key(caller.get(WAIT.toSeconds(), TimeUnit.SECONDS))).isEqualTo("key-1");
        assertThat(fetcher.calls()).isEqualTo(1);
    }

    @Test
    void backgroundRefresh_fallsDueAtHalfTheLifetime() {
        fetcher.lifetime = Duration.ofMinutes(8);
        assertThat(key(firstFetch())).isEqualTo("key-1");
        assertThat(scheduler.pending()).singleElement()
                .satisfies(t -> assertThat(t.dueAt).isEqualTo(T0.plus(Duration.ofMinutes(4))));

        scheduler.advance(Duration.ofMinutes(4).minusMillis(1));
        assertThat(fetcher.calls()).as("nothing fetched before half the lifetime").isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(fetcher.calls()).isEqualTo(2);

        assertThat(key(provider.resolveCredentials())).isEqualTo("key-2");
        assertThat(scheduler.queuedCount()).as("the caller needed no fetch").isZero();
        assertThat(scheduler.pending()).singleElement()
                .satisfies(t -> assertThat(t.dueAt).isEqualTo(T0.plus(Duration.ofMinutes(8))));
    }

    @Test
    void backgroundRefresh_ofLongCredentials_fallsDueFiveMinutesBeforeExpiry() {
        fetcher.lifetime = Duration.ofHours(1);
        firstFetch();
        assertThat(scheduler.pending()).singleElement()
                .satisfies(t -> assertThat(t.dueAt).isEqualTo(T0.plus(Duration.ofMinutes(55))));
        scheduler.advance(Duration.ofMinutes(55));
        assertThat(fetcher.calls()).isEqualTo(2);
    }

    @Test
    void whileTheBackgroundRefreshIsUnderWay_callersGetTheCachedCredentialsWithoutWaiting() throws Exception {
        HeldRefresh refresh = backgroundRefreshUnderWay();

        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-1");
        scheduler.moveClock(Duration.ofMinutes(3).plusSeconds(11)); // 7 min 11 s: not yet the last tenth
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-1");
        assertThat(scheduler.queuedCount()).as("no caller started a fetch of its own").isZero();

        refresh.finish();
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-2");
        assertThat(fetcher.calls()).isEqualTo(2);
    }

    @Test
    void failedBackgroundRefresh_isRetriedAfterAQuarterOfWhatIsLeft_whileCallersKeepTheOldCredentials() {
        fetcher.lifetime = Duration.ofSeconds(20);
        firstFetch();
        fetcher.failing = true;
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(fetcher.calls()).as("the refresh was tried").isEqualTo(2);
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-1");
        // 10 s left: the retry comes after 2.5 s
        assertThat(scheduler.pending()).singleElement()
                .satisfies(t -> assertThat(t.dueAt).isEqualTo(T0.plusMillis(12_500)));

        scheduler.advance(Duration.ofMillis(2_500));
        assertThat(fetcher.calls()).isEqualTo(3);
        fetcher.failing = false;
        // 7.5 s left: the next retry after 1.875 s
        assertThat(scheduler.pending()).singleElement()
                .satisfies(t -> assertThat(t.dueAt).isEqualTo(T0.plusMillis(14_375)));
        scheduler.advance(Duration.ofMillis(1_875));

        assertThat(fetcher.calls()).isEqualTo(4);
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-4");
        assertThat(scheduler.queuedCount()).isZero();
    }

    @Test
    void retryDelay_isAtLeastOneSecond_andAtMostThirty() {
        fetcher.lifetime = Duration.ofSeconds(2);
        firstFetch();
        fetcher.failing = true;
        scheduler.advance(Duration.ofSeconds(1)); // 1 s left: a quarter is 250 ms
        assertThat(scheduler.pending()).singleElement()
                .satisfies(t -> assertThat(t.dueAt).isEqualTo(T0.plusSeconds(2)));

        FakeScheduler other = new FakeScheduler(T0);
        Fetcher longLived = new Fetcher(other);
        longLived.lifetime = Duration.ofHours(1);
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider("long", longLived, other, other.clock());
        Future<AwsCredentials> caller = callers.submit(p::resolveCredentials);
        await(() -> other.queuedCount() == 1, "the first fetch to be queued");
        other.runQueued();
        await(caller::isDone, "the first fetch");
        longLived.failing = true;
        other.advance(Duration.ofMinutes(55)); // 5 min left: a quarter is 75 s
        assertThat(other.pending()).singleElement()
                .satisfies(t -> assertThat(t.dueAt).isEqualTo(T0.plus(Duration.ofMinutes(55)).plusSeconds(30)));
        p.close();
    }

    @Test
    void inTheLastTenthOfTheLifetime_aCallerWaitsForAFreshFetch() throws Exception {
        fetcher.lifetime = Duration.ofMinutes(8);
        firstFetch();
        // the background refresh is not run (say the scheduler is busy): 7 min 12 s is the last tenth (48 s)
        scheduler.moveClock(Duration.ofMinutes(7).plusSeconds(12).minusMillis(1));
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-1");
        scheduler.moveClock(Duration.ofMillis(1));

        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();
        assertThat(caller.isDone()).as("the caller waits for the fetch").isFalse();
        scheduler.runQueued();
        assertThat(key(caller.get(WAIT.toSeconds(), TimeUnit.SECONDS))).isEqualTo("key-2");
    }

    @Test
    void lastTenth_ofLongCredentials_isTheLastMinute() throws Exception {
        fetcher.lifetime = Duration.ofHours(1);
        firstFetch();
        scheduler.moveClock(Duration.ofMinutes(59).minusMillis(1));
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-1");
        scheduler.moveClock(Duration.ofMillis(1));
        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();
        assertThat(caller.isDone()).isFalse();
        scheduler.runQueued();
        assertThat(key(caller.get(WAIT.toSeconds(), TimeUnit.SECONDS))).isEqualTo("key-2");
    }

    @Test
    void expiredCredentials_areNeverHandedOut_theCallerWaitsAndGetsTheFetchFailure() throws Exception {
        fetcher.lifetime = Duration.ofMinutes(8);
        firstFetch();
        scheduler.moveClock(Duration.ofMinutes(9));
        fetcher.failing = true;
        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();
        assertThat(caller.isDone()).isFalse();
        scheduler.runQueued();
        assertThatThrownBy(() -> caller.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("STS is down (fetch 2)");
    }

    @Test
    void aRefreshFailingOnceTheCredentialsHaveExpired_isNotRetriedInTheBackground_theNextCallerFetches()
            throws Exception {
        fetcher.lifetime = Duration.ofSeconds(2);
        firstFetch();
        fetcher.failing = true;
        scheduler.advance(Duration.ofSeconds(1)); // half the lifetime: the refresh fails, retried at the expiry
        assertThat(fetcher.calls()).isEqualTo(2);
        scheduler.advance(Duration.ofSeconds(1)); // at the expiry: fails again, and nothing more is scheduled
        assertThat(fetcher.calls()).isEqualTo(3);
        assertThat(scheduler.pending()).isEmpty();
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(fetcher.calls()).as("no STS call while no one needs the credentials").isEqualTo(3);

        // a caller needs them: it fetches, and once that succeeds the background refreshes resume
        fetcher.failing = false;
        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();
        scheduler.runQueued();
        assertThat(key(caller.get(WAIT.toSeconds(), TimeUnit.SECONDS))).isEqualTo("key-4");
        assertThat(scheduler.pending()).singleElement().satisfies(t -> assertThat(t.dueAt)
                .isEqualTo(T0.plus(Duration.ofSeconds(2)).plus(Duration.ofMinutes(10)).plusSeconds(1)));
    }

    @Test
    void close_cancelsTheScheduledRefresh_andStopsFurtherFetches() {
        fetcher.lifetime = Duration.ofMinutes(8);
        firstFetch();
        FakeScheduler.Task refresh = scheduler.pending().get(0);

        provider.close();

        assertThat(refresh.isCancelled()).isTrue();
        scheduler.advance(Duration.ofHours(1));
        assertThat(fetcher.calls()).isEqualTo(1);
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(scheduler.queuedCount()).isZero();
    }

    @Test
    void close_duringABackgroundRefresh_schedulesNoOther_andHandsOutNothing() throws Exception {
        HeldRefresh refresh = backgroundRefreshUnderWay();

        provider.close();
        refresh.finish();

        assertThat(scheduler.pending()).as("no refresh after close").isEmpty();
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void stopRefreshing_cancelsTheScheduledRefresh_andCallersKeepTheCachedCredentials() {
        fetcher.lifetime = Duration.ofMinutes(8);
        firstFetch();
        FakeScheduler.Task refresh = scheduler.pending().get(0);

        provider.stopRefreshing();

        assertThat(refresh.isCancelled()).isTrue();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(fetcher.calls()).as("no background refresh").isEqualTo(1);
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-1");
    }

    @Test
    void stopRefreshing_duringABackgroundRefresh_letsItEnd_keepsItsCredentials_andSchedulesNoOther() throws Exception {
        HeldRefresh refresh = backgroundRefreshUnderWay();

        provider.stopRefreshing();
        refresh.finish();

        assertThat(scheduler.pending()).as("no refresh after it").isEmpty();
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-2");
    }

    @Test
    void aBackgroundRefreshFailing_afterStopRefreshing_isNeitherReportedNorRetried() throws Exception {
        HeldRefresh refresh = backgroundRefreshUnderWay();
        fetcher.failing = true; // read when the held fetch goes on
        List<String> warnings = warningsWhile(() -> {
            provider.stopRefreshing();
            refresh.finish();
        });

        assertThat(warnings).as("warnings logged").isEmpty();
        assertThat(scheduler.pending()).as("no retry").isEmpty();
    }

    @Test
    void close_failsAFetchThatHasNotRun_forTheCallerWaitingForIt() throws Exception {
        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();

        provider.close();

        assertThatThrownBy(() -> caller.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("the credentials of test profile are closed (adapter stopped)");
    }

    @Test
    void aCallerWaitingForAFetch_stopsWaitingWhenInterrupted_asTheSdksCallTimeoutDoes() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                provider.resolveCredentials();
            } catch (RuntimeException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        }, "test-caller");
        caller.start();
        awaitQueuedFetch(); // the fetch has not run: the caller waits for it

        caller.interrupt();
        caller.join(WAIT.toMillis());

        assertThat(caller.isAlive()).as("the caller stopped waiting").isFalse();
        // as the credentials' failure: the application gets AccessDeniedException, not a lost connection
        assertThat(failure.get()).isInstanceOf(AbortedException.class).cause()
                .isInstanceOf(CredentialsUnavailableException.class)
                .hasMessage("Waited for the credentials of test profile until the call's time ran out "
                        + "(CallTimeoutMillis; or its thread was interrupted): their fetch was still under way");
        assertThat(stillInterrupted).as("the interrupt is kept for the SDK to see").isTrue();
    }

    @Test
    void anUnforeseenFailureOfTheFetch_reachesTheCaller_asTheCredentialsFailure_namingTheProfile() {
        fetcher.failing = true;

        assertThat(firstFetchFailure())
                .hasMessage("Fetching the credentials of test profile failed: java.lang.IllegalStateException: "
                        + "STS is down (fetch 1)");
    }

    @Test
    void temporaryCredentialsWithoutAnExpiration_reachTheCaller_asTheCredentialsFailure() {
        fetcher.lifetime = null;

        assertThat(firstFetchFailure())
                .hasMessageContaining("the credentials of test profile failed")
                .hasMessageContaining("temporary credentials without an expiry");
    }

    @Test
    void anErrorInTheFetch_reachesTheWaitingCaller_asItself() throws Exception {
        fetcher.error = new NoClassDefFoundError("software/amazon/Gone");
        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();

        scheduler.runQueued();

        assertThatThrownBy(() -> caller.get(WAIT.toSeconds(), TimeUnit.SECONDS)).cause().isSameAs(fetcher.error);
    }

    @Test
    void anErrorInABackgroundRefresh_isReported_andRetried_likeAFailure() throws Exception {
        fetcher.lifetime = Duration.ofSeconds(20);
        firstFetch();
        fetcher.error = new NoClassDefFoundError("software/amazon/Gone");
        List<String> warnings = warningsWhile(() -> scheduler.advance(Duration.ofSeconds(10)));

        assertThat(warnings).singleElement().asString().startsWith("LAMBDAJCA1102")
                .contains("java.lang.NoClassDefFoundError: software/amazon/Gone");
        assertThat(scheduler.pending()).as("the retry").singleElement()
                .satisfies(t -> assertThat(t.dueAt).isEqualTo(T0.plusMillis(12_500)));
        assertThat(key(resolveWithoutWaiting())).isEqualTo("key-1");
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** The warnings the adapter logs while {@code action} runs. */
    private static List<String> warningsWhile(Action action) throws Exception {
        try (CapturedLog log = CapturedLog.of("io.lambdajca.adapter")) {
            action.run();
            return log.messages(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
        }
    }

    /**
     * The first fetch (8-minute credentials), then the background refresh at half their lifetime, started on a
     * scheduler thread and held there (as if stuck in STS) until {@link HeldRefresh#finish()}.
     */
    private HeldRefresh backgroundRefreshUnderWay() {
        fetcher.lifetime = Duration.ofMinutes(8);
        firstFetch();
        scheduler.moveClock(Duration.ofMinutes(4));
        CountDownLatch release = fetcher.holdNext();
        Future<?> run = callers.submit(scheduler::runDue);
        await(() -> fetcher.calls() == 2, "the background refresh to start");
        return new HeldRefresh(release, run);
    }

    /** A background refresh held in its fetch. */
    private record HeldRefresh(CountDownLatch release, Future<?> run) {
        /** Lets the fetch go on and waits for the refresh to end. */
        void finish() throws Exception {
            release.countDown();
            run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * The first call of a fresh provider whose fetch fails: the credentials failure the caller gets, as the SDK
     * expects of a provider (the cause of an {@code SdkClientException}; the application gets the
     * AccessDeniedException that it makes).
     */
    private CredentialsUnavailableException firstFetchFailure() {
        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();
        scheduler.runQueued();
        Throwable thrown = catchThrowable(() -> caller.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertThat(thrown).as("what the first call threw").isNotNull().cause()
                .isInstanceOf(SdkClientException.class).cause()
                .isInstanceOf(CredentialsUnavailableException.class);
        return (CredentialsUnavailableException) thrown.getCause().getCause();
    }

    /** The first call of a fresh provider: the caller's fetch is queued on the scheduler and run. */
    private AwsCredentials firstFetch() {
        Future<AwsCredentials> caller = callers.submit(provider::resolveCredentials);
        awaitQueuedFetch();
        scheduler.runQueued();
        try {
            return caller.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the first fetch", e);
        }
    }

    /** Calls the provider on an application thread and fails if the call does not return at once. */
    private AwsCredentials resolveWithoutWaiting() {
        CompletableFuture<AwsCredentials> call = CompletableFuture.supplyAsync(provider::resolveCredentials, callers);
        try {
            return call.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the caller had to wait (or failed)", e);
        }
    }

    private void awaitQueuedFetch() {
        await(() -> scheduler.queuedCount() == 1, "a fetch to be handed to the scheduler");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static String key(AwsCredentials c) {
        return c.accessKeyId();
    }

    /** Issues key-1, key-2, ... valid for {@code lifetime} from the fake now; fails or holds when told to. */
    private static final class Fetcher implements Supplier<AwsSessionCredentials> {
        private final FakeScheduler time;
        private final AtomicInteger calls = new AtomicInteger();
        /** How long the credentials are valid; null for credentials without an expiration. */
        volatile Duration lifetime = Duration.ofMinutes(8);
        volatile boolean failing;
        volatile Error error;
        private volatile CountDownLatch hold;

        Fetcher(FakeScheduler time) {
            this.time = time;
        }

        @Override
        public AwsSessionCredentials get() {
            int n = calls.incrementAndGet();
            CountDownLatch h = hold;
            if (h != null) {
                hold = null;
                try {
                    if (!h.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                        throw new IllegalStateException("fetch " + n + " was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failing) {
                throw new IllegalStateException("STS is down (fetch " + n + ")");
            }
            if (error != null) {
                throw error;
            }
            return AwsSessionCredentials.builder().accessKeyId("key-" + n).secretAccessKey("secret-" + n)
                    .sessionToken("token-" + n).expirationTime(lifetime == null ? null : time.now().plus(lifetime))
                    .build();
        }

        int calls() {
            return calls.get();
        }

        /** The next fetch waits until the returned latch is released. */
        CountDownLatch holdNext() {
            CountDownLatch l = new CountDownLatch(1);
            hold = l;
            return l;
        }
    }
}
