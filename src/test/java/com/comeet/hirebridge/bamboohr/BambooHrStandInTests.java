package com.comeet.hirebridge.bamboohr;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BambooHrStandInTests {

    private static final String COMPANY = "acme";
    private static final String HIRE = """
            {"firstName":"Noa","lastName":"Mizrahi","workEmail":"noa.mizrahi@acme.example","hireDate":"2027-01-03"}""";
    private static final String API_KEY_AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString("8f2c61d0a4b9e7f3c5d1:x".getBytes(StandardCharsets.UTF_8));
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static BambooHrStandIn bamboohr;

    @BeforeAll
    static void start() {
        bamboohr = BambooHrStandIn.start();
    }

    @AfterEach
    void reset() {
        bamboohr.reset();
    }

    @AfterAll
    static void stop() {
        bamboohr.close();
    }

    @Test
    void validHireIsCreatedWithBambooHrsAbsoluteLocation() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee(HIRE, API_KEY_AUTHORIZATION, JSON_UTF8);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Location"))
                .hasValue("https://api.bamboohr.com/api/gateway.php/acme/v1/employees/4817")
                .hasValue(BambooHrStandIn.employeeLocation(COMPANY, 4817));
        assertThat(answer.body()).isEmpty();
        assertThat(bamboohr.contractViolations()).isEmpty();
        assertThat(bamboohr.createEmployeeRequests()).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).isEqualTo(HIRE));
    }

    @Test
    void hireWithoutLastNameIsRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee("""
                {"firstName":"Noa","hireDate":"2027-01-03"}""", API_KEY_AUTHORIZATION, JSON_UTF8);

        assertRefused(answer, "body $: required property 'lastName' not found");
    }

    @Test
    void hireDateInDayMonthYearFormIsRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee("""
                {"firstName":"Noa","lastName":"Mizrahi","hireDate":"03/01/2027"}""", API_KEY_AUTHORIZATION,
                JSON_UTF8);

        assertRefused(answer, "body $.hireDate: does not match the date pattern must be a valid RFC 3339 full-date");
    }

    @Test
    void hireWithoutAuthorizationIsRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee(HIRE, null, JSON_UTF8);

        assertRefused(answer, "no Authorization header (the operation requires HTTP Basic)");
    }

    @Test
    void basicCredentialsWithoutUserAndPasswordAreRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        String keyWithoutPassword = "Basic " + Base64.getEncoder()
                .encodeToString("8f2c61d0a4b9e7f3c5d1".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = createEmployee(HIRE, keyWithoutPassword, JSON_UTF8);

        assertRefused(answer, "Authorization Basic credentials are not user:password with a non-empty user");
    }

    @Test
    void apiKeySentAsBearerTokenIsRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee(HIRE, "Bearer 8f2c61d0a4b9e7f3c5d1", JSON_UTF8);

        assertRefused(answer, "Authorization is not HTTP Basic");
    }

    @Test
    void plainTextBodyIsRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee(HIRE, API_KEY_AUTHORIZATION, "text/plain");

        assertRefused(answer, "Content-Type text/plain is not one the operation accepts "
                + "(application/json, application/xml, text/xml)");
    }

    @Test
    void charsetOtherThanUtf8IsRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee(HIRE, API_KEY_AUTHORIZATION,
                "application/json; charset=ISO-8859-1");

        assertRefused(answer, "Content-Type charset ISO-8859-1 is not UTF-8");
    }

    @Test
    void charsetIsComparedWithoutCase() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee(HIRE, API_KEY_AUTHORIZATION, "Application/JSON;charset=utf-8");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(bamboohr.contractViolations()).isEmpty();
    }

    @Test
    void bodyThatIsNotJsonIsRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee("firstName=Noa&lastName=Mizrahi", API_KEY_AUTHORIZATION,
                JSON_UTF8);

        assertRefused(answer, "the body is not JSON");
    }

    @Test
    void hireWithoutBodyIsRefused() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        HttpResponse<String> answer = createEmployee("", API_KEY_AUTHORIZATION, JSON_UTF8);

        assertRefused(answer, "the request body is required");
    }

    @Test
    void pathOutsideTheContractIsRefused() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(bamboohr.baseUrl(COMPANY) + "/v1/nonsense"))
                .header("Authorization", API_KEY_AUTHORIZATION)
                .GET());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue(BambooHrStandIn.ERROR_HEADER))
                .hasValue("no path of the contract matches /api/v1/nonsense");
        assertThat(bamboohr.contractViolations()).containsExactly(
                "GET /api/gateway.php/acme/v1/nonsense: no path of the contract matches /api/v1/nonsense");
    }

    @Test
    void methodTheContractDoesNotDeclareIsRefused() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(bamboohr.baseUrl(COMPANY) + "/v1/employees/4817/files"))
                .header("Authorization", API_KEY_AUTHORIZATION)
                .GET());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue(BambooHrStandIn.ERROR_HEADER))
                .hasValue("GET is not an operation of /api/v1/employees/{id}/files");
        assertThat(bamboohr.contractViolations()).containsExactly(
                "GET /api/gateway.php/acme/v1/employees/4817/files: GET is not an operation of "
                        + "/api/v1/employees/{id}/files");
    }

    @Test
    void missingRequiredQueryParameterIsRefused() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(bamboohr.baseUrl(COMPANY) + "/v1/employees/changed?type=inserted"))
                .header("Authorization", API_KEY_AUTHORIZATION)
                .GET());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(bamboohr.contractViolations()).containsExactly(
                "GET /api/gateway.php/acme/v1/employees/changed: required query parameter since is missing");
    }

    @Test
    void queryParametersAreCheckedForNameAndValue() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(bamboohr.baseUrl(COMPANY)
                        + "/v1/employees/changed?since=yesterday&type=hired&colour=blue"))
                .header("Authorization", API_KEY_AUTHORIZATION)
                .GET());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(bamboohr.contractViolations()).containsExactly(
                "GET /api/gateway.php/acme/v1/employees/changed: query parameter since: does not match the "
                        + "date-time pattern must be a valid RFC 3339 date-time",
                "GET /api/gateway.php/acme/v1/employees/changed: query parameter type: does not have a value in the "
                        + "enumeration [\"inserted\", \"updated\", \"deleted\", \"all\"]",
                "GET /api/gateway.php/acme/v1/employees/changed: query parameter colour is not declared by the "
                        + "operation");
    }

    @Test
    void validRequestWithoutStubPassesTheContractAndFindsNoAnswer() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(bamboohr.baseUrl(COMPANY)
                        + "/v1/employees?filter%5Bstatus%5D=active&page%5Blimit%5D=50"))
                .header("Authorization", "Bearer 0a1b2c3d")
                .GET());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(bamboohr.contractViolations()).isEmpty();
    }

    @Test
    void stubbedFailureIsAnsweredWithItsStatusAndHeaders() throws Exception {
        bamboohr.createEmployeeFails(429, Map.of("Retry-After", "30"));

        HttpResponse<String> answer = createEmployee(HIRE, API_KEY_AUTHORIZATION, JSON_UTF8);

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(answer.body()).isEmpty();
        assertThat(bamboohr.contractViolations()).isEmpty();
    }

    @Test
    void droppedConnectionReachesTheCaller() {
        bamboohr.createEmployeeDropsConnection();

        assertThatThrownBy(() -> createEmployee(HIRE, API_KEY_AUTHORIZATION, JSON_UTF8))
                .isInstanceOf(IOException.class);
        assertThat(bamboohr.createEmployeeRequests()).hasSize(1);
        assertThat(bamboohr.contractViolations()).isEmpty();
    }

    @Test
    void delayedAnswerArrivesAfterTheDelay() throws Exception {
        bamboohr.createEmployeeDelays(300);

        long started = System.nanoTime();
        HttpResponse<String> answer = createEmployee(HIRE, API_KEY_AUTHORIZATION, JSON_UTF8);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Location")).hasValue(BambooHrStandIn.employeeLocation(COMPANY, 1));
    }

    @Test
    void refusedRequestsAreStillRecordedAsCreateEmployeeRequests() throws Exception {
        bamboohr.createEmployeeAnswers(4817);

        createEmployee(HIRE, null, JSON_UTF8);
        createEmployee(HIRE, API_KEY_AUTHORIZATION, JSON_UTF8);

        assertThat(bamboohr.createEmployeeRequests()).extracting(request -> request.getHeader("Authorization"))
                .containsExactly(null, API_KEY_AUTHORIZATION);
    }

    @Test
    void resetForgetsStubsRequestsAndViolations() throws Exception {
        bamboohr.createEmployeeAnswers(4817);
        createEmployee(HIRE, null, JSON_UTF8);

        bamboohr.reset();
        HttpResponse<String> answer = createEmployee(HIRE, API_KEY_AUTHORIZATION, JSON_UTF8);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(bamboohr.contractViolations()).isEmpty();
        assertThat(bamboohr.createEmployeeRequests()).hasSize(1);
    }

    private void assertRefused(HttpResponse<String> answer, String violation) {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue(BambooHrStandIn.ERROR_HEADER)).hasValue(violation);
        assertThat(answer.body()).isEmpty();
        assertThat(bamboohr.contractViolations())
                .containsExactly("POST /api/gateway.php/acme/v1/employees: " + violation);
    }

    private static HttpResponse<String> createEmployee(String body, String authorization, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bamboohr.baseUrl(COMPANY) + "/v1/employees"))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
    @Test
    void listFieldsAreServedAsJsonOnlyToARequestThatAcceptsJson() throws Exception {
        String lists = """
                [{"fieldId":"4","manageable":"yes","multiple":"no","name":"Department","alias":"department",\
                "options":[{"id":18,"archived":"no","name":"Engineering"}]}]""";
        bamboohr.listFieldsAnswer(COMPANY, lists);

        HttpResponse<String> json = listFields("application/json");
        HttpResponse<String> xml = listFields("*/*");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.body()).isEqualTo(lists);
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(bamboohr.listFieldsRequests()).hasSize(2);
        assertThat(bamboohr.contractViolations()).isEmpty();
    }

    @Test
    void listFieldsTheContractDoesNotDescribeAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> bamboohr.listFieldsAnswer(COMPANY, """
                [{"fieldId":4,"alias":"department","options":[{"id":18,"archived":"no","name":"Engineering"}]}]"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BambooHR would not answer these list fields: [answer ")
                .hasMessageContaining("fieldId");
        assertThatThrownBy(() -> bamboohr.listFieldsAnswer(COMPANY, "{\"department\":[]}"))
                .hasMessageStartingWith("BambooHR would not answer these list fields: [answer ");
        assertThatThrownBy(() -> bamboohr.listFieldsFail(COMPANY, 404))
                .hasMessageStartingWith("BambooHR does not answer 404: [GET /api/v1/meta/lists does not declare the "
                        + "status 404]");
    }

    private HttpResponse<String> listFields(String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(bamboohr.baseUrl(COMPANY) + "/v1/meta/lists"))
                .header("Authorization", API_KEY_AUTHORIZATION)
                .header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
