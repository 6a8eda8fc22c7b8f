package io.lambdajca.ct.liberty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code <application><classloader classProviderRef="..."/>} references of server.xml to the adapter. An
 * administrator who removes the adapter removes them too: Liberty otherwise warns (CWWKG0033W) that the reference is
 * not found.
 */
final class ApplicationClassloaders {

    private ApplicationClassloaders() {
    }

    /** Removes the references to that resourceAdapter id; returns the names of the applications changed. */
    static List<String> removeProvider(Path serverXml, String adapterId) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            Document doc = factory.newDocumentBuilder().parse(serverXml.toFile());
            List<String> changed = new ArrayList<>();
            NodeList applications = doc.getElementsByTagName("application");
            for (int i = 0; i < applications.getLength(); i++) {
                Element application = (Element) applications.item(i);
                NodeList loaders = application.getElementsByTagName("classloader");
                for (int j = loaders.getLength() - 1; j >= 0; j--) {
                    Element loader = (Element) loaders.item(j);
                    if (adapterId.equals(loader.getAttribute("classProviderRef"))) {
                        loader.removeAttribute("classProviderRef");
                        if (!loader.hasAttributes() && !loader.hasChildNodes()) {
                            application.removeChild(loader);
                        }
                        changed.add(application.getAttribute("name"));
                    }
                }
            }
            if (!changed.isEmpty()) {
                Path temp = serverXml.resolveSibling(serverXml.getFileName() + ".tmp");
                TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc),
                        new StreamResult(temp.toFile()));
                ResourcesConfig.move(temp, serverXml);
            }
            return changed;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot update " + serverXml, e);
        }
    }
}
