package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.resource.spi.ConfigProperty;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.lambdajca.adapter.internal.ConnectionProperties;
import io.lambdajca.adapter.internal.credentials.CredentialProfileProperties;

/**
 * The README's property tables are what administrators read: they must name exactly the properties the adapter
 * declares with {@code @ConfigProperty}, with the same type, confidentiality and default; so must the Open Liberty
 * include that administrators copy, {@code src/main/liberty/lambda-jca.xml}, in Liberty's spelling.
 */
class ConfigPropertiesDocumentedTest {

    private static final Pattern NAME = Pattern.compile("`(\\w+)`( \\(confidential\\))?");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final String NONE = "—";
    /** A listed property and its default in the include's comment: {@code region="us-east-1"}. */
    private static final Pattern LISTED = Pattern.compile("(?m)^\\s+(\\w+)=\"([^\"]*)\"");

    /**
     * Profile defaults depend on the profile's type (a STATIC profile has no duration), so the container is not given
     * them as {@code defaultValue}; the code applies them, and the README must show these.
     */
    private static final Map<String, String> PROFILE_DEFAULTS_BY_TYPE = Map.of(
            "RoleSessionName", CredentialProfileProperties.DEFAULT_SESSION_NAME,
            "DurationSeconds", "" + CredentialProfileProperties.DEFAULT_DURATION_SECONDS,
            "Region", ConnectionProperties.DEFAULT_REGION);

    @Test
    void connectionDefinitionTable_matchesTheManagedConnectionFactorysAnnotations() throws IOException {
        List<Row> rows = table("## Configuration properties (connection definition)", "| Name | Type | Default |");
        Map<String, Declared> declared = declared(LambdaManagedConnectionFactory.class);

        assertThat(names(rows)).as("properties in the README's connection definition table")
                .containsExactlyInAnyOrderElementsOf(declared.keySet());
        for (Row row : rows) {
            assertThat(row.names).as("one property per row: %s", row.cells).hasSize(1);
            Declared d = declared.get(row.names.get(0));
            assertThat(row.cells.get(1)).as("type of %s", d.name)
                    .isEqualTo(d.type + (d.confidential ? " (confidential)" : ""));
            assertThat(row.cells.get(2)).as("default of %s", d.name)
                    .isEqualTo(d.defaultValue.isEmpty() ? NONE : "`" + d.defaultValue + "`");
        }
    }

    @Test
    void credentialProfileTable_matchesTheProfilesAnnotationsAndDefaults() throws IOException {
        List<Row> rows = table("## Credentials", "| Name | Types | Default |");
        Map<String, Declared> declared = declared(LambdaCredentialProfile.class);

        assertThat(names(rows)).as("properties in the README's credential profile table")
                .containsExactlyInAnyOrderElementsOf(declared.keySet());
        for (Row row : rows) {
            for (int i = 0; i < row.names.size(); i++) {
                Declared d = declared.get(row.names.get(i));
                assertThat(row.confidential.get(i)).as("'(confidential)' after %s", d.name).isEqualTo(d.confidential);
                assertThat(d.defaultValue).as("defaultValue of %s (profile defaults depend on the type)", d.name)
                        .isEmpty();
            }
            Matcher code = CODE.matcher(row.cells.get(2));
            if (code.find()) {
                assertThat(row.names).as("a row with a default names one property: %s", row.cells).hasSize(1);
                assertThat(code.group(1)).as("default of %s", row.names.get(0))
                        .isEqualTo(PROFILE_DEFAULTS_BY_TYPE.get(row.names.get(0)));
            } else {
                row.names.forEach(n -> assertThat(PROFILE_DEFAULTS_BY_TYPE).as("README default of %s", n)
                        .doesNotContainKey(n));
            }
        }
    }

    @Test
    void libertyInclude_listsEveryConnectionPropertyWithItsDefault_andSetsOnlyPropertiesTheAdapterHas()
            throws Exception {
        Path include = Path.of("..", "src", "main", "liberty", "lambda-jca.xml").toAbsolutePath().normalize();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(include.toFile());
        Map<String, Declared> connection = libertyNames(declared(LambdaManagedConnectionFactory.class));
        Map<String, Declared> profile = libertyNames(declared(LambdaCredentialProfile.class));

        Map<String, String> listed = new TreeMap<>();
        NodeList factories = doc.getElementsByTagName("connectionFactory");
        for (int i = 0; i < factories.getLength(); i++) {
            for (Node n = factories.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Comment c && c.getData().contains("All the properties of properties.lambda")) {
                    Matcher m = LISTED.matcher(c.getData());
                    while (m.find()) {
                        listed.put(m.group(1), m.group(2));
                    }
                }
            }
        }
        assertThat(listed.keySet()).as("properties listed with their defaults in %s", include)
                .containsExactlyInAnyOrderElementsOf(connection.keySet());
        listed.forEach((name, value) -> assertThat(value).as("default of %s in %s", name, include)
                .isEqualTo(connection.get(name).defaultValue));

