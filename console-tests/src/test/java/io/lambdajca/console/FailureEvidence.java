package io.lambdajca.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a step fails, keeps what the browser showed: a screenshot and the page's HTML, next to the step's own. */
final class FailureEvidence implements TestWatcher {

    private final Supplier<Browser> browser;

    FailureEvidence(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser b = browser.get();
        if (b == null) {
            return;
        }
        String name = "failed-" + context.getRequiredTestMethod().getName();
        try {
            b.screenshot(name);
            Files.writeString(b.shots().resolve(name + ".html"), b.driver().getPageSource());
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
