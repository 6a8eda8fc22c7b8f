package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.adapter.LambdaCredentialProfile;
import io.lambdajca.adapter.LambdaManagedConnectionFactory;
import io.lambdajca.adapter.LambdaResourceAdapter;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.LambdaConnectionSpec;
import io.lambdajca.local.testing.Poll;
import jakarta.annotation.Resource;

/**
 * Bad input, table-driven, in the server: {@value #ROWS_AT_LEAST}+ bad values across the API (names, ARNs, qualifiers,
 * payloads over each limit, client contexts, nulls, connection specs) and the configuration (region, endpoint URL,
 * timeouts, pool of keys, credential profiles). Each is refused with a clear exception that names the value and the
 * rule, before any network call (the endpoint counts the Lambda requests it receives: none), and no pooled connection
 * is left in use.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class BadInputIT {

    static final int ROWS_AT_LEAST = 25;

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("bad-input-it.war", BadInputServlet.class, Poll.class);
    }

    @Resource(lookup = LambdaEnvironment.DEFAULT_JNDI)
    private LambdaConnectionFactory lambda;

    @ArquillianResource
    private ManagementClient management;

    /** One bad input: what it is, the call, and what the message must say (the value and the rule). */
    private record Row(String what, Call call, String... message) {
    }

    @FunctionalInterface
    private interface Call {
        void run(LambdaConnectionFactory factory) throws Exception;
    }

    private static List<Row> table() {
        String big = "{\"x\":\"" + "a".repeat(6_291_456) + "\"}";
        String event = "{\"x\":\"" + "a".repeat(1_048_576) + "\"}";
        return List.of(
                api("empty function name", c -> c.invoke(req("").build()), "''", "Lambda accepts 1 to 256"),
                api("function name too long", c -> c.invoke(req("f".repeat(257)).build()), "257 characters",
                        "1 to 256"),
                api("malformed function name", c -> c.invoke(req("bad name!").build()), "'bad name!'",
                        "is not a function name, partial ARN or ARN"),
                api("malformed ARN (short account)", c -> c.invoke(req("arn:aws:lambda:us-east-1:12345:function:f")
                        .build()), "arn:aws:lambda:us-east-1:12345:function:f", "must match"),
                api("lowercase $latest in the name", c -> c.invoke(req("echo:$latest").build()),
                        "'echo:$latest'", "must match"),
                api("qualifier with a space", c -> c.invoke(req("echo").qualifier("v 1").build()), "'v 1'",
                        "must match", "[a-zA-Z0-9-_$]+"),
                api("qualifier too long", c -> c.invoke(req("echo").qualifier("q".repeat(129)).build()),
                        "qualifier", "1 to 128"),
                api("empty qualifier", c -> c.invoke(req("echo").qualifier("").build()), "qualifier ''"),
                api("payload not JSON", c -> c.invoke(req("echo").payload("{not json").build()),
                        "payload is not valid JSON"),
                api("payload over 6 MB (sync)", c -> c.invoke(req("echo").payload(big).build()),
                        (big.length()) + " bytes", "less than 6291456 bytes"),
                api("payload over 1 MB (Event)", c -> c.invoke(req("echo").invocationType(InvocationType.EVENT)
                        .payload(event).build()), event.length() + " bytes", "Event", "at most 1048576 bytes"),
                api("client context not an object", c -> c.invoke(req("echo").payload("{}").clientContext("[1]")
                        .build()), "clientContext must be a JSON object; it is '[1]'"),
                api("client context too large", c -> c.invoke(req("echo").payload("{}").clientContext(
                        "{\"custom\":{\"k\":\"" + "v".repeat(3000) + "\"}}").build()), "bytes once base64-encoded",
                        "at most 3583"),
                api("null request", c -> c.invoke(null), "request must not be null"),
                api("null function name", c -> c.invoke(req(null).payload("{}").build()),
                        "functionName must not be null"),
                api("null result type", c -> c.invoke("echo", "x", (Class<?>) null), "resultType must not be null"),
                api("afterCommit on a sync call", c -> c.invoke(req("echo").payload("{}").afterCommit(true).build()),
                        "afterCommit applies to Event invocations only", "RequestResponse"),
                api("getFunction of a malformed name", c -> c.getFunction("no/slash"), "'no/slash'"),
                api("deleteFunction of a name with two qualifiers", c -> c.deleteFunction("function:f:$LATEST:x"),
                        "'function:f:$LATEST:x'", "must match"),
                api("null list prefix", c -> c.listFunctions(null), "namePrefix must not be null"),
                row("null connection spec", f -> f.getConnection(null), "connection spec must not be null"),
                row("blank credential profile", f -> LambdaConnectionSpec.credentialProfile(" "),
                        "JNDI name must not be blank"),
                row("credential profile name too long", f -> LambdaConnectionSpec.credentialProfile("p".repeat(600)),
                        "600 characters", "at most 512"),
                row("unbound credential profile", f -> f.getConnection(LambdaConnectionSpec.credentialProfile(
                        "java:/lambda/profiles/Missing")), "'java:/lambda/profiles/Missing'", "No credential profile"),
                config("unknown region", m -> m.setRegion("mars-north-1"), "'mars-north-1'", "Region.regions()"),
                config("malformed endpoint URL", m -> m.setEndpointOverride("localhost:9001"), "'localhost:9001'",
                        "absolute http:// or https:// URL"),
                config("endpoint URL with a path", m -> m.setEndpointOverride("http://127.0.0.1:9001/2015-03-31"),
                        "no path"),
                config("negative read timeout", m -> m.setReadTimeoutMillis(-5L), "ReadTimeoutMillis",
                        "greater than 0", "-5"),
                config("zero connect timeout", m -> m.setConnectTimeoutMillis(0L), "ConnectTimeoutMillis", "not 0"),
                config("no connections", m -> m.setMaxConnections(0), "MaxConnections must be between 1 and 10000",
                        "not 0"),
                config("negative retries", m -> m.setMaxRetries(-1), "MaxRetries must be between 0 and 100",
                        "not -1"),
                config("key id without secret", m -> m.setAccessKeyId("AKIAIOSFODNN7EXAMPLE"),
                        "only AccessKeyId is set"),
                profile("session duration out of range", p -> {
                    p.setType("ASSUME_ROLE");
                    p.setRoleArn("arn:aws:iam::123456789012:role/invoker");
                    p.setDurationSeconds(100);
                }, "DurationSeconds must be between 900 and 43200", "not 100"),
                profile("malformed role ARN", p -> {
                    p.setType("ASSUME_ROLE");
                    p.setRoleArn("arn:aws:iam::12:role/x");
                }, "'arn:aws:iam::12:role/x'", "IAM role ARN"),
                profile("unreadable keystore", p -> {
                    p.setType("ROLES_ANYWHERE");
                    p.setTrustAnchorArn(CredentialsEnvironment.TRUST_ANCHOR);
                    p.setProfileArn(CredentialsEnvironment.RA_PROFILE);
                    p.setRoleArn(CredentialsEnvironment.INVOKER_ROLE);
                    p.setKeystoreFile("/no/such/keystore.p12");
                    p.setKeystorePassword("secret-pass");
                }, "KeystoreFile '/no/such/keystore.p12' is not a readable file"),
                profile("unknown profile type", p -> p.setType("KERBEROS"), "'KERBEROS'", "STATIC, ASSUME_ROLE"));
    }

    @Test
    void everyBadInput_isRefusedClearly() {
        assertTrue(rows() >= ROWS_AT_LEAST, rows() + " rows");
        List<String> problems = problems(lambda);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        System.out.printf("FIGURE bad input: %d bad inputs refused with the value and the rule named%n", rows());
    }

    @Test
    @RunAsClient
    void noBadInputReachesTheEndpoint_andNoConnectionIsLeftInUse(@ArquillianResource URL base) throws Exception {
        long before = quietRequestCount();
        HttpResponse<String> table = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create(base + "bad-input")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, table.statusCode(), table.body());
        String[] lines = table.body().split("\n", 2);
        assertTrue(Integer.parseInt(lines[0]) >= ROWS_AT_LEAST, "the table ran in the server: " + table.body());
        assertTrue(lines.length == 1 || lines[1].isEmpty(), "refused clearly: " + table.body());

        assertEquals(before, LambdaEnvironment.lambda().lambdaRequests(), "Lambda requests during the table");
        ModelNode op = org.jboss.as.controller.client.helpers.Operations.createReadResourceOperation(
                LambdaEnvironment.poolStatistics("Default"));
        op.get("include-runtime").set(true);
        ModelNode stats = LambdaEnvironment.execute(management, op);
        assertEquals(0, stats.get("InUseCount").asInt(), "Default pool in use: " + stats);
    }

    /** Runs every row of the table; returns what was not refused as it should be (empty when all were). */
    static List<String> problems(LambdaConnectionFactory factory) {
        List<String> problems = new ArrayList<>();
        for (Row row : table()) {
            try {
                row.call.run(factory);
                problems.add(row.what + ": no exception");
            } catch (Exception e) {
                String m = String.valueOf(e.getMessage());
                boolean typed = e instanceof InvalidRequestException || e instanceof jakarta.resource.ResourceException;
                boolean says = Arrays.stream(row.message).allMatch(m::contains);
                if (!typed || !says) {
                    problems.add(row.what + ": " + e.getClass().getSimpleName() + ": " + m);
                }
            }
        }
        return problems;
    }

    static int rows() {
        return table().size();
    }

    /**
     * The endpoint's count of Lambda requests once none came for half a second: a connection definition activated just
     * before (after a redeploy) may still be warming up.
     */
    private static long quietRequestCount() {
        return Poll.settled(Duration.ofSeconds(30), Duration.ofMillis(500), LambdaEnvironment.lambda()::lambdaRequests,
                "the endpoint's Lambda request count");
    }

    private static InvocationRequest.Builder req(String name) {
        return InvocationRequest.builder(name);
    }

    private static Row api(String what, ConnectionCall call, String... message) {
        return new Row(what, f -> {
            try (LambdaConnection c = f.getConnection()) {
                call.run(c);
            }
        }, message);
    }

    private static Row row(String what, Call call, String... message) {
        return new Row(what, call, message);
    }

    /** A connection definition with one bad property, activated as the container would. */
    private static Row config(String what, java.util.function.Consumer<LambdaManagedConnectionFactory> bad,
            String... message) {
        return new Row(what, f -> {
            LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
            mcf.setEndpointOverride(System.getProperty("lambdajca.test.endpoint"));
            bad.accept(mcf);
            mcf.setResourceAdapter(new LambdaResourceAdapter());
            mcf.createConnectionFactory(null);
        }, message);
    }

    /** A credential profile with one bad property, associated with the adapter as the container would. */
    private static Row profile(String what, java.util.function.Consumer<LambdaCredentialProfile> bad,
            String... message) {
        return new Row(what, f -> {
            LambdaCredentialProfile p = new LambdaCredentialProfile();
            bad.accept(p);
            p.setResourceAdapter(new LambdaResourceAdapter());
        }, message);
    }

    @FunctionalInterface
    private interface ConnectionCall {
        void run(LambdaConnection c) throws Exception;
    }
}
