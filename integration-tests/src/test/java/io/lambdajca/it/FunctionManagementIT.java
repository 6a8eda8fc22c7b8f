package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.AliasInfo;
import io.lambdajca.api.AliasRequest;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionManagement;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.PreconditionFailedException;
import io.lambdajca.api.ResourceConflictException;
import io.lambdajca.api.ThrottledException;
import io.lambdajca.local.testing.Poll;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;

/**
 * Every operation of {@link FunctionManagement} from an EJB, as an application's release code would use them:
 * versions, aliases and their errors, reserved concurrency (enforced), tags, and a blue/green release that shifts an
 * alias's weights while invocations of it keep running. The functions are {@link ManagementFunctions}'s.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class FunctionManagementIT {

    /** Version 1 greets "Blue"; $LATEST greets "Green" (published as version 2 by the tests). */
    static final String RELEASE = "release";
    /** An echo function for the alias operations. */
    static final String ALIASED = "aliased";
    /** A sleeping function for reserved concurrency. */
    static final String LIMITED = "limited";
    /** An echo function for tags. */
    static final String TAGGED = "tagged";

    private static final int INVOKERS = 4;
    private static final int PER_PHASE = 120;

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("management-it.war", FunctionManagementIT.class, Poll.class);
    }

    @EJB
    private LambdaCaller caller;

    @Resource
    private ManagedExecutorService executor;

    @Test
    void publishVersion_publishesTheChangedLatest_thenTheSameVersionWhileNothingChanged() {
        FunctionInfo published = manage(m -> m.publishVersion(RELEASE, "green"));
        FunctionInfo again = manage(m -> m.publishVersion(RELEASE, "nothing changed"));

        assertEquals("2", published.version(), "the version after the pipeline's version 1");
        assertEquals(published.version(), again.version(), "nothing changed: the same version, as AWS answers");
        assertEquals(published.codeSha256(), again.codeSha256());
        List<FunctionInfo> versions = manage(m -> m.listVersions(RELEASE));
        assertEquals(List.of("$LATEST", "1", "2"), versions.stream().map(FunctionInfo::version).toList());
        assertEquals("Blue, team!", invoke(RELEASE, "1").payloadAsString().replace("\"", ""));
        assertEquals("Green, team!", invoke(RELEASE, "2").payloadAsString().replace("\"", ""));
    }

    @Test
    void getFunction_byVersionAndByAlias_answersThatVersion() {
        String green = manage(m -> m.publishVersion(RELEASE, null)).version();
        manage(m -> m.createAlias(AliasRequest.builder(RELEASE, "stable").functionVersion("1").build()));
        try {
            FunctionInfo one = manage(m -> m.getFunction(RELEASE, "1")).orElseThrow();
            FunctionInfo two = manage(m -> m.getFunction(RELEASE, green)).orElseThrow();
            FunctionInfo stable = manage(m -> m.getFunction(RELEASE, "stable")).orElseThrow();

            assertEquals("1", one.version());
            assertTrue(one.arn().endsWith(":" + RELEASE + ":1"), one.arn());
            assertEquals(green, two.version());
            assertEquals("1", stable.version(), "the alias's version");
            assertTrue(stable.arn().endsWith(":" + RELEASE + ":stable"), "named by the alias: " + stable.arn());
            assertEquals(Optional.empty(), manage(m -> m.getFunction(RELEASE, "999")), "no version 999");
            assertEquals(Optional.empty(), manage(m -> m.getFunction(RELEASE, "absent")), "no alias absent");
        } finally {
            manage(m -> {
                m.deleteAlias(RELEASE, "stable");
                return null;
            });
        }
    }

    @Test
    void aliases_createGetListUpdateDelete() {
        String version = manage(m -> m.publishVersion(ALIASED, "first")).version();
        AliasInfo created = manage(m -> m.createAlias(AliasRequest.builder(ALIASED, "prod").functionVersion(version)
                .description("production").build()));

        assertEquals("prod", created.name());
        assertEquals(version, created.functionVersion());
        assertEquals("production", created.description());
        assertTrue(created.aliasArn().endsWith(":function:" + ALIASED + ":prod"), created.aliasArn());
        assertEquals(Optional.of(created), manage(m -> m.getAlias(ALIASED, "prod")));
        assertEquals(List.of(created), manage(m -> m.listAliases(ALIASED)));

        AliasInfo updated = manage(m -> m.updateAlias(AliasRequest.builder(ALIASED, "prod").functionVersion("$LATEST")
                .revisionId(created.revisionId()).build()));
        assertEquals("$LATEST", updated.functionVersion());
        assertEquals("production", updated.description(), "what the update leaves unset stays");
        assertFalse(updated.revisionId().equals(created.revisionId()), "a new revision");
        assertEquals("{\"k\":\"via alias\"}", caller.withLambda(c -> c.invoke(InvocationRequest.builder(ALIASED)
                .qualifier("prod").payload("{\"k\":\"via alias\"}").build())).payloadAsString());

        manage(m -> {
            m.deleteAlias(ALIASED, "prod");
            return null;
        });
        assertEquals(Optional.empty(), manage(m -> m.getAlias(ALIASED, "prod")));
        assertEquals(List.of(), manage(m -> m.listAliases(ALIASED)));
        manage(m -> {
            m.deleteAlias(ALIASED, "prod");
            return null;
        });
    }

    @Test
    void aliasErrors_conflictStaleRevisionUnknownAndBadName() {
        String version = manage(m -> m.publishVersion(ALIASED, "first")).version();
        AliasInfo first = manage(m -> m.createAlias(AliasRequest.builder(ALIASED, "canary").functionVersion(version)
                .build()));
        try {
            ResourceConflictException exists = assertThrows(ResourceConflictException.class, () -> manage(m -> m
                    .createAlias(AliasRequest.builder(ALIASED, "canary").functionVersion(version).build())));
            assertTrue(exists.getMessage().contains("canary"), exists.getMessage());

            manage(m -> m.updateAlias(AliasRequest.builder(ALIASED, "canary").description("moved on").build()));
            PreconditionFailedException stale = assertThrows(PreconditionFailedException.class, () -> manage(m -> m
                    .updateAlias(AliasRequest.builder(ALIASED, "canary").functionVersion("$LATEST")
                            .revisionId(first.revisionId()).build())));
            assertTrue(stale.getMessage().contains(ALIASED), stale.getMessage());
            assertEquals(version, manage(m -> m.getAlias(ALIASED, "canary")).orElseThrow().functionVersion(),
                    "the stale update changed nothing");
        } finally {
            manage(m -> {
                m.deleteAlias(ALIASED, "canary");
                return null;
            });
        }
        assertEquals(Optional.empty(), manage(m -> m.getAlias(ALIASED, "nosuch")));
        assertEquals(Optional.empty(), manage(m -> m.getAlias("no-such-function", "nosuch")));
        assertThrows(FunctionNotFoundException.class, () -> manage(m -> m.updateAlias(
                AliasRequest.builder(ALIASED, "nosuch").description("x").build())));

        // through the definition whose endpoint nothing listens at: only a refusal before any network call passes
        InvalidRequestException bad = assertThrows(InvalidRequestException.class, () -> caller.withUnreachable(c -> c
                .functions().createAlias(AliasRequest.builder(ALIASED, "bad name!").functionVersion("1").build())));
        assertTrue(bad.getMessage().contains("bad name!"), "names the value: " + bad.getMessage());
        InvalidRequestException badWeight = assertThrows(InvalidRequestException.class, () -> caller.withUnreachable(
                c -> c.functions().createAlias(AliasRequest.builder(ALIASED, "heavy").functionVersion("1")
                        .additionalVersionWeight("2", 1.5).build())));
        assertTrue(badWeight.getMessage().contains("1.5"), "names the value: " + badWeight.getMessage());
    }

    @Test
    void reservedConcurrency_putIsEnforced_deleteLiftsIt() throws Exception {
        assertEquals(OptionalInt.empty(), manage(m -> m.getReservedConcurrency(LIMITED)));
        manage(m -> {
            m.putReservedConcurrency(LIMITED, 1);
            return null;
        });
        try {
            assertEquals(OptionalInt.of(1), manage(m -> m.getReservedConcurrency(LIMITED)));
            Future<InvocationResult> holding = executor.submit(() -> caller.withLambda(c -> c.invoke(
                    InvocationRequest.builder(LIMITED).payload("{\"sleepMillis\":12000}").build())));
            // once the long call holds the one instance, a second call is throttled (after the retry budget)
            String outcome = Poll.value(Duration.ofSeconds(10), () -> {
                try {
                    caller.withLambda(c -> c.invoke(InvocationRequest.builder(LIMITED).payload("{\"sleepMillis\":0}")
                            .build()));
                    return "ran";
                } catch (ThrottledException e) {
                    return "throttled: " + e.reason().orElse("");
                }
            }, r -> r.startsWith("throttled"), "a second invocation throttled");
            assertTrue(outcome.contains("ReservedFunctionConcurrentInvocationLimitExceeded"), outcome);
            assertEquals("{\"slept\":12000}", holding.get(30, TimeUnit.SECONDS).payloadAsString());
        } finally {
            manage(m -> {
                m.deleteReservedConcurrency(LIMITED);
                return null;
            });
        }
        assertEquals(OptionalInt.empty(), manage(m -> m.getReservedConcurrency(LIMITED)));
        manage(m -> {
            m.deleteReservedConcurrency(LIMITED);
            return null;
        });
        assertThrows(FunctionNotFoundException.class, () -> manage(m -> m.getReservedConcurrency("no-such-function")));
    }

    @Test
    void tags_addReplaceRemove() {
        String arn = manage(m -> m.getFunction(TAGGED, null)).orElseThrow().arn();
        assertEquals(Map.of(), manage(m -> m.listTags(arn)));

        manage(m -> {
            m.tag(arn, Map.of("team", "payments", "stage", "test"));
            return null;
        });
        assertEquals(Map.of("team", "payments", "stage", "test"), manage(m -> m.listTags(arn)));
        manage(m -> {
            m.tag(arn, Map.of("stage", "prod"));
            return null;
        });
        assertEquals(Map.of("team", "payments", "stage", "prod"), manage(m -> m.listTags(arn)));
        manage(m -> {
            m.untag(arn, List.of("team", "never-set"));
            return null;
        });
        assertEquals(Map.of("stage", "prod"), manage(m -> m.listTags(arn)));
        String unknown = arn.replace(":function:" + TAGGED, ":function:no-such-function");
        assertThrows(FunctionNotFoundException.class, () -> manage(m -> m.listTags(unknown)));
    }

    /**
     * A blue/green release: while {@value #INVOKERS} threads keep invoking alias {@code live}, its weight for the
     * green version goes 0 → 0.5 → 1.0, and then the alias moves to green. In each phase the share of invocations
     * that green ran (Lambda's X-Amz-Executed-Version) follows the weight; no invocation fails.
     */
    @Test
    void blueGreen_shiftingTheAliasWeights_whileInvocationsRun() throws Exception {
        String blue = "1";
        String green = manage(m -> m.publishVersion(RELEASE, "green")).version();
        manage(m -> m.createAlias(AliasRequest.builder(RELEASE, "live").functionVersion(blue)
                .additionalVersionWeight(green, 0.0).build()));
        AtomicInteger phase = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        int[][] counts = new int[4][2];
        List<Future<?>> invokers = new ArrayList<>();
        try {
            for (int i = 0; i < INVOKERS; i++) {
                invokers.add(executor.submit(() -> {
                    while (!stop.get()) {
                        int before = phase.get();
                        try {
                            InvocationResult r = invoke(RELEASE, "live");
                            String expected = (green.equals(r.executedVersion()) ? "Green" : "Blue") + ", team!";
                            if (!expected.equals(r.payloadAsString().replace("\"", ""))) {
                                failures.add("version " + r.executedVersion() + " answered " + r.payloadAsString());
                            }
                            if (before >= 0 && phase.get() == before) {
                                synchronized (counts) {
                                    counts[before][green.equals(r.executedVersion()) ? 1 : 0]++;
                                }
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            awaitInvocations(counts, 0);
            shift(phase, 1, AliasRequest.builder(RELEASE, "live").additionalVersionWeight(green, 0.5).build());
            awaitInvocations(counts, 1);
            shift(phase, 2, AliasRequest.builder(RELEASE, "live").additionalVersionWeight(green, 1.0).build());
            awaitInvocations(counts, 2);
            shift(phase, 3, AliasRequest.builder(RELEASE, "live").functionVersion(green).noRouting().build());
            awaitInvocations(counts, 3);
        } finally {
            stop.set(true);
            for (Future<?> f : invokers) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        AliasInfo live = manage(m -> m.getAlias(RELEASE, "live")).orElseThrow();
        manage(m -> {
            m.deleteAlias(RELEASE, "live");
            return null;
        });

        assertEquals(List.of(), List.copyOf(failures), "no invocation failed");
        System.out.printf("FIGURE blue/green: green ran %d of %d at weight 0, %d of %d at 0.5, %d of %d at 1.0, %d of "
                + "%d after the move%n", counts[0][1], total(counts, 0), counts[1][1], total(counts, 1),
                counts[2][1], total(counts, 2), counts[3][1], total(counts, 3));
        assertEquals(0, counts[0][1], "weight 0: green never runs");
        double half = counts[1][1] / (double) total(counts, 1);
        // over at least 120 invocations, a share outside 0.3-0.7 is more than four standard deviations away
        assertTrue(half > 0.3 && half < 0.7, "weight 0.5: green ran " + half);
        assertEquals(0, counts[2][0], "weight 1.0: blue never runs");
        assertEquals(0, counts[3][0], "the alias on green: blue never runs");
        assertEquals(green, live.functionVersion());
        assertEquals(Map.of(), live.additionalVersionWeights());
    }

    /** Updates the alias; what runs meanwhile counts for no phase, as it may have run under either routing. */
    private void shift(AtomicInteger phase, int next, AliasRequest request) {
        phase.set(-1);
        manage(m -> m.updateAlias(request));
        phase.set(next);
    }

    private static void awaitInvocations(int[][] counts, int phase) {
        Poll.until(Duration.ofSeconds(60), () -> total(counts, phase) >= PER_PHASE,
                PER_PHASE + " invocations in phase " + phase);
    }

    private static int total(int[][] counts, int phase) {
        synchronized (counts) {
            return counts[phase][0] + counts[phase][1];
        }
    }

    private InvocationResult invoke(String function, String qualifier) {
        return caller.withLambda(c -> c.invoke(InvocationRequest.builder(function).qualifier(qualifier)
                .payload("{\"name\":\"team\"}").build()));
    }

    private <T> T manage(java.util.function.Function<FunctionManagement, T> work) {
        return caller.withLambda(c -> work.apply(c.functions()));
    }
}
