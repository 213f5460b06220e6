package com.comeet.hirebridge.workday;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Workday stand-in is as strict as Workday: a request without WS-Security, with a wrong password, out of the
 * schema's order or without the SOAP headers never reaches the answer a test stubbed.
 */
class WorkdayStandInTests {

    private static final String PASSWORD = "p&ss<w>rd\"'1";
    private static final WorkdayStandIn WORKDAY = WorkdayStandIn.start(PASSWORD);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String golden;

    @BeforeEach
    void setUp() throws Exception {
        WORKDAY.reset(PASSWORD);
        WORKDAY.hireCompletes("c4f8a9e2b1d04e5f9a7b3c2d1e0f9a8b", "21457");
        golden = Files.readString(Path.of("src/test/resources/golden/workday-hire-employee/realistic-hire.xml"))
                .strip();
    }

    @AfterAll
    static void stop() {
        WORKDAY.close();
    }

    @Test
    void theGoldenRequestIsHired() throws Exception {
        HttpResponse<String> answer = post(golden, "\"\"");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<wd:ID wd:type=\"Employee_ID\">21457</wd:ID>");
        assertThat(WORKDAY.contractViolations()).isEmpty();
    }

    @Test
    void aRequestWithoutWsSecurityIsAViolation() throws Exception {
        String unsigned = golden.replaceAll("<soapenv:Header>.*</soapenv:Header>", "");

        HttpResponse<String> answer = post(unsigned, "\"\"");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<faultcode>SOAP-ENV:Client.validationError</faultcode>");
        assertThat(WORKDAY.contractViolations()).containsExactly("POST " + WorkdayStandIn.PATH
                + ": no WS-Security UsernameToken with a PasswordText password");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFault() throws Exception {
        WORKDAY.acceptsOnlyPassword("another");

        HttpResponse<String> answer = post(golden, "\"\"");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<faultcode>SOAP-ENV:Client.authenticationError</faultcode>"
                + "<faultstring>invalid username or password</faultstring>");
        assertThat(WORKDAY.contractViolations()).isEmpty();
    }

    @Test
    void aRequestTheSchemaRefusesIsAViolation() throws Exception {
        String unknownElement = golden.replace("<wd:Hire_Date>", "<wd:Start_Date>2027-02-01</wd:Start_Date>"
                + "<wd:Hire_Date>");

        HttpResponse<String> answer = post(unknownElement, "\"\"");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(WORKDAY.contractViolations()).singleElement().asString()
                .startsWith("POST " + WorkdayStandIn.PATH + ": cvc-complex-type.2.4.a: Invalid content was found "
                        + "starting with element '{\"urn:com.workday/bsvc\":Start_Date}'");
    }

    @Test
    void aRequestWithoutTheSoapActionHeaderIsAViolation() throws Exception {
        HttpResponse<String> answer = post(golden, "Hire_Employee");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(WORKDAY.contractViolations()).containsExactly("POST " + WorkdayStandIn.PATH
                + ": SOAPAction is Hire_Employee");
    }

    private static HttpResponse<String> post(String body, String soapAction) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(WORKDAY.endpoint()))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", soapAction)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
