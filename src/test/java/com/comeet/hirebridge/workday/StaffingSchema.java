package com.comeet.hirebridge.workday;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The XML schema of Workday's Staffing v26.1, read from {@code ../shared/contracts/workday/Staffing.wsdl} (never
 * copied into the repository) and compiled once per test JVM: it is large.
 */
public final class StaffingSchema {

    static final Path WSDL = Path.of("../shared/contracts/workday/Staffing.wsdl");
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private static Schema schema;

    private StaffingSchema() {
    }

    /** One line per problem the schema finds in {@code element} (a request, as the SOAP body carries it). */
    public static List<String> violations(Element element) {
        List<String> problems = new ArrayList<>();
        Validator validator = get().newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(e.getMessage());
            }
        });
        try {
            validator.validate(new DOMSource(element));
        } catch (Exception e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    static synchronized Schema get() {
        if (schema == null) {
            schema = compile();
        }
        return schema;
    }

    /** The {@code xsd:schema} of the WSDL's types, standing alone with the namespaces the WSDL declares for it. */
    private static Schema compile() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document wsdl = factory.newDocumentBuilder().parse(WSDL.toFile());
            Element definitions = wsdl.getDocumentElement();
            Element embedded = (Element) wsdl.getElementsByTagNameNS(XSD, "schema").item(0);

            Document standalone = factory.newDocumentBuilder().newDocument();
            Element copy = (Element) standalone.importNode(embedded, true);
            NamedNodeMap declared = definitions.getAttributes();
            for (int i = 0; i < declared.getLength(); i++) {
                Attr attribute = (Attr) declared.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                        && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getName(), attribute.getValue());
                }
            }
            standalone.appendChild(copy);
            SchemaFactory schemas = SchemaFactory.newInstance(XSD);
            // The Staffing schema has more particles than the JDK's secure-processing default allows.
            schemas.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, false);
            return schemas.newSchema(new DOMSource(standalone, WSDL.toUri().toString()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + WSDL.toAbsolutePath(), e);
        } catch (Exception e) {
            throw new IllegalStateException("the schema in " + WSDL + " does not compile", e);
        }
    }
}
