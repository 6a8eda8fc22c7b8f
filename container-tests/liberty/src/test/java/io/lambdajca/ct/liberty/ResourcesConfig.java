package io.lambdajca.ct.liberty;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.lambdajca.ct.Resources;
import io.lambdajca.ct.TestWorld;

/**
 * Writes the server.xml include file with the adapter and the test world's resources, in the layout an administrator
 * copies from src/main/liberty/lambda-jca.xml: a resourceAdapter, one connectionFactory per connection definition,
 * one adminObject per credential profile, and an authData for container-managed sign-on. Liberty wants the
 * adapter's property names with a lower-case first letter ({@code accessKeyId}).
 * <p>
 * Confidential values never appear in the file. Liberty decodes an {aes} value only in a property whose name
 * contains "password" (and in authData): keystorePassword and the sign-on password are written {aes}-encoded by
 * securityUtility. Other confidential properties (secretAccessKey, sessionToken) would reach the adapter still
 * encoded, so they are references to Liberty variables, {@code ${alias}}, whose values are files in the server's
 * {@code variables/} directory (Liberty's default variableSource: where a Kubernetes secret is mounted).
 */
final class ResourcesConfig {

    /** The authData that the sign-on connection factory names in containerAuthDataRef. */
    static final String SIGN_ON_AUTH_DATA = "lambdaSignOn";

    private final String adapterId;
    private final SecurityUtility securityUtility;
    private final Path variablesDir;

    /** Secrets go {aes}-encoded through securityUtility, or to files of variablesDir. */
    ResourcesConfig(String adapterId, SecurityUtility securityUtility, Path variablesDir) {
        this.adapterId = adapterId;
        this.securityUtility = securityUtility;
        this.variablesDir = variablesDir;
    }

    /** The include file with the RAR at that location and all the resources. */
    String withAdapter(Path rar, Resources resources) throws IOException, InterruptedException {
        Document doc = newDocument();
        Element server = doc.createElement("server");
        doc.appendChild(server);
        server.appendChild(comment(doc, "Written by the container tests' setup layer (LibertySetup) before the "
                + "server starts."));

        Element adapter = child(server, "resourceAdapter");
        adapter.setAttribute("id", adapterId);
        adapter.setAttribute("location", rar.toAbsolutePath().toString());
        adapter.setAttribute("autoStart", "true");

        for (Resources.Profile profile : resources.profiles()) {
            Element adminObject = child(server, "adminObject");
            adminObject.setAttribute("id", profile.id());
            adminObject.setAttribute("jndiName", profile.jndiName());
            setProperties(child(adminObject, "properties." + adapterId), profile.properties());
        }
        for (Resources.ConnectionDefinition definition : resources.connectionDefinitions()) {
            Element factory = child(server, "connectionFactory");
            factory.setAttribute("id", definition.id());
            factory.setAttribute("jndiName", definition.jndiName());
            if (definition.containerSignOn()) {
                // one authData per sign-on definition: user = the access key id, password = its secret ({aes})
                String authDataId = SIGN_ON_AUTH_DATA + "-" + definition.id();
                factory.setAttribute("containerAuthDataRef", authDataId);
                Element authData = child(server, "authData");
                authData.setAttribute("id", authDataId);
                authData.setAttribute("user", TestWorld.ACCESS_KEY);
                authData.setAttribute("password", securityUtility.encode(definition.signOnPassword().value()));
            }
            Element pool = child(factory, "connectionManager");
            pool.setAttribute("maxPoolSize", Integer.toString(definition.maxPool()));
            // whole seconds, rounded up: Liberty truncates 500ms to 0, which is no wait at all (J2CA0045E says
            // "Timed out waiting for 0 millisecond(s)")
            pool.setAttribute("connectionTimeout", (definition.waitMillis() + 999) / 1000 + "s");
            setProperties(child(factory, "properties." + adapterId), definition.properties());
        }
        return toXml(doc);
    }

    /** The include file once the administrator has removed the adapter and everything that uses it. */
    static String empty() {
        Document doc = newDocument();
        Element server = doc.createElement("server");
        doc.appendChild(server);
        server.appendChild(comment(doc, "The Lambda adapter and its resources were removed."));
        return toXml(doc);
    }

    static void write(Path file, String xml) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, xml, StandardCharsets.UTF_8);
        move(temp, file);
    }

    /** One rename, so that Liberty's configuration monitor never reads half a file. */
    static void move(Path written, Path target) throws IOException {
        Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void setProperties(Element properties, Map<String, Object> values)
            throws IOException, InterruptedException {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String name = libertyName(e.getKey());
            String value = e.getValue() instanceof Resources.Secret secret
                    ? secretValue(name, secret)
                    : String.valueOf(e.getValue());
            properties.setAttribute(name, value);
        }
    }

    private String secretValue(String property, Resources.Secret secret) throws IOException, InterruptedException {
        if (property.toLowerCase(Locale.ROOT).contains("password")) {
            return securityUtility.encode(secret.value());
        }
        Files.createDirectories(variablesDir);
        Path file = variablesDir.resolve(secret.alias());
        Files.writeString(file, secret.value(), StandardCharsets.UTF_8); // no newline: the file is the whole value
        return "${" + secret.alias() + "}";
    }

    /** AccessKeyId becomes accessKeyId: Liberty ignores (J2CA8501E) a property spelt as in the adapter. */
    static String libertyName(String configProperty) {
        return configProperty.substring(0, 1).toLowerCase(Locale.ROOT) + configProperty.substring(1);
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static Comment comment(Document doc, String text) {
        return doc.createComment(" " + text + " ");
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toXml(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