        assertSetsOnly(doc, "connectionFactory", connection.keySet(), include);
        assertSetsOnly(doc, "adminObject", profile.keySet(), include);
        StringBuilder profiles = new StringBuilder(); // what the adminObject elements set and say in their comments
        NodeList adminObjects = doc.getElementsByTagName("adminObject");
        for (int i = 0; i < adminObjects.getLength(); i++) {
            for (Node n = adminObjects.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Comment c) {
                    profiles.append(c.getData()).append('\n');
                } else if (n instanceof Element e) {
                    for (int a = 0; a < e.getAttributes().getLength(); a++) {
                        profiles.append(e.getAttributes().item(a).getNodeName()).append('\n');
                    }
                }
            }
        }
        profile.keySet().forEach(name -> assertThat(profiles).as("profile property %s named in %s's adminObject", name,
                include).containsPattern("\\b" + name + "\\b"));
    }

    /** The properties as Liberty spells them: the first letter in lower case. */
    private static Map<String, Declared> libertyNames(Map<String, Declared> declared) {
        Map<String, Declared> liberty = new TreeMap<>();
        declared.forEach((name, d) -> liberty.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), d));
        return liberty;
    }

    /** Every attribute of a properties.lambda element inside an {@code owner} element is one of {@code known}. */
    private static void assertSetsOnly(Document doc, String owner, java.util.Set<String> known, Path include) {
        NodeList owners = doc.getElementsByTagName(owner);
        assertThat(owners.getLength()).as("%s elements in %s", owner, include).isPositive();
        for (int i = 0; i < owners.getLength(); i++) {
            NodeList props = ((Element) owners.item(i)).getElementsByTagName("properties.lambda");
            assertThat(props.getLength()).as("properties.lambda in %s %d", owner, i).isEqualTo(1);
            NamedNodeMap attributes = props.item(0).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                assertThat(known).as("%s's properties.lambda in %s", owner, include)
                        .contains(attributes.item(a).getNodeName());
            }
        }
    }

    private record Declared(String name, String type, boolean confidential, String defaultValue) {
    }

    private record Row(List<String> cells, List<String> names, List<Boolean> confidential) {
    }

    /** The @ConfigProperty setters of a JavaBean, by property name (setRegion: Region), in name order. */
    private static Map<String, Declared> declared(Class<?> bean) {
        Map<String, Declared> found = new TreeMap<>();
        for (Method m : bean.getMethods()) {
            ConfigProperty p = m.getAnnotation(ConfigProperty.class);
            if (p != null) {
                assertThat(m.getName()).as("annotated method").startsWith("set");
                String name = m.getName().substring(3);
                found.put(name, new Declared(name, m.getParameterTypes()[0].getSimpleName(), p.confidential(),
                        p.defaultValue()));
            }
        }
        assertThat(found).as("@ConfigProperty setters of %s", bean.getSimpleName()).isNotEmpty();
        return found;
    }

    /** Every property name the rows give, each at most once. */
    private static List<String> names(List<Row> rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.addAll(r.names));
        assertThat(names).as("property names in the table").doesNotHaveDuplicates();
        return names;
    }

    /** The rows of the first table whose header starts with {@code header}, after the heading line {@code section}. */
    private static List<Row> table(String section, String header) throws IOException {
        Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int at = lines.indexOf(section);
        assertThat(at).as("heading '%s' in %s", section, readme).isNotNegative();
        while (at < lines.size() && !lines.get(at).startsWith(header)) {
            at++;
        }
        assertThat(at).as("table '%s' under '%s' in %s", header, section, readme).isLessThan(lines.size());
        List<Row> rows = new ArrayList<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")) {
                cells.add(cell.trim());
            }
            List<String> names = new ArrayList<>();
            List<Boolean> confidential = new ArrayList<>();
            Matcher m = NAME.matcher(cells.get(0));
            while (m.find()) {
                names.add(m.group(1));
                confidential.add(m.group(2) != null);
            }
            assertThat(names).as("property names in the first cell of %s", line).isNotEmpty();
            rows.add(new Row(cells, names, confidential));
        }
        assertThat(rows).as("rows of table '%s'", header).isNotEmpty();
        return rows;
    }
}
