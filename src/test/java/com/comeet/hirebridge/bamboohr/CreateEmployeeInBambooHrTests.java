package com.comeet.hirebridge.bamboohr;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;
import com.comeet.hirebridge.ComeetClient;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed Comeet hire, end to end: the running bridge, real HTTP on loopback, and a BambooHR stand-in that
 * validates every request against BambooHR's OpenAPI contract.
 */
@ExtendWith(OutputCaptureExtension.class)
class CreateEmployeeInBambooHrTests extends AcmeOnBambooHrStandIn {

    private static final String HRIS_UNREACHABLE = "{\"display_message\":\"The HRIS is not answering; try again in "
            + "a few minutes.\",\"target\":\"bamboohr\"";

    private byte[] hire;

    @BeforeEach
    void setUp() throws IOException {
        hire = Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire.json"));
    }

    @Test
    void createsTheEmployeeAndAnswersWithTheIdFromLocation() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40598);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo("{\"employee_id\":\"40598\",\"status\":\"created\",\"target\":\"bamboohr\"}");
        assertThat(answer.headers().firstValue("Content-Length")).hasValue("62");
        assertThat(answer.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(BAMBOOHR.createEmployeeRequests()).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo("/api/gateway.php/acme/v1/employees");
            assertThat(request.getBody()).isEqualTo(("{\"firstName\":\"אביגיל\",\"middleName\":\"Rose\","
                    + "\"lastName\":\"Mizrahi 🚀\",\"homeEmail\":\"avigail.mizrahi@example.org\","
                    + "\"mobilePhone\":\"+972-52-555-0161\",\"homePhone\":\"+972-2-555-0117\","
                    + "\"hireDate\":\"2027-02-01\",\"jobTitle\":\"Senior Product Designer\",\"department\":\"Design\","
                    + "\"location\":\"Jerusalem\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(request.getHeader("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("acme-bamboohr-key:x".getBytes(StandardCharsets.UTF_8)));
            assertThat(request.getHeader("Accept")).isEqualTo("application/json");
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        });
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
    }

    @Test
    void acceptsTheOlderSecretWhileRotating() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40599);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, "acme-secret-2025");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"employee_id\":\"40599\",\"status\":\"created\",\"target\":\"bamboohr\"}");
    }

    @Test
    void forwardsNothingOfTheInboundRequest() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40600);

        HttpResponse<String> answer = comeet.post(WEBHOOK + "?debug=1&company=globex", hire, SECRET,
                "Authorization", "Bearer comeet-session-token",
                "Cookie", "session=abc123",
                "CamelHttpUri", "http://127.0.0.1:1/elsewhere",
                "CamelHttpMethod", "DELETE",
                "CamelHttpPath", "/v1/employees/1",
                "X-Forwarded-For", "203.0.113.9");

        assertThat(answer.statusCode()).isEqualTo(200);
        LoggedRequest request = BAMBOOHR.createEmployeeRequests().get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/api/gateway.php/acme/v1/employees");
        Set<String> headers = request.getHeaders().keys().stream()
                .map(name -> name.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
        assertThat(headers).doesNotContain("signature", "cookie", "x-forwarded-for", "camelhttpuri",
                "camelhttpmethod", "camelhttppath", "company", "debug");
        assertThat(headers).allSatisfy(name -> assertThat(name).isIn("authorization", "accept", "content-type",
                "content-length", "host", "connection", "user-agent", "accept-encoding"));
        assertThat(request.getHeader("Authorization")).startsWith("Basic ");
    }

    @Test
    void aPathSuffixOnTheWebhookUrlIsNotAWebhook() throws Exception {
        HttpResponse<String> answer = comeet.post(WEBHOOK + "/v1/employees", hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).startsWith("{\"display_message\":\"Nothing is served at this address.");
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingIsForwarded() throws Exception {
        BAMBOOHR.createEmployeeAnswers(1);

        HttpResponse<String> wrongSecret = comeet.post(WEBHOOK, hire, "not-the-secret");
        HttpResponse<String> noSignature = comeet.post(WEBHOOK, hire, null);
        byte[] altered = new String(hire, StandardCharsets.UTF_8).replace("2027-02-01", "2027-02-02")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> alteredBody = comeet.send(HttpRequest.newBuilder(java.net.URI.create(comeet.url(WEBHOOK)))
                .header("signature", ComeetClient.sign(SECRET, hire))
                .POST(HttpRequest.BodyPublishers.ofByteArray(altered)));

        for (HttpResponse<String> answer : java.util.List.of(wrongSecret, noSignature, alteredBody)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"display_message\":\"This request is not signed with the "
                    + "company's Comeet Secret Key. Check that the Secret Key configured in the hire bridge is the "
                    + "one Comeet shows.\"}");
        }
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void anUnknownCompanyIsNotFound() throws Exception {
        HttpResponse<String> answer = comeet.post("/comeet/globex/create-employee", hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"This hire bridge has no company at this URL. "
                + "Check the URL on Comeet's Integrations page.\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void aMissingStartDateIsTheRecruitersToFix() throws Exception {
        byte[] noStartDate = Files.readAllBytes(Path.of("src/test/resources/hires/no-start-date-hire.json"));

        HttpResponse<String> answer = comeet.post(WEBHOOK, noStartDate, SECRET);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The first day of work is missing. "
                + "Complete the Hire form and submit again.\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void bambooHrRejectingTheDetailsShowsItsErrorHeader() throws Exception {
        BAMBOOHR.createEmployeeFails(400, Map.of("X-BambooHR-Error-Message", "Invalid hireDate"));

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"BambooHR rejected the new employee's details. "
                + "Check the names, e-mail, phone and start date in the Hire form, then submit again.\","
                + "\"target\":\"bamboohr\",\"hris_status\":400,\"hris_error\":\"Invalid hireDate\"}");
        // Not retried: the same request would be refused again.
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
    }

    @Test
    void bambooHrRefusingAValueIsAConflictWhateverTheHeaderSpelling() throws Exception {
        BAMBOOHR.createEmployeeFails(409, Map.of("x-bamboohr-error-messsage", "Unknown department: Design"));

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"BambooHR refused one of the values, for example "
                + "a department, location or job title that does not exist in BambooHR, or a duplicate. Correct it "
                + "in the Hire form, then submit again.\",\"target\":\"bamboohr\",\"hris_status\":409,"
                + "\"hris_error\":\"Unknown department: Design\"}");
        // Not retried: the same request would be refused again.
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
    }

    @Test
    void bambooHrNotAcceptingTheDetailsIsTheRecruitersToFix() throws Exception {
        BAMBOOHR.createEmployeeFails(406, Map.of());

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"BambooHR could not accept the new employee's "
                + "details as sent. Check the Hire form, then submit again; if it keeps failing, contact IT.\","
                + "\"target\":\"bamboohr\",\"hris_status\":406}");
        // Not retried: the same request would be refused again.
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
    }

    @Test
    void theEmployeeLimitIsAConflictButThrottlingIsUnavailable() throws Exception {
        BAMBOOHR.createEmployeeFails(429, Map.of());
        HttpResponse<String> limit = comeet.post(WEBHOOK, hire, SECRET);

        BAMBOOHR.reset();
        BAMBOOHR.createEmployeeFails(429, Map.of("Retry-After", "30"));
        HttpResponse<String> throttled = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(limit.statusCode()).isEqualTo(409);
        assertThat(limit.body()).isEqualTo("{\"display_message\":\"BambooHR has reached the number of employees this "
                + "account allows. Ask your BambooHR administrator to raise the limit, then submit again.\","
                + "\"target\":\"bamboohr\",\"hris_status\":429}");
        assertThat(throttled.statusCode()).isEqualTo(503);
        assertThat(throttled.body()).isEqualTo(HRIS_UNREACHABLE + ",\"hris_status\":429}");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
    }

    @Test
    void refusedCredentialsAreForIt() throws Exception {
        for (int status : new int[] {401, 403}) {
            BAMBOOHR.reset();
            BAMBOOHR.createEmployeeFails(status, Map.of());

            HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(answer.body()).isEqualTo("{\"display_message\":\"The HRIS refused our credentials; contact "
                    + "IT.\",\"target\":\"bamboohr\",\"hris_status\":" + status + "}");
            assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
        }
    }

    @Test
    void aWrongBambooHrAddressIsForIt() throws Exception {
        BAMBOOHR.createEmployeeFails(404, Map.of());

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The HRIS gave an answer the hire bridge does not "
                + "expect, so the employee was not created; contact IT (the HRIS address may be wrong).\","
                + "\"target\":\"bamboohr\",\"hris_status\":404}");
        // Not retried: the same request would be refused again.
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
    }

    @Test
    void aCreatedAnswerWithoutLocationIsUnknownAndTheResubmissionAdoptsTheEmployee() throws Exception {
        BAMBOOHR.createEmployeeFails(201, Map.of());
        HttpResponse<String> first = comeet.post(WEBHOOK, hire, SECRET);
        Map<String, Object> afterFirst = ledgerRow();
        BAMBOOHR.createEmployeeAnswers(99999);
        BAMBOOHR.customReportLists(List.of(Map.of("id", "40620", "homeEmail", "Avigail.Mizrahi@example.org")));

        HttpResponse<String> again = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(first.body()).isEqualTo("{\"display_message\":\"BambooHR answered without the new employee's id, "
                + "so the hire may exist in BambooHR already. Contact IT before submitting again.\","
                + "\"target\":\"bamboohr\",\"hris_status\":201}");
        assertThat(afterFirst).isEqualTo(Map.of("status", "unknown", "employee_id", "-", "attempts", 1));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"employee_id\":\"40620\",\"status\":\"created\",\"target\":\"bamboohr\"}");
        assertThat(BAMBOOHR.customReportRequests()).hasSize(1);
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        assertThat(ledgerRow()).isEqualTo(Map.of("status", "created", "employee_id", "40620", "attempts", 1));
    }

    @Test
    void anUnavailableBambooHrIsRetriedAfterItsRetryAfterUntilTheBudgetEnds() throws Exception {
        BAMBOOHR.createEmployeeFails(503, Map.of("Retry-After", "1"));

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        // Budget 2.5 s, one second apart: calls at about 0 s, 1 s and 2 s.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(HRIS_UNREACHABLE + ",\"hris_status\":503}");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(3);
    }

    @Test
    void aBambooHrRecoveringWithinTheBudgetCreatesTheEmployee() throws Exception {
        BAMBOOHR.createEmployeeAnswersAfter(2, 500, Map.of(), 40610);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"employee_id\":\"40610\",\"status\":\"created\",\"target\":\"bamboohr\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(3);
        assertThat(BAMBOOHR.customReportRequests()).isEmpty();
    }

    @Test
    void aDroppedConnectionIsLookedUpBeforeEveryNewAttempt() throws Exception {
        BAMBOOHR.createEmployeeDropsConnection();
        BAMBOOHR.customReportLists(List.of());

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).startsWith(HRIS_UNREACHABLE + ",\"error\":\"");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSizeGreaterThan(1)
                .hasSize(BAMBOOHR.customReportRequests().size() + 1);
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
    }

    @Test
    void aLookupThatDropsTheConnectionBacksOffLikeACreate() throws Exception {
        BAMBOOHR.createEmployeeDropsConnection();
        BAMBOOHR.customReportDropsConnection();

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        // One create, then only look-ups, which fail too: the create's retry never comes.
        // Budget 2.5 s, first delay 250 ms doubling, each wait between half and all of its step: the retries wait
        // at least 125, 250, 500 and 1000 ms (1875 ms), and a fifth (at least 2000 ms more) never fits. So at most
        // four look-ups after the create; with no backoff they would come every 125 to 250 ms, ten or more.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).startsWith(HRIS_UNREACHABLE + ",\"error\":\"");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
        assertThat(BAMBOOHR.customReportRequests().size()).isBetween(2, 4);
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        assertThat(ledgerRow()).isEqualTo(Map.of("status", "unknown", "employee_id", "-", "attempts", 1));
    }

    @Test
    void aBambooHrSlowerThanTheResponseTimeoutIsLookedUpThenTriedOnceMore() throws Exception {
        BAMBOOHR.createEmployeeDelays(3000);
        BAMBOOHR.customReportLists(List.of());

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        // A 1.5 s timeout, then a retry (looked up first) that times out past the 2.5 s budget.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(HRIS_UNREACHABLE + ",\"error\":\"SocketTimeoutException\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(2);
        assertThat(BAMBOOHR.customReportRequests()).hasSize(1);
    }

    @Test
    void logsTheOutcomeWithoutPersonalDataOrSecrets(CapturedOutput output) throws Exception {
        BAMBOOHR.createEmployeeAnswers(40601);

        comeet.post(WEBHOOK, hire, SECRET);

        assertThat(output.getOut()).contains("Hire outcome: company=acme candidate=3C1.B52 target=bamboohr "
                + "result=created status=200 hris_status=201 duration_ms=");
        assertThat(output.getOut() + output.getErr()).doesNotContain("אביגיל", "Mizrahi", "avigail",
                "555-0161", "000000026", SECRET, "acme-bamboohr-key",
                Base64.getEncoder().encodeToString("acme-bamboohr-key:x".getBytes(StandardCharsets.UTF_8)));
    }

    /** Status, employee id ("-" for none) and attempts of the hire's ledger row. */
    private Map<String, Object> ledgerRow() {
        return db.sql("SELECT status, employee_id, attempts FROM hire WHERE company = 'acme' AND candidate_id = '3C1.B52'")
                .query((rs, n) -> Map.<String, Object>of("status", rs.getString("status"),
                        "employee_id", rs.getString("employee_id") == null ? "-" : rs.getString("employee_id"),
                        "attempts", rs.getInt("attempts")))
                .single();
    }
}
