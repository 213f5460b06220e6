package com.comeet.hirebridge.workday;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import com.comeet.hirebridge.company.Company;

/**
 * SOAP envelopes for Workday, written by the JDK's StAX writer, which escapes every text and attribute value: a
 * name such as {@code </wd:Last_Name>} stays text. Answers are read by a DOM parser that refuses any DTD, so an
 * answer cannot make the bridge resolve an entity, read a file or call another host.
 */
final class WorkdayXml {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WD = "urn:com.workday/bsvc";
    private static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-username-token-profile-1.0#PasswordText";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final DocumentBuilderFactory INPUT = secureParser();

    private final XMLStreamWriter out;

    private WorkdayXml(XMLStreamWriter out) {
        this.out = out;
    }

    /** What goes inside {@code soapenv:Body}. */
    interface Body {
        void write(WorkdayXml xml) throws XMLStreamException;
    }

    /**
     * The whole request: the WS-Security {@code UsernameToken} with the password as {@code PasswordText}, then the
     * body. A value holding a character XML 1.0 cannot carry is refused rather than altered.
     */
    static byte[] envelope(Company.WorkdayAccount account, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            WorkdayXml xml = new WorkdayXml(writer);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setPrefix("soapenv", SOAP);
            writer.setPrefix("wd", WD);
            writer.writeStartElement(SOAP, "Envelope");
            writer.writeNamespace("soapenv", SOAP);
            writer.writeNamespace("wd", WD);
            writer.writeStartElement(SOAP, "Header");
            writer.setPrefix("wsse", WSSE);
            writer.writeStartElement(WSSE, "Security");
            writer.writeNamespace("wsse", WSSE);
            writer.writeAttribute("soapenv", SOAP, "mustUnderstand", "1");
            writer.writeStartElement(WSSE, "UsernameToken");
            writer.writeStartElement(WSSE, "Username");
            xml.characters(account.username());
            writer.writeEndElement();
            writer.writeStartElement(WSSE, "Password");
            writer.writeAttribute("Type", PASSWORD_TEXT);
            xml.characters(account.password());
            writer.writeEndElement();
            writer.writeEndElement();
            writer.writeEndElement();
            writer.writeEndElement();
            writer.writeStartElement(SOAP, "Body");
            body.write(xml);
            writer.writeEndElement();
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Workday request could not be written", e);
        }
        return bytes.toByteArray();
    }

    /** Opens {@code wd:<name>}. */
    WorkdayXml start(String name) throws XMLStreamException {
        out.writeStartElement(WD, name);
        return this;
    }

    /** A {@code wd:} attribute of the element just opened. */
    WorkdayXml attribute(String name, String value) throws XMLStreamException {
        out.writeAttribute("wd", WD, name, value);
        return this;
    }

    WorkdayXml end() throws XMLStreamException {
        out.writeEndElement();
        return this;
    }

    /** {@code <wd:name>value</wd:name>}, or nothing when there is no value. */
    WorkdayXml element(String name, String value) throws XMLStreamException {
        if (value != null) {
            start(name);
            characters(value);
            end();
        }
        return this;
    }

    /** {@code <wd:name><wd:ID wd:type="type">value</wd:ID></wd:name>}, or nothing when there is no value. */
    WorkdayXml reference(String name, String type, String value) throws XMLStreamException {
        if (value != null) {
            start(name).start("ID").attribute("type", type);
            characters(value);
            end().end();
        }
        return this;
    }

    private void characters(String value) throws XMLStreamException {
        value.codePoints().filter(c -> !allowedInXml(c)).findFirst().ifPresent(c -> {
            throw new UnwritableValueException();
        });
        out.writeCharacters(value);
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** A value holds a control character that XML 1.0 cannot carry. */
    static final class UnwritableValueException extends RuntimeException {
        UnwritableValueException() {
            super("a value holds a character XML cannot carry", null, false, false);
        }
    }

    /** Parses an answer; any DTD, and so any entity declaration, is refused. */
    static Document parse(byte[] body) throws IOException {
        try {
            DocumentBuilder builder = INPUT.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not resolved");
            });
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new UnreadableAnswerException();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer is not well-formed XML, or declares a DTD. */
    static final class UnreadableAnswerException extends RuntimeException {
        UnreadableAnswerException() {
            super("the answer is not XML the bridge reads", null, false, false);
        }
    }

    /** The first descendant {@code wd:<name>} (or SOAP element) of {@code from}, or null. */
    static Element first(Node from, String namespace, String name) {
        if (from == null) {
            return null;
        }
        NodeList found = from instanceof Document document
                ? document.getElementsByTagNameNS(namespace, name)
                : ((Element) from).getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    /** Every descendant {@code wd:<name>} of {@code from}. */
    static List<Element> all(Element from, String name) {
        List<Element> elements = new ArrayList<>();
        NodeList found = from.getElementsByTagNameNS(WD, name);
        for (int i = 0; i < found.getLength(); i++) {
            elements.add((Element) found.item(i));
        }
        return elements;
    }

    /** The text of the {@code wd:ID} of {@code reference} whose {@code wd:type} is {@code type}, or null. */
    static String id(Element reference, String type) {
        if (reference == null) {
            return null;
        }
        for (Element id : all(reference, "ID")) {
            if (type.equals(id.getAttributeNS(WD, "type"))) {
                return trimmed(id.getTextContent());
            }
        }
        return null;
    }

    static String text(Element element) {
        return element == null ? null : trimmed(element.getTextContent());
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static DocumentBuilderFactory secureParser() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
