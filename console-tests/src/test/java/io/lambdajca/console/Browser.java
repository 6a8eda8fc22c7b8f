package io.lambdajca.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver, as the sample's browser test uses) at a modest window
 * size, with the few gestures a console test needs: every one waits with a deadline for its element, and a click
 * first scrolls the element to the middle of the window, so that a fixed footer never takes it.
 */
final class Browser implements AutoCloseable {

    /** Small enough for screenshots of a few dozen KB, wide enough for the consoles' two-column forms. */
    private static final String WINDOW = "--window-size=1200,760";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path shots;
    private int step;
    private Runnable clearObstacles = () -> { };

    Browser(Path shots) throws IOException {
        this.shots = shots;
        Files.createDirectories(shots);
        try (var old = Files.newDirectoryStream(shots)) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", WINDOW,
                        "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "console-chromium"));
        // Open Liberty's Admin Center is served over HTTPS only, with the server's own self-signed certificate
        options.setAcceptInsecureCerts(true);
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    Path shots() {
        return shots;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Waits (30 s at most) until the condition holds, and returns what it returned; at the deadline the exception says
     * what the page showed (a CI log keeps only the messages, not the screenshots).
     */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            throw new TimeoutException(e.getMessage() + "\nThe page showed: " + shown(), e);
        }
    }

    /** The page's address, title, headings and the visible alerts: what a failed wait reports. */
    private String shown() {
        try {
            StringBuilder text = new StringBuilder(driver.getCurrentUrl()).append(" \"").append(driver.getTitle())
                    .append('"');
            for (WebElement e : driver.findElements(By.cssSelector("h1, h2, [role=alert], [id$=':pageAlert'],"
                    + " [id$=':msgs'], .alert"))) {
                String line = e.isDisplayed() ? e.getText().strip() : "";
                if (!line.isEmpty()) {
                    text.append("\n  ").append(line, 0, Math.min(line.length(), 400));
                }
            }
            return text.toString();
        } catch (RuntimeException e) {
            return "(not readable: " + e + ")";
        }
    }

    WebElement visible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** What to do when something (a notification, say) lies over the element to click; then the click is retried. */
    void onObstacle(Runnable clear) {
        this.clearObstacles = clear;
    }

    /** Clicks the element, found anew at each try: a page still being replaced may have made it stale. */
    void click(By by) {
        visible(by);
        until(d -> {
            try {
                WebElement element = d.findElement(by);
                scrollToMiddle(element);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (ElementClickInterceptedException e) {
                clearObstacles.run();
                return false;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /**
     * Replaces the text of an input with the value and waits until the input holds it: found anew if a page still
     * being replaced made it stale, and typed again while it does not hold the value (once in a CI run, HAL's pool form
     * showed its old min-pool-size for 30 s after "0" was typed: the form was presumably drawn again over the typing).
     */
    void type(By by, String value) {
        until(d -> {
            try {
                WebElement element = d.findElement(by);
                if (!element.isDisplayed()) {
                    return false;
                }
                if (value.equals(element.getAttribute("value"))) {
                    return true;
                }
                scrollToMiddle(element);
                element.clear();
                element.sendKeys(value);
                return value.equals(element.getAttribute("value"));
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return false;
            }
        });
    }

    String text(By by) {
        return visible(by).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void scrollToTop() {
        script("window.scrollTo(0, 0);");
    }

    private void scrollToMiddle(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Saves a screenshot of the window as NN-name.png (numbered in the order of the steps). */
    void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, shots.resolve(String.format("%02d-%s.png", ++step, name)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
