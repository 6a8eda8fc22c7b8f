package io.lambdajca.console;

import java.util.Arrays;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * WildFly's management console (HAL 3.7) as an administrator uses it. HAL is a GWT application: the element ids used
 * here are the ones HAL derives from its own constants and the management model (finder items such as
 * {@code li#resource-adapters}, forms {@code <form-id>-editing} / {@code -readonly}, tables, the {@code #hal-modal}
 * dialog), read from its DOM and its sources (hal/console, ResourceAdapterView.mbui.xml and ResourceAdapterColumn).
 */
final class Hal {

    private static final By NOTIFICATION_CLOSE = By.cssSelector(".toast-notifications-list-pf .alert button.close");
    private static final By MODAL_PRIMARY = By.cssSelector("#hal-modal .modal-footer .btn-primary");

    private final Browser browser;
    private final String console;

    Hal(Browser browser, int managementPort) {
        this.browser = browser;
        this.console = "http://127.0.0.1:" + managementPort + "/console/index.html";
        browser.onObstacle(this::dismissNotifications);
    }

    /** Closes the notifications in the top right corner, as a person does when one covers a button. */
    private void dismissNotifications() {
        for (WebElement close : browser.driver().findElements(NOTIFICATION_CLOSE)) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (WebDriverException e) {
                // gone meanwhile, or under another one: the next attempt sees
            }
        }
    }

    /**
     * Signs in as the management user: the management interface asks for HTTP authentication, which a headless
     * browser cannot type into a dialog, so the first request carries the credentials in its URL; the console itself
     * is then opened without them (HAL refuses a URL with credentials) and its requests reuse the signed-in realm.
     */
    void signIn(String user, String password) {
        browser.open(console.replace("http://", "http://" + user + ":" + password + "@")
                .replace("/console/index.html", "/management"));
        browser.open(console);
        browser.visible(By.id("tlc-configuration"));
    }

    /** The console's homepage (the browser is signed in already). */
    void home() {
        browser.open(console);
        browser.visible(By.id("tlc-configuration"));
    }

    void openResourceAdapters() {
        browser.click(By.id("tlc-configuration"));
        browser.click(By.cssSelector("li#subsystems"));
        browser.click(By.cssSelector("li#resource-adapters"));
        browser.visible(By.id("resource-adapter-add"));
    }

    /** The finder's add dialog: name and archive (a deployed RAR), as a resource adapter is added by hand. */
    void addResourceAdapter(String name, String archive) {
        browser.click(By.id("resource-adapter-add"));
        awaitDialog();
        browser.type(By.id("resource-adapter-form-archive-editing"), archive);
        browser.type(By.id("resource-adapter-form-name-editing"), name);
    }

    void confirmDialog() {
        browser.click(MODAL_PRIMARY);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#hal-modal .modal-dialog")));
    }

    /** Selects the adapter in the finder column (its buttons show on the selected item), then View. */
    void viewResourceAdapter(String name) {
        browser.click(By.cssSelector("li#ra-" + name));
        browser.click(By.cssSelector("li#ra-" + name + " a.btn-finder"));
        browser.visible(By.id("resource-adapter-configuration-item"));
    }

    void section(String item) {
        browser.scrollToTop();
        browser.click(By.id("resource-adapter-" + item + "-item"));
    }

    /**
     * Edit: clicked again until the form is in edit mode (a click before HAL has bound the link does nothing), then
     * waits until HAL has put the focus in the form's first field, which it does a moment after the form shows: keys
     * typed before that would land in the first field (they once put a properties field's first pair into the class
     * name).
     */
    void edit(String form) {
        browser.scrollToTop();
        By link = By.cssSelector("#" + form + "-links a[data-operation=edit]");
        By editing = By.id(form + "-editing");
        browser.visible(link);
        browser.until(d -> {
            try {
                if (!d.findElement(editing).isDisplayed()) {
                    d.findElement(link).click();
                }
                return d.findElement(editing).isDisplayed();
            } catch (WebDriverException e) {
                dismissNotifications();
                return false;
            }
        });
        browser.until(d -> (Boolean) browser.script("const e = document.activeElement;"
                + " return e != null && e.closest('#" + form + "-editing') != null;"));
    }

    void field(String form, String attribute, String value) {
        browser.type(By.id(form + "-" + attribute + "-editing"), value);
    }

    /** A bootstrap-select drop-down: opens it and picks the option. */
    void choose(String form, String attribute, String option) {
        String id = form + "-" + attribute + "-editing";
        browser.click(By.cssSelector("button[data-id='" + id + "']"));
        browser.click(By.xpath("//button[@data-id='" + id + "']/following-sibling::div//a[normalize-space()='"
                + option + "']"));
    }

    /**
     * Adds key=value tags to a properties field; each must be accepted: the field empties itself and the pair joins
     * the tags it keeps, comma-separated, in the hidden input that follows it.
     */
    void properties(String form, String attribute, List<String> pairs) {
        String id = form + "-" + attribute + "-editing";
        WebElement input = browser.visible(By.id(id));
        By kept = By.xpath("//input[@id='" + id + "']/following-sibling::input[@type='hidden']");
        for (String pair : pairs) {
            input.sendKeys(pair, Keys.ENTER);
            browser.until(d -> input.getAttribute("value").isEmpty()
                    && Arrays.asList(d.findElement(kept).getAttribute("value").split(",")).contains(pair));
        }
    }

    /** Types a key=value pair the properties field refuses, and returns the message it shows. */
    String refusedProperty(String form, String attribute, String pair) {
        WebElement input = browser.visible(By.id(form + "-" + attribute + "-editing"));
        input.sendKeys(pair, Keys.ENTER);
        return browser.text(By.xpath("//input[@id='" + form + "-" + attribute
                + "-editing']/ancestor::div[contains(@class,'form-group')]//span[contains(@class,'help-block')]"
                + "[contains(., 'Invalid format')]"));
    }

    void save(String form) {
        browser.click(By.cssSelector("#" + form + "-editing .btn-primary"));
        browser.visible(By.id(form + "-readonly"));
    }

    void cancel(String form) {
        browser.click(By.xpath("//div[@id='" + form + "-editing']//button[normalize-space()='Cancel']"));
        browser.visible(By.id(form + "-readonly"));
    }

    String readOnly(String form, String attribute) {
        return browser.text(By.id(form + "-" + attribute + "-readonly"));
    }

    /** The Add button of a table (connection definitions, admin objects, the model browser's children). */
    void addToTable(String table) {
        browser.scrollToTop();
        browser.click(By.xpath("//div[@id='" + table + "_wrapper']//button[normalize-space()='Add']"));
        awaitDialog();
    }

    /** Waits until the dialog has put the focus in its first field, which it does a moment after it shows. */
    private void awaitDialog() {
        browser.visible(By.cssSelector("#hal-modal .modal-dialog"));
        browser.until(d -> (Boolean) browser.script("const e = document.activeElement;"
                + " return e != null && e.tagName === 'INPUT' && e.closest('#hal-modal') != null;"));
    }

    /** Selects the row (a click on a selected row would unselect it, so a selected one is left as it is). */
    void selectRow(String table, String name) {
        By row = By.xpath("//table[@id='" + table + "']//tr[td[normalize-space()='" + name + "']]");
        if (!browser.visible(row).getAttribute("class").contains("selected")) {
            browser.click(row);
        }
        browser.until(d -> d.findElement(row).getAttribute("class").contains("selected"));
    }

    void awaitRow(String table, String name) {
        browser.visible(By.xpath("//table[@id='" + table + "']//td[normalize-space()='" + name + "']"));
    }

    void tab(String pane) {
        browser.scrollToTop();
        browser.click(By.cssSelector("a[href='#" + pane + "']"));
    }

    /** The breadcrumb's "expert mode": the model browser at the resource adapter's address. */
    void modelBrowser() {
        browser.scrollToTop();
        browser.click(By.cssSelector("a[title='Switch to expert mode (model browser)']"));
        browser.visible(By.id("model-browser-root"));
    }

    void expand(String node) {
        browser.click(By.cssSelector("li#" + node + " > i.jstree-ocl"));
    }

    void selectNode(String node) {
        browser.click(By.id(node + "_anchor"));
    }

    void normalMode() {
        browser.scrollToTop();
        browser.click(By.cssSelector("a[title='Back to normal mode']"));
        browser.visible(By.id("resource-adapter-configuration-item"));
    }

    /** The Optional Fields section of an add dialog. */
    void optionalFields() {
        browser.click(By.xpath("//div[@id='hal-modal']//a[normalize-space()='Optional Fields']"));
    }

    /** The header's "Reload Required", confirmed: the server reloads and the console says so. */
    void reload() {
        browser.scrollToTop();
        browser.click(By.id("reload-link"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#hal-modal .modal-body"),
                "reload"));
        browser.click(MODAL_PRIMARY);
    }

    /**
     * Runtime → the server → Reload from its menu, confirmed: for changes the console does not flag itself. The
     * caller waits for the reload in the server log.
     */
    void reloadServer() {
        home();
        browser.click(By.id("tlc-runtime"));
        browser.click(By.cssSelector("li#standalone-host-localhost"));
        browser.click(By.cssSelector("li#standalone-host-localhost button.dropdown-toggle"));
        browser.click(By.xpath("//li[@id='standalone-host-localhost']//ul[contains(@class,'dropdown-menu')]"
                + "//a[normalize-space()='Reload']"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#hal-modal .modal-body"),
                "reload"));
        browser.click(MODAL_PRIMARY);
    }

    /** Runtime → the server → its preview's boot errors → the RAR's: the page, with the failure description. */
    String bootError() {
        home();
        browser.click(By.id("tlc-runtime"));
        browser.click(By.cssSelector("li#standalone-host-localhost"));
        browser.click(By.xpath("//div[@id='hal-finder-preview']//a[normalize-space()='View']"));
        browser.click(By.xpath("//td[normalize-space()='/deployment=lambda-jca-adapter.rar']"));
        return browser.until(d -> {
            String page = d.findElement(By.id("hal-root-container")).getText();
            return page.contains("Failure Description") && page.contains("Caused by") ? page : null;
        });
    }
}
