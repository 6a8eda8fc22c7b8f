package io.lambdajca.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.AliasInfo;
import io.lambdajca.api.AliasRequest;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionManagement;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.ResourceConflictException;
import jakarta.ejb.EJB;

/**
 * The management view of a connection from an EJB on every server: versions, an alias whose routing weights move to a
 * new version, reserved concurrency and tags of the function {@value #RELEASE}, which {@link TestWorld} deploys and
 * leaves as a release pipeline would.
 */
@ExtendWith(ArquillianExtension.class)
@Order(6)
class ManagementIT {

    /** Version 1 greets "Blue"; $LATEST greets "Green" (published as version 2 by the test). */
    static final String RELEASE = "release";

    @Deployment
    static WebArchive app() {
        return Deployments.app("management-it.war", LambdaCaller.class);
    }

    @EJB
    private LambdaCaller caller;

    @Test
    void versionsAndAliasWeights_moveTrafficToANewVersion() {
        FunctionInfo green = manage(m -> m.publishVersion(RELEASE, "green"));
        assertEquals("2", green.version());
        assertEquals("2", manage(m -> m.publishVersion(RELEASE, "unchanged")).version(), "nothing changed since");
        assertEquals(List.of("$LATEST", "1", "2"), manage(m -> m.listVersions(RELEASE)).stream()
                .map(FunctionInfo::version).toList());
        assertEquals("1", manage(m -> m.getFunction(RELEASE, "1")).orElseThrow().version());

        AliasInfo live = manage(m -> m.createAlias(AliasRequest.builder(RELEASE, "live").functionVersion("1")
                .additionalVersionWeight("2", 0.0).build()));
        try {
            assertEquals(Map.of("2", 0.0), live.additionalVersionWeights());
            assertEquals("1", invokeLive().executedVersion(), "weight 0: blue");
            assertThrows(ResourceConflictException.class, () -> manage(m -> m.createAlias(
                    AliasRequest.builder(RELEASE, "live").functionVersion("1").build())));

            AliasInfo shifted = manage(m -> m.updateAlias(AliasRequest.builder(RELEASE, "live")
                    .additionalVersionWeight("2", 1.0).revisionId(live.revisionId()).build()));
            assertEquals(Map.of("2", 1.0), shifted.additionalVersionWeights());
            InvocationResult r = invokeLive();
            assertEquals("2", r.executedVersion(), "weight 1.0: green");
            assertEquals("\"Green, team!\"", r.payloadAsString());
            assertEquals(Optional.of(shifted), manage(m -> m.getAlias(RELEASE, "live")));
            assertEquals(List.of(shifted), manage(m -> m.listAliases(RELEASE)));
        } finally {
            manage(m -> {
                m.deleteAlias(RELEASE, "live");
                return null;
            });
        }
        assertEquals(Optional.empty(), manage(m -> m.getAlias(RELEASE, "live")));
    }

    @Test
    void reservedConcurrencyAndTags() {
        assertEquals(OptionalInt.empty(), manage(m -> m.getReservedConcurrency(RELEASE)));
        manage(m -> {
            m.putReservedConcurrency(RELEASE, 5);
            return null;
        });
        assertEquals(OptionalInt.of(5), manage(m -> m.getReservedConcurrency(RELEASE)));
        manage(m -> {
            m.deleteReservedConcurrency(RELEASE);
            return null;
        });
        assertEquals(OptionalInt.empty(), manage(m -> m.getReservedConcurrency(RELEASE)));

        String arn = manage(m -> m.getFunction(RELEASE, null)).orElseThrow().arn();
        manage(m -> {
            m.tag(arn, Map.of("team", "payments", "stage", "test"));
            m.untag(arn, List.of("stage"));
            return null;
        });
        assertEquals(Map.of("team", "payments"), manage(m -> m.listTags(arn)));
        manage(m -> {
            m.untag(arn, List.of("team"));
            return null;
        });
        assertTrue(manage(m -> m.listTags(arn)).isEmpty());
    }

    private InvocationResult invokeLive() {
        return caller.withLambda(c -> c.invoke(InvocationRequest.builder(RELEASE).qualifier("live")
                .payload("{\"name\":\"team\"}").build()));
    }

    private <T> T manage(java.util.function.Function<FunctionManagement, T> work) {
        return caller.withLambda(c -> work.apply(c.functions()));
    }
}
