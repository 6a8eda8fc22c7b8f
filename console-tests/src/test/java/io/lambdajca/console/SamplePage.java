package io.lambdajca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.lambdajca.local.LocalLambda;

/** The sample application's page (the same element ids as sample-tests' SamplePageIT uses). */
final class SamplePage {

    private final Browser browser;

    SamplePage(Browser browser, String url) {
        this.browser = browser;
        browser.open(url);
    }

    /** The function names the page lists, once it has listed some. */
    @SuppressWarnings("unchecked")
    List<String> names() {
        return browser.until(d -> {
            List<String> names = (List<String>) browser.script(
                    "return Array.from(document.querySelectorAll('#functions tbody tr')).map(r => r.dataset.name);");
            return names.isEmpty() ? null : names;
        });
    }

    /** Invokes the greeting function with the name and returns the greeting the page shows. */
    String invokeGreeting(String name) {
        new Select(browser.visible(By.id("function-name"))).selectByValue("greeting");
        browser.type(By.id("payload"), "{\"name\": \"" + name + "\"}");
        browser.click(By.id("invoke"));
        WebElement result = browser.visible(By.id("result-payload"));
        return browser.until(d -> result.getText().contains("Hello") ? result.getText().replace("\"", "").trim()
                : null);
    }

    /**
     * What every console test checks once its configuration is made: the page lists the sample's functions, invokes
     * the greeting (screenshot sample-page), and the calls used the ASSUME_ROLE profile's credentials from the
     * endpoint's STS.
     */
    static void worksThroughTheConfiguration(Browser browser, int httpPort, LocalLambda endpoint)
            throws IOException {
        SamplePage page = new SamplePage(browser, "http://127.0.0.1:" + httpPort + "/lambda-sample/");
        assertEquals(List.of("greeting", "order-pricing", "payment-failure"), page.names());
        String greeting = page.invokeGreeting("Ada");
        assertTrue(greeting.contains("Hello, Ada!"), greeting);
        browser.screenshot("sample-page");
        assertTrue(endpoint.issuedCredentials().stream().anyMatch(i -> i.roleArn().equals(SampleEndpoint.ROLE)),
                "the calls used the role's temporary credentials from the endpoint's STS");
    }
}
