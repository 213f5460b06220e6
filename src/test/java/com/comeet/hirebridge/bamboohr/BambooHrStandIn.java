package com.comeet.hirebridge.bamboohr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * BambooHR for tests: a WireMock server that holds every request to BambooHR's published OpenAPI contract. A
 * request the contract does not allow is answered {@code 400} with {@code X-BambooHR-Error-Message}, as BambooHR
 * does, and recorded in {@link #contractViolations()}, so it never reaches the answer a test stubbed.
 * <p>
 * BambooHR answers XML unless {@code Accept} asks for JSON. The answers given here are bodiless (the 201 of
 * create-employee, the stubbed failures, the contract's 400), so {@code Accept} changes nothing for them, except the
 * list fields, which are JSON only to a request that accepts JSON and XML to any other.
 */
public final class BambooHrStandIn implements AutoCloseable {

    public static final String ERROR_HEADER = "X-BambooHR-Error-Message";

    /** BambooHR points {@code Location} at its public host, whatever host the request was sent to. */
    private static final String LOCATION_ORIGIN = "https://api.bamboohr.com";
    private static final String EMPLOYEES_PATH = "/api/gateway\\.php/[^/]+/v1/employees";
    private static final String FILES_PATH = "/api/gateway\\.php/[^/]+/v1/employees/[^/]+/files";
    private static final String REPORT_PATH = "/api/gateway\\.php/[^/]+/v1/reports/custom";
    private static final String LIST_FIELDS_PATH = "/api/gateway\\.php/[^/]+/v1/meta/lists";
    private static final String RETRIES = "create-employee-retries";
    private static final int ERROR_HEADER_LENGTH = 200;

    private final WireMockServer server;
    private final List<String> violations;
    private final ContractCheck check;

    private BambooHrStandIn(WireMockServer server, List<String> violations, ContractCheck check) {
        this.server = server;
        this.violations = violations;
        this.check = check;
    }

    /** A new server on 127.0.0.1 and a free port, checking every request against the contract. */
    public static BambooHrStandIn start() {
        List<String> violations = new CopyOnWriteArrayList<>();
        ContractCheck check = new ContractCheck(BambooHrContract.get());
        ContractFilter filter = new ContractFilter(check, violations);
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(filter));
        server.start();
        return new BambooHrStandIn(server, violations, check);
    }

    /** This stand-in's counterpart of {@code https://api.bamboohr.com/api/gateway.php/{companyDomain}}. */
    public String baseUrl(String companyDomain) {
        return "http://127.0.0.1:" + server.port() + "/api/gateway.php/" + companyDomain;
    }

    /** The {@code Location} this stand-in answers for an employee it created. */
    public static String employeeLocation(String companyDomain, int employeeId) {
        return LOCATION_ORIGIN + "/api/gateway.php/" + companyDomain + "/v1/employees/" + employeeId;
    }

    public WireMockServer server() {
        return server;
    }

    // The create-employee answers replace each other: WireMock serves the most recently added of equal stubs.

    /** {@code 201} with BambooHR's absolute {@code Location} ending in the employee id, and no body. */
    public void createEmployeeAnswers(int employeeId) {
        server.stubFor(post(urlPathMatching(EMPLOYEES_PATH)).willReturn(created(employeeId)));
    }

    /** The status and headers, with an empty body, as BambooHR sends its errors. */
    public void createEmployeeFails(int status, Map<String, String> headers) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(status);
        headers.forEach(answer::withHeader);
        server.stubFor(post(urlPathMatching(EMPLOYEES_PATH)).willReturn(answer));
    }

    public void createEmployeeDropsConnection() {
        server.stubFor(post(urlPathMatching(EMPLOYEES_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** The {@code 201} of {@link #createEmployeeAnswers(int)} for employee 1, sent after the delay. */
    public void createEmployeeDelays(int millis) {
        createEmployeeDelays(millis, 1);
    }

    /** The {@code 201} of {@link #createEmployeeAnswers(int)} for {@code employeeId}, sent after the delay. */
    public void createEmployeeDelays(int millis, int employeeId) {
        server.stubFor(post(urlPathMatching(EMPLOYEES_PATH)).willReturn(created(employeeId).withFixedDelay(millis)));
    }

    /**
     * A {@code 201} with a new employee id for every request, as BambooHR creates an employee per request. The id is
     * twelve random digits: two requests share one by a one-in-a-trillion chance only.
     */
    public void createEmployeeCreatesEachTime() {
        server.stubFor(post(urlPathMatching(EMPLOYEES_PATH)).willReturn(created("{{randomValue length=12 "
                + "type='NUMERIC'}}")));
    }

    /** {@code failures} answers of {@code status} with {@code headers}, then the 201 of employee {@code employeeId}. */
    public void createEmployeeAnswersAfter(int failures, int status, Map<String, String> headers, int employeeId) {
        for (int i = 0; i < failures; i++) {
            ResponseDefinitionBuilder answer = aResponse().withStatus(status);
            headers.forEach(answer::withHeader);
            server.stubFor(post(urlPathMatching(EMPLOYEES_PATH)).inScenario(RETRIES)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(answer));
        }
        server.stubFor(post(urlPathMatching(EMPLOYEES_PATH)).inScenario(RETRIES)
                .whenScenarioStateIs(failures == 0 ? Scenario.STARTED : "failed-" + failures)
                .willReturn(created(employeeId)));
    }

    /** {@code 201} to every file upload, with BambooHR's {@code Location} ending in the file id. */
    public void uploadFileAnswers(int fileId) {
        server.stubFor(post(urlPathMatching(FILES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", LOCATION_ORIGIN + "/api/gateway.php/{{{request.pathSegments.[2]}}}"
                        + "/v1/employees/{{{request.pathSegments.[5]}}}/files/" + fileId)
                .withTransformers("response-template")));
    }

    /** The status, bodiless, to every file upload. */
    public void uploadFileFails(int status) {
        server.stubFor(post(urlPathMatching(FILES_PATH)).willReturn(aResponse().withStatus(status)));
    }

    /** Every file upload received, valid or not, in the order received. */
    public List<LoggedRequest> uploadFileRequests() {
        return server.findAll(postRequestedFor(urlPathMatching(FILES_PATH)));
    }

    /** The custom report lists these employees (each a map of field to value, {@code id} included). */
    public void customReportLists(List<Map<String, String>> employees) {
        StringBuilder body = new StringBuilder("{\"title\":\"report\",\"fields\":[],\"employees\":[");
        for (int i = 0; i < employees.size(); i++) {
            body.append(i == 0 ? "" : ",").append('{');
            int field = 0;
            for (Map.Entry<String, String> entry : employees.get(i).entrySet()) {
                body.append(field++ == 0 ? "" : ",").append('"').append(entry.getKey()).append("\":\"")
                        .append(entry.getValue()).append('"');
            }
            body.append('}');
        }
        body.append("]}");
        server.stubFor(post(urlPathMatching(REPORT_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body.toString())));
    }

    public void customReportDropsConnection() {
        server.stubFor(post(urlPathMatching(REPORT_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Every custom report requested. */
    public List<LoggedRequest> customReportRequests() {
        return server.findAll(postRequestedFor(urlPathMatching(REPORT_PATH)));
    }

    /**
     * {@code GET /v1/meta/lists} of this company domain answers these list fields (a JSON array), which must be
     * what the contract says BambooHR answers: anything else fails the test here, before the bridge reads it.
     */
    public void listFieldsAnswer(String companyDomain, String lists) {
        List<String> problems = check.answerViolations("GET", "/api/v1/meta/lists", 200, "application/json", lists);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("BambooHR would not answer these list fields: " + problems);
        }
        String path = "/api/gateway.php/" + companyDomain + "/v1/meta/lists";
        server.stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .withHeader("Accept", containing("application/json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(lists)));
        server.stubFor(get(urlPathEqualTo(path)).atPriority(2)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                        .withBody("<lists></lists>")));
    }

    /** {@code GET /v1/meta/lists} of this company domain answers the status, bodiless. */
    public void listFieldsFail(String companyDomain, int status) {
        List<String> problems = check.answerViolations("GET", "/api/v1/meta/lists", status, "application/json",
                null);
        if (status < 500 && !problems.isEmpty()) {
            throw new IllegalArgumentException("BambooHR does not answer " + status + ": " + problems);
        }
        // The priority of listFieldsAnswer's stub: of equal stubs, the one added last answers.
        server.stubFor(get(urlPathEqualTo("/api/gateway.php/" + companyDomain + "/v1/meta/lists")).atPriority(1)
                .willReturn(aResponse().withStatus(status)));
    }

    /** {@code GET /v1/meta/lists} of this company domain drops the connection, as an unreachable BambooHR. */
    public void listFieldsDropConnection(String companyDomain) {
        server.stubFor(get(urlPathEqualTo("/api/gateway.php/" + companyDomain + "/v1/meta/lists")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Every request for the list fields, of any company domain, in the order received. */
    public List<LoggedRequest> listFieldsRequests() {
        return server.findAll(getRequestedFor(urlPathMatching(LIST_FIELDS_PATH)));
    }

    /** Every create-employee request received, valid or not, in the order received. */
    public List<LoggedRequest> createEmployeeRequests() {
        return server.findAll(postRequestedFor(urlPathMatching(EMPLOYEES_PATH)));
    }

    /** One line per problem, {@code "POST /api/...: reason"}; empty when every request was valid. */
    public List<String> contractViolations() {
        return List.copyOf(violations);
    }

    public void reset() {
        server.resetAll();
        violations.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static ResponseDefinitionBuilder created(int employeeId) {
        return created(Integer.toString(employeeId));
    }

    /** {@code employeeId} may be a response template. */
    private static ResponseDefinitionBuilder created(String employeeId) {
        // The company domain comes from the request, the third path segment of /api/gateway.php/{companyDomain}.
        return aResponse()
                .withStatus(201)
                .withHeader("Location", LOCATION_ORIGIN + "/api/gateway.php/{{{request.pathSegments.[2]}}}"
                        + "/v1/employees/" + employeeId)
                .withTransformers("response-template");
    }

    /** Runs before stub matching, so an invalid request is answered 400 even when a stub would have matched it. */
    private static final class ContractFilter implements StubRequestFilterV2 {

        private final ContractCheck check;
        private final List<String> violations;

        ContractFilter(ContractCheck check, List<String> violations) {
            this.check = check;
            this.violations = violations;
        }

        @Override
        public String getName() {
            return "bamboohr-contract";
        }

        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            List<String> found = check.violations(request);
            if (found.isEmpty()) {
                return RequestFilterAction.continueWith(request);
            }
            String path = request.getUrl().replaceFirst("\\?.*$", "");
            found.forEach(violation -> violations.add(request.getMethod() + " " + path + ": " + violation));
            return RequestFilterAction.stopWith(aResponse()
                    .withStatus(400)
                    .withHeader(ERROR_HEADER, headerValue(found.get(0)))
                    .build());
        }

        /** A header value stays on one line of printable ASCII. */
        private static String headerValue(String violation) {
            String printable = violation.replaceAll("[^\\x20-\\x7E]", "?");
            return printable.length() <= ERROR_HEADER_LENGTH ? printable
                    : printable.substring(0, ERROR_HEADER_LENGTH - 3) + "...";
        }
    }
}
