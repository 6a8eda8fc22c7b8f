package io.lambdajca.ct.asadmin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambdajca.ct.ServerControl;
import io.lambdajca.ct.TestWorld;

/**
 * GlassFish and Payara for the portable suite: pool statistics from the server's own monitoring (connector pool
 * monitoring is set to HIGH by the setup, read through the admin REST interface, as {@code asadmin get -m} reads
 * them), undeployment with asadmin, and the WARNING and SEVERE records of server.log.
 */
public class AsadminControl implements ServerControl {

    private static final Pattern NUM_CONN_USED = Pattern.compile(
            "\"numconnused\"\\s*:\\s*\\{[^}]*?\"current\"\\s*:\\s*(-?\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String name() {
        return Asadmin.get().serverName();
    }

    @Override
    public int connectionsInUse(String jndiName) throws IOException, InterruptedException {
        String pool = TestWorld.get().resources().connectionDefinitions().stream()
                .filter(d -> d.jndiName().equals(jndiName)).map(AsadminSetup::poolName).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no connection definition " + jndiName));
        // every pool of the suite is used, so a missing statistic is a failure (monitoring off, a wrong name)
        HttpResponse<String> response = get("/monitoring/domain/server/resources/" + pool);
        Matcher m = NUM_CONN_USED.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no numconnused statistic of pool " + pool + " (HTTP "
                    + response.statusCode() + "): " + response.body());
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public String resourceAdapterName() {
        return Asadmin.RA_NAME;
    }

    @Override
    public void undeployAdapter() {
        Asadmin.get().remote("undeploy", "--cascade=true", Asadmin.RA_NAME);
    }

    @Override
    public List<String> problemsInLog() throws IOException {
        return ServerLog.problemsSince(Asadmin.get().serverLog(), mark());
    }

    @Override
    public String logOfThisRun() throws IOException {
        return ServerLog.wholeTextSince(Asadmin.get().serverLog(), mark());
    }

    /** Where server.log ended when the setup layer began configuring the server. */
    private static long mark() {
        long mark = AsadminSetup.logMark();
        if (mark < 0) {
            throw new IllegalStateException("the server was not configured by the setup layer");
        }
        return mark;
    }

    /** A GET of the admin REST interface (the domains have no admin password). */
    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Asadmin.get().adminPort()
                + path)).header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
