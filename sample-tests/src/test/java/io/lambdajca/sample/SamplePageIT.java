package io.lambdajca.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.lambdajca.local.LocalLambda;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Starts the README's demo command ({@code ./demo.sh --server SERVER}: local endpoint, the server, adapter, sample
 * EAR), uses the sample page in headless Chromium as a person would, saves a screenshot of each step under
 * target/screenshots/SERVER, and stops the demo. The module runs it on WildFly, Open Liberty, GlassFish and Payara.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplePageIT {

    private static final Path ROOT = Demo.ROOT;
    private static final Path READY = ROOT.resolve("target/demo/ready");
    private static final String SERVER = Demo.SERVER;
    private static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), SERVER);
    private static final Path DEMO_LOG = Path.of("target", "demo-" + SERVER + ".log");

    private static Process demo;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String url;

    @BeforeAll
    static void startDemoAndBrowser() throws Exception {
        Files.deleteIfExists(READY);
        Files.createDirectories(SHOTS);
        demo = Demo.command().redirectOutput(DEMO_LOG.toFile()).start();
        long deadline = System.currentTimeMillis() + 240_000;
        while (!Files.exists(READY)) {
            if (!demo.isAlive()) {
                throw new IllegalStateException("demo.sh ended: " + Files.readString(DEMO_LOG));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("demo.sh not ready in 4 minutes");
            }
            Thread.sleep(500);
        }
        url = Files.readString(READY).trim();

        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1300,900",
                        "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "sample-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(url);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            // demo.sh stops the server with its own tool (up to a minute for asadmin or Liberty), then the endpoint
            List<ProcessHandle> started = demo.descendants().toList();
            Demo.stop(demo);
            boolean ended = demo.waitFor(150, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) {
                demo.destroyForcibly();
            }
            // what the signal left is a failure of the demo; it is killed all the same, so that the next server's
            // demo finds its ports free
            List<String> left = new ArrayList<>();
            for (ProcessHandle process : started.stream().filter(ProcessHandle::isAlive).toList()) {
                left.add(process.pid() + " " + process.info().commandLine().orElse(""));
                process.destroyForcibly();
                awaitExit(process, 30);
            }
            // a server that asadmin started is not the demo's child: its ports tell whether it stopped
            List<Integer> listening = stillListening(Duration.ofSeconds(10));
            int status = ended ? demo.exitValue() : -1;
            boolean trapped = Files.readString(DEMO_LOG).contains("demo: stopping");
            assertTrue(status == Demo.stoppedStatus() && trapped && left.isEmpty() && listening.isEmpty(), "after "
                    + Demo.STOP_SIGNAL + ", demo.sh " + (ended ? "ended with status " + status + " (its trap's is "
                    + Demo.stoppedStatus() + ")" : "still ran after 150 s")
                    + (trapped ? "" : ", its trap never ran (no 'demo: stopping')") + ", leaving processes " + left
                    + " and ports listening " + listening);
        }
    }

    /** The ports of the demo (its endpoint's and the server's) that still accept connections after the deadline. */
    private static List<Integer> stillListening(Duration deadline) throws InterruptedException {
        List<Integer> ports = new ArrayList<>(Demo.serverPorts());
        ports.add(Demo.LAMBDA_PORT);
        long end = System.nanoTime() + deadline.toNanos();
        List<Integer> open = ports.stream().filter(Demo::accepts).toList();
        while (!open.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(200); // polling interval; the deadline bounds the wait
            open = ports.stream().filter(Demo::accepts).toList();
        }
        return open;
    }

    /** Waits (a bounded time) for a process to end; a process that does not is named in the failure. */
    private static void awaitExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("process " + process.pid() + " " + process.info().commandLine().orElse("")
                    + " still runs " + seconds + " s after it was stopped", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for process " + process.pid(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(1)
    void list_showsTheSampleFunctions() throws IOException {
        wait.until(d -> names().size() == 5);
        assertEquals(List.of("greeting", "monthly-report", "order-pricing", "payment-failure", "slow-report"),
                names());
        screenshot("1-list");
    }

    @Test
    @Order(2)
    void invokingTheGreeting_showsItsResult() throws IOException {
        choose("greeting", "{\"name\": \"Ada\"}");
        browser.findElement(By.id("invoke")).click();
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-payload")));
        wait.until(d -> result.getText().contains("Hello, Ada!"));
        assertTrue(browser.findElement(By.id("status")).getText().contains("HTTP 200"));
        assertFalse(browser.findElement(By.id("function-error")).isDisplayed());
        screenshot("2-greeting");
    }

    @Test
    @Order(3)
    void invokingTheFailingFunction_showsTheFunctionError() throws IOException {
        choose("payment-failure", "{\"orderId\": 42}");
        browser.findElement(By.id("invoke")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("function-error")));
        assertTrue(error.getText().contains("java.lang.IllegalStateException")
                && error.getText().contains("Payment declined for order 42"), error.getText());
        screenshot("3-function-error");
    }

    @Test
    @Order(4)
    void badJson_isExplainedWithoutACall() throws IOException {
        choose("greeting", "{not json");
        browser.findElement(By.id("invoke")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payload-error")));
        assertTrue(problem.getText().contains("not valid JSON"), problem.getText());
        screenshot("4-bad-json");
    }

    @Test
    @Order(5)
    void deletingAFunction_removesItFromTheList() throws IOException {
        WebElement row = browser.findElement(By.cssSelector("tr[data-name='slow-report']"));
        row.findElement(By.cssSelector("button.delete")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> !names().contains("slow-report"));
        assertEquals(List.of("greeting", "monthly-report", "order-pricing", "payment-failure"), names());
        screenshot("5-deleted");
    }

    @Test
    @Order(6)
    void aThrottledFunction_isExplained() throws IOException {
        // as an administrator would pause a function on AWS: reserved concurrency 0 at the endpoint
        try (LambdaClient admin = adminClient()) {
            admin.putFunctionConcurrency(b -> b.functionName("order-pricing").reservedConcurrentExecutions(0));
            choose("order-pricing", "{\"orderId\": \"A-1\", \"lines\": []}");
            browser.findElement(By.id("invoke")).click();
            WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoke-error")));
            wait.until(d -> problem.getText().contains("throttling"));
            assertTrue(problem.getText().contains("Lambda is throttling this function"), problem.getText());
            screenshot("6-throttled");
        } finally {
            try (LambdaClient admin = adminClient()) {
                admin.deleteFunctionConcurrency(b -> b.functionName("order-pricing"));
            }
        }
    }

    @Test
    @Order(7)
    void publishing_givesANewVersionOnlyWhenTheFunctionChanged() throws IOException {
        new Select(browser.findElement(By.id("va-function"))).selectByValue("greeting");
        wait.until(d -> rows("versions", "version").equals(List.of("$LATEST")));
        publish("Published version 1.");
        publish("Nothing changed since version 1: Lambda published no new version.");
        try (LambdaClient admin = adminClient()) {
            // as a deployment would change the function: another greeting word in $LATEST, then the page publishes it
            admin.updateFunctionConfiguration(b -> b.functionName("greeting")
                    .environment(e -> e.variables(Map.of("GREETING", "Hi"))));
            admin.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("greeting"),
                    w -> w.waitTimeout(Duration.ofSeconds(30)));
        }
        publish("Published version 2.");
        wait.until(d -> rows("versions", "version").equals(List.of("$LATEST", "1", "2")));
        scrollTo("versions");
        screenshot("7-versions");
    }

    @Test
    @Order(8)
    void anAlias_routesTheShareItIsGivenToAnotherVersion() throws IOException {
        WebElement aliasName = browser.findElement(By.id("alias-name"));
        aliasName.clear();
        aliasName.sendKeys("live");
        new Select(browser.findElement(By.id("alias-version"))).selectByValue("1");
        browser.findElement(By.id("create-alias")).click();
        wait.until(d -> aliasRouting("live").equals("→ version 1"));
        assertEquals("2", new Select(browser.findElement(By.id("shift-version"))).getFirstSelectedOption()
                .getAttribute("value"), "the page proposes the version live does not point to");
        WebElement share = browser.findElement(By.id("shift-percent"));
        share.clear();
        share.sendKeys("30");
        browser.findElement(By.id("shift")).click();
        wait.until(d -> aliasRouting("live").equals("→ version 1, 30% to version 2"));
        // a second alias of the same name is refused by Lambda (409), and the page says so
        browser.findElement(By.id("create-alias")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("va-error")));
        wait.until(d -> problem.getText().contains("conflicts"));
        assertTrue(problem.getText().contains("Lambda refused the change"), problem.getText());
        assertEquals("→ version 1, 30% to version 2", aliasRouting("live"), "the alias is unchanged");
        scrollTo("shift-form");
        screenshot("8-alias-shifted");
    }

    @Test
    @Order(9)
    void invokingTheAlias_showsBothVersionsServingAsWeighted() throws IOException {
        new Select(browser.findElement(By.id("runs-alias"))).selectByValue("live");
        WebElement times = browser.findElement(By.id("runs-count"));
        times.clear();
        times.sendKeys("50");
        browser.findElement(By.id("run")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("runs-summary")));
        List<String> versions = rows("runs", "version");
        List<String> runs = rows("runs", "runs");
        assertEquals(List.of("1", "2"), versions, "both versions served");
        int onVersion2 = Integer.parseInt(runs.get(1));
        assertEquals(50, Integer.parseInt(runs.get(0)) + onVersion2);
        // 30% of 50 is 15; a binomial draw falls outside 2..30 about 3 times in a million runs
        assertTrue(onVersion2 >= 2 && onVersion2 <= 30, "version 2 served " + onVersion2 + " of 50");
        String answers = browser.findElement(By.id("runs")).getText();
        assertTrue(answers.contains("Hello, Ada!") && answers.contains("Hi, Ada!"), answers);
        scrollTo("runs");
        screenshot("9-alias-runs");
    }

    @Test
    @Order(10)
    void theStreamedReport_showsItsFirstLinesBeforeTheFunctionHasFinished() throws IOException {
        WebElement month = browser.findElement(By.id("report-month"));
        month.clear();
        month.sendKeys("2026-10");
        browser.findElement(By.id("report-start")).click();
        // the function writes its title, then a line per region every 200 ms, and last "Report complete" (about 4 s
        // in all): one script call reads what the page shows, so the two conditions hold at the same instant
        WebDriverWait streaming = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50));
        List<String> early = streaming.until(d -> {
            List<String> shown = reportLines();
            return shown.size() >= 2 ? shown : null;
        });
        assertEquals("Monthly sales report for 2026-10", early.get(0), early.toString());
        assertTrue(early.stream().noneMatch(l -> l.startsWith("Report complete")),
                "the first lines are shown while the function is still writing: " + early);
        scrollTo("report-lines");
        screenshot("10-streamed-report-arriving");
        List<String> all = streaming.until(d -> {
            List<String> shown = reportLines();
            return !shown.isEmpty() && shown.get(shown.size() - 1).startsWith("Report complete") ? shown : null;
        });
        assertEquals(20, all.size(), all.toString());
        assertTrue(all.get(19).startsWith("Report complete: 18 regions"), all.get(19));
        assertEquals(early, all.subList(0, early.size()), "the early lines stay, in order");
        WebElement status = browser.findElement(By.id("report-status"));
        wait.until(d -> status.getText().startsWith("The stream ended: 20 lines"));
        assertFalse(browser.findElement(By.id("report-error")).isDisplayed());
        scrollTo("report-lines");
        screenshot("10-streamed-report-complete");
    }

    @Test
    @Order(11)
    void theEndpointDown_isExplained() throws IOException {
        // the local endpoint stops, as an outage would (the demo's Ctrl-C handling copes with it being gone)
        // only this demo's endpoint (a child of its demo.sh), and waited for: its port is closed when the page asks
        List<ProcessHandle> endpoints = demo.children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("local-lambda.jar")).orElse(false)).toList();
        assertEquals(1, endpoints.size(), "the demo's local endpoint among its processes");
        endpoints.forEach(ProcessHandle::destroy);
        for (ProcessHandle endpoint : endpoints) {
            awaitExit(endpoint, 30);
        }
        choose("greeting", "{\"name\": \"Ada\"}");
        browser.findElement(By.id("invoke")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoke-error")));
        wait.until(d -> problem.getText().contains("unavailable"));
        assertTrue(problem.getText().contains("The Lambda endpoint is unavailable"), problem.getText());
        screenshot("11-endpoint-down");
    }

    @Test
    @Order(12)
    void theConnectorsExceptions_areNotLoggedAsEjbSystemErrors() throws IOException {
        // the sample declares LambdaException an application exception (WEB-INF/ejb-jar.xml, as the README advises):
        // the refused alias, the throttling and the outage above reached the page without an EJB error in the log
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("\\(log: ([^)]+)\\)")
                .matcher(Files.readString(DEMO_LOG));
        assertTrue(printed.find(), "demo.sh names the server's log");
        String log = Files.readString(Path.of(printed.group(1)));
        assertTrue(log.contains("io.lambdajca") || log.contains("lambda-sample"), "the server's own log");
        for (String ejbSystemError : List.of("WFLYEJB0034", "CNTR0020E", "EJB5184")) {
            assertFalse(log.contains(ejbSystemError), ejbSystemError + " in " + printed.group(1));
        }
    }

    private static LambdaClient adminClient() {
        return LambdaClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + Demo.LAMBDA_PORT))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder()).build();
    }

    /** Clicks "Publish a version" and waits for the note the page shows. */
    private static void publish(String note) {
        browser.findElement(By.id("publish")).click();
        WebElement shown = browser.findElement(By.id("publish-note"));
        wait.until(d -> shown.isDisplayed() && shown.getText().equals(note));
    }

    /** The routing the aliases table shows for one alias, or "" when the table has no such alias. */
    private static String aliasRouting(String alias) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const r = document.querySelector(`#aliases tbody tr[data-alias='${arguments[0]}']`);"
                        + " return r ? r.cells[1].textContent : '';", alias);
    }

    /** One data attribute of every row of a table, read in one script call. */
    @SuppressWarnings("unchecked")
    private static List<String> rows(String table, String attribute) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(`#${arguments[0]} tbody tr`))"
                        + ".map(r => r.dataset[arguments[1]]);", table, attribute);
    }

    private static void choose(String function, String payload) {
        new Select(browser.findElement(By.id("function-name"))).selectByValue(function);
        WebElement editor = browser.findElement(By.id("payload"));
        editor.clear();
        editor.sendKeys(payload);
    }

    /** The lines of the streamed report the page shows, without their arrival times, read in one script call. */
    @SuppressWarnings("unchecked")
    private static List<String> reportLines() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#report-lines li'))"
                        + ".map(li => li.lastChild.textContent);");
    }

    /** The names in the table, read in one script call so that a re-render cannot leave stale elements behind. */
    @SuppressWarnings("unchecked")
    private static List<String> names() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#functions tbody tr')).map(r => r.dataset.name);");
    }

    /** Scrolls so that the element's bottom is at the bottom of the window, for the screenshot. */
    private static void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'end'});", id);
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
