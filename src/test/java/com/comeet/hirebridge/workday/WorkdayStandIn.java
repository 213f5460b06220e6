package com.comeet.hirebridge.workday;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Workday's Staffing web service for tests: a WireMock server that holds every request to the schema of
 * {@code Staffing.wsdl} and to WS-Security as Workday checks it. A request the schema refuses is answered with a
 * {@code Client.validationError} fault and recorded in {@link #contractViolations()}; wrong credentials get the
 * {@code Client.authenticationError} fault Workday sends, before any stub is consulted.
 */
public final class WorkdayStandIn implements AutoCloseable {

    public static final String PATH = "/ccx/service/initech/Staffing/v26.1";
    public static final String USERNAME = "isu_hire@initech";

    private static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-username-token-profile-1.0#PasswordText";
    private static final String HIRE = "//*[local-name()='Body']/*[local-name()='Hire_Employee_Request']";
    private static final String GET_WORKERS = "//*[local-name()='Body']/*[local-name()='Get_Workers_Request']";
    private static final String SCENARIO = "hire-employee-retries";

    private final WireMockServer server;
    private final List<String> violations;
    private final Credentials credentials;

    private WorkdayStandIn(WireMockServer server, List<String> violations, Credentials credentials) {
        this.server = server;
        this.violations = violations;
        this.credentials = credentials;
    }

    /** A new server on 127.0.0.1 and a free port, accepting {@link #USERNAME} with {@code password}. */
    public static WorkdayStandIn start(String password) {
        // Compiled before the first request, which would otherwise wait longer than the bridge's response timeout.
        StaffingSchema.get();
        List<String> violations = new CopyOnWriteArrayList<>();
        Credentials credentials = new Credentials(password);
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new ContractFilter(violations, credentials)));
        server.start();
        return new WorkdayStandIn(server, violations, credentials);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** From now on only this password is accepted, as after a password change in Workday. */
    public void acceptsOnlyPassword(String password) {
        credentials.password = password;
    }

    /** The hire completed: its event and the new employee's id. */
    public void hireCompletes(String eventWid, String employeeId) {
        server.stubFor(hire().willReturn(ok(hireResponse(eventWid, employeeId))));
    }

    /** The hire waits for approval in Workday: the event only. */
    public void hireAwaitsApproval(String eventWid) {
        server.stubFor(hire().willReturn(ok(hireResponse(eventWid, null))));
    }

    /** Any 200 body. */
    public void hireAnswers(String body) {
        server.stubFor(hire().willReturn(ok(body)));
    }

    public void hireFailsValidation(String... messages) {
        server.stubFor(hire().willReturn(validationFault(messages)));
    }

    public void hireFailsProcessing(String detail, String retryAfter) {
        ResponseDefinitionBuilder answer = processingFault(detail);
        if (retryAfter != null) {
            answer.withHeader("Retry-After", retryAfter);
        }
        server.stubFor(hire().willReturn(answer));
    }

    /** {@code failures} processing faults, then the completed hire. */
    public void hireCompletesAfterProcessingFaults(int failures, String eventWid, String employeeId) {
        for (int i = 0; i < failures; i++) {
            server.stubFor(hire().inScenario(SCENARIO)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(processingFault("The task submitted is not authorized at this time.")));
        }
        server.stubFor(hire().inScenario(SCENARIO)
                .whenScenarioStateIs(failures == 0 ? Scenario.STARTED : "failed-" + failures)
                .willReturn(ok(hireResponse(eventWid, employeeId))));
    }

    /** An HTTP error that is no SOAP fault, as a load balancer in front of Workday sends it. */
    public void hireAnswersStatus(int status, String contentType, String body, String retryAfter) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withBody(body);
        if (retryAfter != null) {
            answer.withHeader("Retry-After", retryAfter);
        }
        server.stubFor(hire().willReturn(answer));
    }

    public void hireDelays(int millis, String eventWid, String employeeId) {
        server.stubFor(hire().willReturn(ok(hireResponse(eventWid, employeeId)).withFixedDelay(millis)));
    }

    public void hireDropsConnection() {
        server.stubFor(hire().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Get_Workers lists one employee with this e-mail, or none when {@code email} is null. */
    public void getWorkersLists(String employeeId, String email) {
        String worker = email == null ? "" : """
                <wd:Worker>
                  <wd:Worker_Reference><wd:ID wd:type="WID">8f2c0e1a9b</wd:ID>\
                <wd:ID wd:type="Employee_ID">%s</wd:ID></wd:Worker_Reference>
                  <wd:Worker_Data><wd:Worker_ID>%s</wd:Worker_ID><wd:Personal_Data><wd:Contact_Data>
                    <wd:Email_Address_Data><wd:Email_Address>%s</wd:Email_Address></wd:Email_Address_Data>
                  </wd:Contact_Data></wd:Personal_Data></wd:Worker_Data>
                </wd:Worker>""".formatted(employeeId, employeeId, email);
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingXPath(GET_WORKERS)).willReturn(ok(
                "<wd:Get_Workers_Response xmlns:wd=\"urn:com.workday/bsvc\" wd:version=\"v26.1\">"
                        + "<wd:Response_Data>" + worker + "</wd:Response_Data></wd:Get_Workers_Response>")));
    }

    public void getWorkersDropsConnection() {
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingXPath(GET_WORKERS))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** A plain GET that an entity in an answer would fetch, if it were ever resolved. */
    public void serves(String path, String body) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    public List<LoggedRequest> getRequests(String path) {
        return server.findAll(getRequestedFor(urlEqualTo(path)));
    }

    /** Waits up to {@code millis} for {@code count} hire requests to be answered: a delayed answer is logged late. */
    public List<LoggedRequest> hireRequestsOnceAnswered(int count, int millis) throws InterruptedException {
        long giveUp = System.currentTimeMillis() + millis;
        while (hireRequests().size() < count && System.currentTimeMillis() < giveUp) {
            Thread.sleep(50);
        }
        return hireRequests();
    }

    public List<LoggedRequest> hireRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingXPath(HIRE)));
    }

    public List<LoggedRequest> getWorkersRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingXPath(GET_WORKERS)));
    }

    /** One line per problem, {@code "POST <path>: reason"}; empty when every request was valid. */
    public List<String> contractViolations() {
        return List.copyOf(violations);
    }

    public void reset(String password) {
        server.resetAll();
        violations.clear();
        credentials.password = password;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A request as a namespace-aware DOM, for tests to read the exact values the stand-in received. */
    public static Document parse(LoggedRequest request) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(request.getBody()));
        } catch (Exception e) {
            throw new IllegalStateException("the request is not XML", e);
        }
    }

    private static MappingBuilder hire() {
        return post(urlEqualTo(PATH)).withRequestBody(matchingXPath(HIRE));
    }

    private static String hireResponse(String eventWid, String employeeId) {
        return "<wd:Hire_Employee_Event_Response xmlns:wd=\"urn:com.workday/bsvc\" wd:version=\"v26.1\">"
                + (eventWid == null ? "" : "<wd:Event_Reference><wd:ID wd:type=\"WID\">" + eventWid
                + "</wd:ID></wd:Event_Reference>")
                + (employeeId == null ? "" : "<wd:Employee_Reference><wd:ID wd:type=\"WID\">3aa5550b7fe3</wd:ID>"
                + "<wd:ID wd:type=\"Employee_ID\">" + employeeId + "</wd:ID></wd:Employee_Reference>")
                + "</wd:Hire_Employee_Event_Response>";
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody(body.startsWith("<?xml") || body.startsWith("<env:") ? body : envelope(body));
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope "
                + "xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Body>" + body
                + "</env:Body></env:Envelope>";
    }

    static ResponseDefinitionBuilder validationFault(String... messages) {
        StringBuilder errors = new StringBuilder();
        for (String message : messages) {
            errors.append("<wd:Validation_Error><wd:Message>").append(escape(message)).append("</wd:Message>")
                    .append("<wd:Detail_Message>").append(escape(message)).append("</wd:Detail_Message>")
                    .append("</wd:Validation_Error>");
        }
        return fault("SOAP-ENV:Client.validationError", "Validation error occurred. " + messages[0],
                "<wd:Validation_Fault>" + errors + "</wd:Validation_Fault>");
    }

    private static ResponseDefinitionBuilder processingFault(String detail) {
        return fault("SOAP-ENV:Client.processingError", "Processing error occurred. " + detail,
                "<wd:Processing_Fault><wd:Detail_Message>" + escape(detail) + "</wd:Detail_Message>"
                        + "</wd:Processing_Fault>");
    }

    private static ResponseDefinitionBuilder authenticationFault() {
        return fault("SOAP-ENV:Client.authenticationError", "invalid username or password", null);
    }

    /** Workday sends every fault with HTTP 500. */
    private static ResponseDefinitionBuilder fault(String code, String faultString, String detail) {
        return aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope "
                        + "xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>"
                        + "<SOAP-ENV:Fault xmlns:wd=\"urn:com.workday/bsvc\"><faultcode>" + code + "</faultcode>"
                        + "<faultstring>" + escape(faultString) + "</faultstring>"
                        + (detail == null ? "" : "<detail>" + detail + "</detail>")
                        + "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The password Workday accepts; tests change it to see the bridge's credentials refused. */
    private static final class Credentials {
        volatile String password;

        Credentials(String password) {
            this.password = password;
        }
    }

    /** Runs before stub matching: an invalid or unauthenticated request never reaches the answer a test stubbed. */
    private static final class ContractFilter implements StubRequestFilterV2 {

        private final List<String> violations;
        private final Credentials credentials;

        ContractFilter(List<String> violations, Credentials credentials) {
            this.violations = violations;
            this.credentials = credentials;
        }

        @Override
        public String getName() {
            return "workday-contract";
        }

        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            if (!"POST".equals(request.getMethod().getName())) {
                return RequestFilterAction.continueWith(request);
            }
            String where = "POST " + request.getUrl() + ": ";
            if (!"text/xml; charset=UTF-8".equals(request.getHeader("Content-Type"))) {
                return refuse(where + "Content-Type is " + request.getHeader("Content-Type"));
            }
            if (!"\"\"".equals(request.getHeader("SOAPAction"))) {
                return refuse(where + "SOAPAction is " + request.getHeader("SOAPAction"));
            }
            Document envelope;
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                envelope = factory.newDocumentBuilder().parse(new ByteArrayInputStream(request.getBody()));
            } catch (Exception e) {
                return refuse(where + "not well-formed XML: " + e.getMessage());
            }
            Element root = envelope.getDocumentElement();
            Element header = child(root, WorkdayXml.SOAP, "Header");
            Element body = child(root, WorkdayXml.SOAP, "Body");
            if (!"Envelope".equals(root.getLocalName()) || !WorkdayXml.SOAP.equals(root.getNamespaceURI())
                    || body == null) {
                return refuse(where + "not a SOAP 1.1 envelope with a Body");
            }
            Element token = child(child(header, WSSE, "Security"), WSSE, "UsernameToken");
            Element username = child(token, WSSE, "Username");
            Element password = child(token, WSSE, "Password");
            if (username == null || password == null || !PASSWORD_TEXT.equals(password.getAttribute("Type"))) {
                return refuse(where + "no WS-Security UsernameToken with a PasswordText password");
            }
            if (!USERNAME.equals(username.getTextContent()) || !password.getTextContent().equals(
                    credentials.password)) {
                return RequestFilterAction.stopWith(authenticationFault().build());
            }
            Element request0 = firstElement(body);
            List<String> found = request0 == null ? List.of("the Body is empty") : StaffingSchema.violations(request0);
            if (!found.isEmpty()) {
                found.forEach(problem -> violations.add(where + problem));
                return RequestFilterAction.stopWith(validationFault(found.get(0)).build());
            }
            return RequestFilterAction.continueWith(request);
        }

        private RequestFilterAction refuse(String violation) {
            violations.add(violation);
            return RequestFilterAction.stopWith(validationFault(violation).build());
        }

        private static Element child(Element parent, String namespace, String name) {
            for (Node node = parent == null ? null : parent.getFirstChild(); node != null;
                    node = node.getNextSibling()) {
                if (node instanceof Element element && name.equals(element.getLocalName())
                        && namespace.equals(element.getNamespaceURI())) {
                    return element;
                }
            }
            return null;
        }

        private static Element firstElement(Element parent) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    return element;
                }
            }
            return null;
        }
    }
}
