package io.lambdajca.console;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The GlassFish (and Payara) Admin Console, admingui: JSF pages whose elements carry stable ids such as
 * propertyForm:propertySheet:...; the navigation tree's nodes are treeForm:tree:a:b:b_link.
 */
final class AdminGui {

    private final Browser browser;
    private final String base;

    AdminGui(Browser browser, int adminPort) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + adminPort;
    }

    /** Opens the console; its first request deploys it ("loading" page), so the wait is long. */
    void open() {
        browser.open(base + "/common/index.jsf");
        new WebDriverWait(browser.driver(), Duration.ofMinutes(3)).until(d -> {
            if (!d.findElements(By.id("treeForm:tree:resources:resources_link")).isEmpty()) {
                return true;
            }
            if (d.getTitle().contains("Administration Console") && d.findElements(By.id("treeForm")).isEmpty()
                    && d.getPageSource().contains("loading")) {
                return false; // the loading page refreshes itself
            }
            return false;
        });
    }

    /** Clicks the tree node at the path (e.g. resources, Connectors, connectorConnectionPools), expanding parents. */
    void tree(String... path) {
        String id = "treeForm:tree";
        for (int i = 0; i < path.length; i++) {
            id += ":" + path[i];
            String link = id + ":" + path[i] + "_link";
            if (i == path.length - 1) {
                browser.click(By.id(link));
            } else if (!browser.driver().findElement(By.id(id + "_children")).isDisplayed()) {
                browser.click(By.id(id + ":" + path[i] + "_turner"));
                String children = id + "_children";
                browser.until(d -> d.findElement(By.id(children)).isDisplayed());
            }
        }
    }

    void button(String id) {
        browser.click(By.id(id));
    }

    void type(String id, String value) {
        browser.type(By.id(id), value);
    }

    /** Types into a password field (the value is never read back from the page). */
    void secret(String id, String value) {
        browser.type(By.id(id), value);
    }

    /** Clicks the tab with this label (such as Password Aliases on the Domain page). */
    void tab(String label) {
        browser.click(By.xpath("//a[normalize-space()='" + label + "']"));
    }

    /** Checks the visible checkbox whose id has the part (such as pingProp), if it is not checked yet. */
    void check(String idPart) {
        WebElement box = browser.visible(By.xpath("//input[@type='checkbox' and contains(@id, '" + idPart
                + "')]"));
        if (!box.isSelected()) {
            browser.click(By.id(box.getAttribute("id")));
        }
        browser.until(d -> box.isSelected());
    }

    /** Whether a resources table shows the row named so as enabled (the image in its Enabled column). */
    boolean enabledInTable(String name) {
        WebElement row = browser.visible(By.xpath("//tr[.//a[normalize-space()='" + name + "']]"));
        return !row.findElements(By.xpath(".//img[contains(@src, '/enabled.png')]")).isEmpty();
    }

    /** The text of the alert the page shows (its summary and detail), once it shows one. */
    String alert() {
        return browser.until(d -> {
            for (WebElement alert : d.findElements(By.cssSelector("[id$=':pageAlert'], [id$=':msgs']"))) {
                String text = alert.getText();
                if (alert.isDisplayed() && !text.isBlank()) {
                    return text;
                }
            }
            return null;
        });
    }

    void choose(String id, String value) {
        new Select(browser.visible(By.id(id))).selectByValue(value);
    }

    /** Waits until the select offers the value (after a choice above it reloaded the page), and chooses it. */
    void awaitOption(String id, String value) {
        browser.until(d -> {
            try {
                new Select(d.findElement(By.id(id))).selectByValue(value);
                return true;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    /** Waits until a page whose text has the part is shown (after a button submitted the form). */
    void awaitPage(String part) {
        browser.until(d -> shows(part));
    }

    /** Whether the page's text has the part, and no button says Processing... (the form is not being submitted). */
    boolean shows(String part) {
        return browser.driver().findElement(By.tagName("body")).getText().contains(part) && !submitting();
    }

    /** Clicks the page's button with this label (such as New...), for pages whose button ids differ. */
    void buttonLabelled(String label) {
        browser.click(By.xpath("//input[(@type='submit' or @type='button') and normalize-space(@value)='" + label
                + "']"));
    }

    /** The id of the input that the label (its text starting so, such as "JNDI Name") is for. */
    String labelled(String label) {
        return browser.until(d -> {
            for (WebElement l : d.findElements(By.xpath("//label[starts-with(normalize-space(), '" + label + "')]"))) {
                String id = l.getAttribute("for");
                if (id != null && !id.isEmpty() && !d.findElements(By.id(id)).isEmpty()) {
                    return id;
                }
            }
            return null;
        });
    }

    /** The row prefix (propertyForm:basicTable:rowGroup1:N:) of the Additional Properties row named so. */
    String propertyRow(String name) {
        WebElement nameField = browser.visible(By.xpath("//input[contains(@id, ':col2:col1St') and @value='" + name
                + "']"));
        String id = nameField.getAttribute("id");
        return id.substring(0, id.indexOf(":col2:col1St") + 1);
    }

    /** Sets the value of an Additional Property the adapter declares (its row is there already). */
    void property(String name, String value) {
        String row = propertyRow(name);
        if (confidential(name)) {
            browser.type(By.id(row + "col3:confV"), value);
            browser.type(By.id(row + "col5:confV2"), value);
        } else {
            browser.type(By.id(row + "col3:col1St"), value);
        }
    }

    /** Whether the console shows the property as confidential: a password field and its confirmation. */
    boolean confidential(String name) {
        String row = propertyRow(name);
        return !browser.driver().findElement(By.id(row + "col3:col1St")).isDisplayed()
                && browser.driver().findElement(By.id(row + "col3:confV")).isDisplayed()
                && "password".equals(browser.driver().findElement(By.id(row + "col3:confV")).getAttribute("type"));
    }

    /** Waits until the page's title (its h1) has the text: the page the last click asked for is shown. */
    void awaitHeading(String text) {
        browser.until(d -> showsHeading(text));
    }

    /** Whether the page's heading has the text, and no button says Processing... */
    boolean showsHeading(String text) {
        return !browser.driver().findElements(By.xpath("//h1[contains(normalize-space(), '" + text + "')]")).isEmpty()
                && !submitting();
    }

    /** Whether a button says Processing...: the console is still submitting a form. */
    private boolean submitting() {
        return !browser.driver().findElements(By.cssSelector("input[value='Processing...']")).isEmpty();
    }
}
