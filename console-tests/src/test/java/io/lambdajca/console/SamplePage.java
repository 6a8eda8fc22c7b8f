package io.lambdajca.console;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

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
}
