package io.maelezo.it;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.LinkedHashMap;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The one change tests and the demo make to {@code config/mailetcontainer.xml}: RemoteDelivery
 * sends everything to the local rejecting server (gateway, gatewayPort) and gives up quickly
 * (delayTime, maxRetries). A test may also set a parameter of one of maelezo's mailets, as an admin
 * would ({@link #withParameter}). Nothing else of the admin's file is touched.
 */
public final class TestOverlay {
    private final Map<String, String> remoteDelivery;
    private final boolean withoutMaelezo;
    /** Parameters of maelezo's mailets: mailet class, then name and value. */
    private final Map<String, Map<String, String>> maelezoParameters;

    private TestOverlay(Map<String, String> remoteDelivery, boolean withoutMaelezo, Map<String, Map<String, String>> maelezoParameters) {
        this.remoteDelivery = remoteDelivery;
        this.withoutMaelezo = withoutMaelezo;
        this.maelezoParameters = maelezoParameters;
    }

    /** The same overlay, and maelezo's mailets taken out: plain James, to compare with. */
    public TestOverlay withoutMaelezo() {
        return new TestOverlay(remoteDelivery, true, maelezoParameters);
    }

    /** The same overlay, and this parameter of one of maelezo's mailets ({@code io.maelezo.james.DecorateBounce}) set. */
    public TestOverlay withParameter(String mailetClass, String name, String value) {
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>(maelezoParameters);
        Map<String, String> ofMailet = new LinkedHashMap<>(parameters.getOrDefault(mailetClass, Map.of()));
        ofMailet.put(name, value);
        parameters.put(mailetClass, ofMailet);
        return new TestOverlay(remoteDelivery, withoutMaelezo, parameters);
    }

    public static TestOverlay gatewayTo(int port) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("gateway", "127.0.0.1");
        values.put("gatewayPort", Integer.toString(port));
        values.put("delayTime", "1000");
        values.put("maxRetries", "0");
        return new TestOverlay(values, false, Map.of());
    }

    public void apply(Path source, Path target) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document document;
        try (InputStream in = Files.newInputStream(source)) {
            document = factory.newDocumentBuilder().parse(in);
        }
        Element remoteDeliveryMailet = findRemoteDelivery(document);
        remoteDelivery.forEach((name, value) -> setChild(remoteDeliveryMailet, name, value));
        maelezoParameters.forEach((mailetClass, parameters) -> {
            Element mailet = findMailet(document, mailetClass);
            parameters.forEach((name, value) -> setChild(mailet, name, value));
        });
        if (withoutMaelezo) {
            NodeList mailets = document.getElementsByTagName("mailet");
            for (int i = mailets.getLength() - 1; i >= 0; i--) {
                Element mailet = (Element) mailets.item(i);
                if (mailet.getAttribute("class").startsWith("io.maelezo.")) {
                    mailet.getParentNode().removeChild(mailet);
                }
            }
        }
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        try (OutputStream out = Files.newOutputStream(target)) {
            transformer.transform(new DOMSource(document), new StreamResult(out));
        }
    }

    private static Element findRemoteDelivery(Document document) {
        return findMailet(document, "RemoteDelivery");
    }

    private static Element findMailet(Document document, String mailetClass) {
        NodeList mailets = document.getElementsByTagName("mailet");
        for (int i = 0; i < mailets.getLength(); i++) {
            Element mailet = (Element) mailets.item(i);
            if (mailetClass.equals(mailet.getAttribute("class"))) {
                return mailet;
            }
        }
        throw new IllegalStateException("mailetcontainer.xml has no " + mailetClass + " mailet");
    }

    private static void setChild(Element parent, String name, String value) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element && child.getNodeName().equals(name)) {
                child.setTextContent(value);
                return;
            }
        }
        Element element = parent.getOwnerDocument().createElement(name);
        element.setTextContent(value);
        parent.appendChild(element);
    }
}
