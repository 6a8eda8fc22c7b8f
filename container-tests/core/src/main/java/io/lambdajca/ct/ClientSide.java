package io.lambdajca.ct;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lambdajca.local.testing.Poll;

/**
 * What tests read on the client side, in the test JVM: the local endpoint's counters and the server's own statistics
 * and log. Called only from {@code @RunAsClient} methods; never packaged into a deployment.
 */
public final class ClientSide {

    private ClientSide() {
    }

    /**
     * The endpoint's count of Lambda API requests once none has come for half a second: a connection definition
     * activated just before may still be warming its client up.
     */
    public static long quietLambdaRequests() {
        return Poll.settled(Duration.ofSeconds(30), Duration.ofMillis(500), ClientSide::lambdaRequests,
                "the endpoint's Lambda request count");
    }

    /** Lambda API requests the endpoint has received. */
    public static long lambdaRequests() {
        return TestWorld.get().lambda().lambdaRequests();
    }

    /** Temporary credentials STS and Roles Anywhere issued for the role. */
    public static long credentialsIssuedFor(String roleArn) {
        return TestWorld.get().lambda().issuedCredentials().stream().filter(i -> i.roleArn().equals(roleArn)).count();
    }

    public static int connectionsInUse(String jndi) throws Exception {
        return ServerControl.get().connectionsInUse(jndi);
    }

    /**
     * The server log's errors and warnings of this run, less those the suite causes on purpose: the small pool
     * exhausted by EjbIT (Open Liberty logs J2CA0045E naming lambda/SmallPool, Payara RAR5117 naming its pool
     * lambda-SmallPool) and the wrong secret of lambda/BadSecret, which the adapter's activation call reports
     * (LAMBDAJCA1007, InvalidSignatureException). Both are expected; nothing else is.
     */
    public static List<String> problemsInLog() throws Exception {
        return ServerControl.get().problemsInLog().stream()
                .filter(line -> !(line.contains("SmallPool") && (line.contains("J2CA0045E") || line.contains("RAR5117"))))
                .filter(line -> !(line.contains("LAMBDAJCA1007") && line.contains("InvalidSignatureException")))
                .toList();
    }

    /** The server's whole log of this run (every level it writes). */
    public static String logOfThisRun() throws Exception {
        return ServerControl.get().logOfThisRun();
    }

    /**
     * The secrets configured in the server (secret keys, the keystore password, sign-on passwords) and the keystore's
     * private key (the lines of its PEM text).
     */
    public static List<String> configuredSecrets() {
        List<String> secrets = new ArrayList<>(TestWorld.get().resources().secretValues());
        secrets.addAll(TestWorld.get().privateKeyLines());
        return secrets;
    }

    /** Every temporary secret key and session token the local STS and Roles Anywhere issued in this run. */
    public static List<String> issuedSecrets() {
        List<String> secrets = new ArrayList<>();
        TestWorld.get().lambda().issuedCredentials().forEach(issued -> {
            secrets.add(issued.identity().secretKey());
            secrets.add(issued.identity().sessionToken());
        });
        return secrets;
    }

    public static void undeployAdapter() throws Exception {
        ServerControl.get().undeployAdapter();
    }

    public static String resourceAdapterName() {
        return ServerControl.get().resourceAdapterName();
    }

    public static String propertyName(String adapterName) {
        return ServerControl.get().propertyName(adapterName);
    }

    public static String endpoint() {
        return TestWorld.get().endpoint();
    }

    public static String serverName() {
        return ServerControl.get().name();
    }
}
