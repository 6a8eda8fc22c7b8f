package io.lambdajca.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Open Liberty's Admin Center (adminCenter-1.0) and its Server Config tool as an administrator uses them: the sign-in
 * page, the toolbox, and the tool (in the toolbox's frame) with its file list, its Design view (a tree of the
 * file's elements and a form of the selected one's attributes, both drawn from the schema of the features Liberty
 * has installed) and its Source view (an Orion text editor). The element ids are the tool's own (its index.jsp and
 * editorForm.js in open-liberty's com.ibm.ws.ui.tool.serverConfig).
 */
final class AdminCenter {

    private static final By SOURCE_TEXT = By.cssSelector("#orionEditor .textviewContent");

    private final Browser browser;
    private final String url;

    AdminCenter(Browser browser, int httpsPort) {
        this.browser = browser;
        this.url = "https://127.0.0.1:" + httpsPort + "/adminCenter/";
    }

    /** Signs in and waits for the toolbox. */
    void signIn(String user, String password) {
        browser.open(url);
        browser.type(By.id("j_username"), user);
        browser.type(By.id("j_password"), password);
        browser.click(By.id("loginButton"));
        browser.visible(serverConfigTool());
    }

    /** The toolbox, for a browser signed in already. */
    void toolbox() {
        browser.open(url);
        browser.visible(serverConfigTool());
    }

    /** Opens the Server Config tool from the toolbox, and in it the file (server.xml), in the Design view. */
    void openServerConfig(String file) {
        // clicked again until the tool's frame opens: a toolbox just loaded may not act on the first click yet
        browser.until(d -> {
            if (!d.findElements(By.id("toolIFrame")).isEmpty()) {
                return ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("toolIFrame")).apply(d);
            }
            try {
                d.findElement(serverConfigTool()).click();
            } catch (WebDriverException e) {
                // not clickable yet, or replaced by the tool meanwhile: the next poll sees
            }
            return null;
        });
        browser.click(By.xpath("//div[@id='fileExplorerContent']//a[normalize-space()='" + file + "']"));
        browser.visible(By.cssSelector("#editorTree [role=treeitem]"));
    }

    /** Selects the element in the tree by its label (and the id shown after it, if not null). */
    void select(String label, String id) {
        browser.click(By.xpath(node(label, id) + "/div[contains(@class,'editorTreeNodeLabel')]"));
        browser.until(ExpectedConditions.attributeToBe(By.xpath(node(label, id)), "aria-selected", "true"));
    }

    /** Shows the element's children in the tree. */
    void expand(String label, String id) {
        WebElement node = browser.visible(By.xpath(node(label, id)));
        if (!"true".equals(node.getAttribute("aria-expanded"))) {
            browser.click(By.xpath(node(label, id) + "/div[contains(@class,'editorTreeNodeExpandButton')]"));
            browser.until(ExpectedConditions.attributeToBe(By.xpath(node(label, id)), "aria-expanded", "true"));
        }
    }

    /**
     * Adds a child of the selected element: Add child, the name typed into the dialog's search, the element chosen
     * from the list (its description shows under the list). Returns that description; the new element is selected.
     */
    String addChild(String search, String elementName) {
        browser.click(By.id("addChildButton"));
        browser.type(By.id("dialogAddChildElementSearch"), search);
        browser.click(By.cssSelector("#dialogAddChildElementListContainer [data-element-name='" + elementName + "']"));
        WebElement shown = browser.visible(By.id("dialogAddChildElementDescription"));
        String description = browser.until(d -> shown.getAttribute("value").isBlank() ? null
                : shown.getAttribute("value"));
        browser.click(By.id("dialogAddChildElementOKButton"));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialogAddChildElement")));
        return description;
    }

    /** Types the value into the selected element's attribute field. */
    void attribute(String name, String value) {
        browser.type(By.id("attribute_" + name), value);
    }

    /** The value in the selected element's attribute field. */
    String attributeValue(String name) {
        return browser.visible(By.id("attribute_" + name)).getAttribute("value");
    }

    /** What the selected element's empty attribute field shows in grey: its default, or "(no value)". */
    String attributeHint(String name) {
        return browser.visible(By.id("attribute_" + name)).getAttribute("placeholder");
    }

    /** What the form of the selected element shows: its title, description, fields and their descriptions. */
    String form() {
        return browser.text(By.id("editorForm"));
    }

    void sourceView() {
        browser.click(By.id("editorNavigationSourceLink"));
        browser.visible(SOURCE_TEXT);
    }

    void designView() {
        browser.click(By.id("editorNavigationDesignLink"));
        browser.visible(By.id("editorTree"));
    }

    /**
     * In the Source view: puts the caret at the end of the first line that holds {@code line}, and types the keys
     * there as an administrator types into the editor (the editor's content assist does not know the adapter's
     * element, so it offers nothing). The caret is placed through the editor's own API, where a person clicks: the
     * editor draws only the lines in view, so a line further down is not there to be clicked.
     */
    void typeAtEndOf(String line, CharSequence... keys) {
        caret("var line = model.getLineAtOffset(at); view.setCaretOffset(model.getLineEnd(line), true);", line);
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** In the Source view: selects the first {@code text} (as a double click on it does) and types over it. */
    void typeOver(String text, String replacement) {
        caret("view.setSelection(at, at + arguments[0].length, true);", text);
        new Actions(browser.driver()).sendKeys(replacement).perform();
    }

    /** Places the caret or the selection with the editor's API, once {@code at} is where {@code text} starts. */
    private void caret(String place, String text) {
        browser.visible(SOURCE_TEXT);
        Object found = browser.script("var view = source.orionEditor.editor.getTextView(); var model = view.getModel();"
                + " var at = view.getText().indexOf(arguments[0]); if (at < 0) { return false; } " + place
                + " view.focus(); return true;", text);
        if (!Boolean.TRUE.equals(found)) {
            throw new IllegalStateException("the Source view does not hold " + text);
        }
    }

    /**
     * Saves the file (Liberty reads a changed server.xml by itself) and waits until the tool has: it disables Save once
     * the file is written (its "Changes saved" shows for 3 s only), and shows a dialog if it could not be.
     */
    void save() {
        browser.click(By.id("navbarEditorButtonsSave"));
        browser.until(d -> {
            if (d.findElement(By.id("dialogErrorSavingFile")).isDisplayed()) {
                throw new IllegalStateException("the Server Config tool could not save the file");
            }
            return d.findElement(By.id("navbarEditorButtonsSave")).getAttribute("disabled") != null;
        });
    }

    private static By serverConfigTool() {
        return By.cssSelector("[id^='com.ibm.websphere.appserver.adminCenter.tool.serverConfig']");
    }

    private static String node(String label, String id) {
        return "//div[@id='editorTree']//div[@role='treeitem'][div[contains(@class,'editorTreeNodeLabel')]"
                + "[normalize-space()='" + label + "']]"
                + (id == null ? "" : "[div[contains(@class,'editorTreeNodeSuffix')][normalize-space()='" + id + "']]");
    }
}
