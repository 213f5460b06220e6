package com.comeet.hirebridge.workday;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed Comeet hire of a company on Workday, end to end: the running bridge, real HTTP on loopback, and a
 * Workday stand-in that validates every request against the Staffing schema and checks WS-Security.
 */
@ExtendWith(OutputCaptureExtension.class)
class CreateEmployeeInWorkdayTests extends InitechOnWorkdayStandIn {

    private static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String UNREACHABLE = "{\"display_message\":\"The HRIS is not answering; try again in a few "
            + "minutes.\",\"target\":\"workday\"";
    private static final String EVENT = "c4f8a9e2b1d04e5f9a7b3c2d1e0f9a8b";

    private byte[] hire;

    @BeforeEach
    void setUp() throws IOException {
        hire = Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire.json"));
    }

    @Test
    void hiresTheEmployeeAndAnswersWithTheWorkdayEmployeeId() throws Exception {
        WORKDAY.hireCompletes(EVENT, "21457");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(created("21457"));
        assertThat(WORKDAY.contractViolations()).isEmpty();
        LoggedRequest request = WORKDAY.hireRequests().get(0);
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        assertThat(request.getHeader("Content-Type")).isEqualTo("text/xml; charset=UTF-8");
        assertThat(request.getHeader("SOAPAction")).isEqualTo("\"\"");
        Document sent = WorkdayStandIn.parse(request);
        assertThat(text(sent, WSSE, "Username")).isEqualTo("isu_hire@initech");
        assertThat(text(sent, WSSE, "Password")).isEqualTo("Wd&<pass>\"word'26");
        Element hireRequest = (Element) sent.getElementsByTagNameNS(WorkdayXml.WD, "Hire_Employee_Request").item(0);
        assertThat(hireRequest.getAttributeNS(WorkdayXml.WD, "version")).isEqualTo("v26.1");
        assertThat(wd(sent, "Auto_Complete")).isEqualTo("true");
        assertThat(wd(sent, "First_Name")).isEqualTo("אביגיל");
        assertThat(wd(sent, "Middle_Name")).isEqualTo("Rose");
        assertThat(wd(sent, "Last_Name")).isEqualTo("Mizrahi 🚀");
        assertThat(wd(sent, "Email_Address")).isEqualTo("avigail.mizrahi@example.org");
        assertThat(wd(sent, "Phone_Number")).isEqualTo("+972-52-555-0161");
        assertThat(wd(sent, "Hire_Date")).isEqualTo("2027-02-01");
        assertThat(reference(sent, "Country_Reference")).isEqualTo("ISO_3166-1_Alpha-2_Code=IL");
        assertThat(reference(sent, "Organization_Reference")).isEqualTo("Organization_Reference_ID=SUP_DESIGN");
        assertThat(reference(sent, "Position_Reference")).isEqualTo("Position_ID=PRD-031");
        assertThat(reference(sent, "Hire_Reason_Reference"))
                .isEqualTo("General_Event_Subcategory_ID=Hire_Employee_Hire_Employee_New_Hire");
        assertThat(reference(sent, "Employee_Type_Reference")).isEqualTo("Employee_Type_ID=Regular");
        assertThat(reference(sent, "Job_Profile_Reference")).isEqualTo("Job_Profile_ID=JP_PRODUCT_DESIGNER");
        assertThat(reference(sent, "Location_Reference")).isEqualTo("Location_ID=LOC_JERUSALEM");
        assertThat(reference(sent, "Position_Time_Type_Reference")).isEqualTo("Position_Time_Type_ID=Full_time");
        assertThat(row()).containsExactly(Map.entry("status", "created"), Map.entry("employee_id", "21457"),
                Map.entry("event_reference", EVENT), Map.entry("attempts", 1), Map.entry("hris_status", 200));
    }

    @Test
    void namesThatLookLikeXmlArriveAsText() throws Exception {
        WORKDAY.hireCompletes(EVENT, "21458");
        byte[] injected = new String(hire, StandardCharsets.UTF_8)
                .replace("\"first_name\":\"אביגיל\"", "\"first_name\":\"</wd:First_Name><wd:Employee_ID>X\"")
                .replace("\"last_name\":\"Mizrahi 🚀\"", "\"last_name\":\"]]><!-- & \\\"O'Brien\\\" -->\"")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = comeet.post(WEBHOOK, injected, SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(WORKDAY.contractViolations()).isEmpty();
        Document sent = WorkdayStandIn.parse(WORKDAY.hireRequests().get(0));
        assertThat(wd(sent, "First_Name")).isEqualTo("</wd:First_Name><wd:Employee_ID>X");
        assertThat(wd(sent, "Last_Name")).isEqualTo("]]><!-- & \"O'Brien\" -->");
        assertThat(sent.getElementsByTagNameNS(WorkdayXml.WD, "Employee_ID").getLength()).isZero();
    }

    @Test
    void aHireWaitingForApprovalAnswersItsEventAndIsAnsweredFromTheLedgerAfterwards() throws Exception {
        WORKDAY.hireAwaitsApproval(EVENT);

        HttpResponse<String> first = comeet.post(WEBHOOK, hire, SECRET);
        HttpResponse<String> again = comeet.post(WEBHOOK, hire, SECRET);

        String pending = "{\"event_reference\":\"" + EVENT + "\",\"status\":\"pending_approval\","
                + "\"target\":\"workday\"}";
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(pending);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(pending);
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        assertThat(row()).containsExactly(Map.entry("status", "created"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", EVENT), Map.entry("attempts", 1), Map.entry("hris_status", 200));
    }

    @Test
    void aValidationFaultNamesTheRefusedReferenceToTheRecruiter() throws Exception {
        WORKDAY.hireFailsValidation("Invalid ID value.  'SUP_DESIGN' is not a valid ID value for type = "
                + "'Organization_Reference_ID'");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"Workday refused the new employee: Invalid ID "
                + "value.  'SUP_DESIGN' is not a valid ID value for type = 'Organization_Reference_ID'. Correct it "
                + "in the Hire form (or ask IT to correct the mapping), then submit again.\",\"target\":\"workday\","
                + "\"hris_status\":500,\"hris_error\":\"Invalid ID value.  'SUP_DESIGN' is not a valid ID value for "
                + "type = 'Organization_Reference_ID'\"}");
        // Not retried: the same request would be refused again.
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        assertThat(row()).containsExactly(Map.entry("status", "failed"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", 500));
    }

    @Test
    void refusedCredentialsAreForIt() throws Exception {
        WORKDAY.acceptsOnlyPassword("the-new-password");
        WORKDAY.hireCompletes(EVENT, "21459");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The HRIS refused our credentials; contact IT.\","
                + "\"target\":\"workday\",\"hris_status\":500,\"hris_error\":\"invalid username or password\"}");
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        assertThat(row()).containsExactly(Map.entry("status", "failed"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", 500));
    }

    @Test
    void aProcessingFaultIsRetriedAfterRetryAfterUntilTheBudgetEnds() throws Exception {
        WORKDAY.hireFailsProcessing("The task submitted is not authorized at this time.", "1");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        // Budget 2.5 s, one second apart: calls at about 0 s, 1 s and 2 s.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(UNREACHABLE + ",\"hris_status\":500,\"hris_error\":\"Processing error "
                + "occurred. The task submitted is not authorized at this time.\"}");
        assertThat(WORKDAY.hireRequests()).hasSize(3);
        assertThat(row()).containsExactly(Map.entry("status", "failed"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 3), Map.entry("hris_status", 500));
    }

    @Test
    void aWorkdayRecoveringFromProcessingFaultsWithinTheBudgetHiresOnce() throws Exception {
        WORKDAY.hireCompletesAfterProcessingFaults(2, EVENT, "21460");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(created("21460"));
        assertThat(WORKDAY.hireRequests()).hasSize(3);
        assertThat(WORKDAY.getWorkersRequests()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "created"), Map.entry("employee_id", "21460"),
                Map.entry("event_reference", EVENT), Map.entry("attempts", 3), Map.entry("hris_status", 200));
    }

    @Test
    void anHttpErrorWithoutAFaultIsRetriedAfterRetryAfterUntilTheBudgetEnds() throws Exception {
        WORKDAY.hireAnswersStatus(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>",
                "1");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        // Budget 2.5 s, one second apart: calls at about 0 s, 1 s and 2 s; the HTML page is never shown.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(UNREACHABLE + ",\"hris_status\":503}");
        assertThat(WORKDAY.hireRequests()).hasSize(3);
        assertThat(WORKDAY.getWorkersRequests()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "failed"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 3), Map.entry("hris_status", 503));
    }

    @Test
    void aRefusedConnectionIsRetriedWithoutALookupAndTheHireIsNotCreated() throws Exception {
        HttpResponse<String> answer = comeet.post(UNREACHABLE_WEBHOOK, hire, SECRET);

        // Never connected, so nothing can have been hired: no Get_Workers, and the ledger says failed.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(UNREACHABLE + ",\"error\":\"HttpHostConnectException\"}");
        Map<String, Object> row = db.sql("SELECT status, attempts, hris_message FROM hire WHERE company = 'globex'")
                .query((rs, n) -> Map.<String, Object>of("status", rs.getString("status"),
                        "attempts", rs.getInt("attempts"), "hris_message", rs.getString("hris_message")))
                .single();
        assertThat(row).containsEntry("status", "failed").containsEntry("hris_message", "HttpHostConnectException");
        assertThat((Integer) row.get("attempts")).isGreaterThan(1);
    }

    @Test
    void aWorkdaySlowerThanTheResponseTimeoutIsLookedUpThenTriedOnceMore() throws Exception {
        WORKDAY.hireDelays(3000, EVENT, "21461");
        WORKDAY.getWorkersLists(null, null);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        // A 1.5 s timeout, then a retry (looked up first) that times out past the 2.5 s budget.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(UNREACHABLE + ",\"error\":\"SocketTimeoutException\"}");
        assertThat(WORKDAY.hireRequestsOnceAnswered(2, 4000)).hasSize(2);
        assertThat(WORKDAY.getWorkersRequests()).hasSize(1);
        assertThat(WORKDAY.contractViolations()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "unknown"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 2), Map.entry("hris_status", "-"));
    }

    @Test
    void aDroppedConnectionIsLookedUpBeforeEveryNewAttempt() throws Exception {
        WORKDAY.hireDropsConnection();
        WORKDAY.getWorkersLists(null, null);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        // A reset connection: the hire may have reached Workday, so each new attempt is looked up first.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(UNREACHABLE + ",\"error\":\"SocketException\"}");
        int attempts = WORKDAY.hireRequests().size();
        assertThat(attempts).isGreaterThan(1);
        assertThat(WORKDAY.getWorkersRequests()).hasSize(attempts - 1);
        assertThat(WORKDAY.contractViolations()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "unknown"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", attempts), Map.entry("hris_status", "-"));
    }

    @Test
    void anUnknownOutcomeIsReconciledWithGetWorkersBeforeHiringAgain() throws Exception {
        recordUnknown();
        WORKDAY.getWorkersLists("21462", "Avigail.Mizrahi@example.org");
        WORKDAY.hireCompletes(EVENT, "99999");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(created("21462"));
        assertThat(WORKDAY.hireRequests()).isEmpty();
        assertThat(WORKDAY.getWorkersRequests()).hasSize(1);
        assertThat(WORKDAY.contractViolations()).isEmpty();
        Document lookup = WorkdayStandIn.parse(WORKDAY.getWorkersRequests().get(0));
        assertThat(wd(lookup, "Include_Personal_Information")).isEqualTo("true");
        assertThat(text(lookup, WSSE, "Password")).isEqualTo(PASSWORD);
        assertThat(row()).containsExactly(Map.entry("status", "created"), Map.entry("employee_id", "21462"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", 200));
    }

    @Test
    void aLookupThatDropsTheConnectionBacksOffLikeACreate() throws Exception {
        recordUnknown();
        WORKDAY.getWorkersDropsConnection();
        WORKDAY.hireCompletes(EVENT, "21468");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        // Budget 2.5 s, first delay 250 ms doubling, each wait between half and all of its step: the retries wait
        // at least 125, 250, 500 and 1000 ms (1875 ms), and a fifth (at least 2000 ms more) never fits. So at most
        // five look-ups; with no backoff they would come every 125 to 250 ms, ten or more.
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(UNREACHABLE + ",\"error\":\"SocketException\"}");
        assertThat(WORKDAY.getWorkersRequests().size()).isBetween(3, 5);
        assertThat(WORKDAY.hireRequests()).isEmpty();
        assertThat(WORKDAY.contractViolations()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "unknown"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", "-"));
    }

    @Test
    void anUnknownOutcomeWithNoMatchingWorkerIsHiredOnce() throws Exception {
        recordUnknown();
        WORKDAY.getWorkersLists("21463", "someone.else@example.org");
        WORKDAY.hireCompletes(EVENT, "21464");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(created("21464"));
        assertThat(WORKDAY.getWorkersRequests()).hasSize(1);
        assertThat(WORKDAY.hireRequests()).hasSize(1);
    }

    @Test
    void anUnknownOutcomeDaysOldIsLookedUpFromTheDayBeforeItsFirstDelivery() throws Exception {
        recordUnknown(Instant.parse("2026-01-10T09:30:15.500Z"));
        WORKDAY.getWorkersLists("21462", "avigail.mizrahi@example.org");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.body()).isEqualTo(created("21462"));
        Document lookup = WorkdayStandIn.parse(WORKDAY.getWorkersRequests().get(0));
        assertThat(wd(lookup, "Updated_From")).isEqualTo("2026-01-09T09:30:15Z");
        assertThat(WORKDAY.hireRequests()).isEmpty();
    }

    @Test
    void anUnknownOutcomeMatchingOnlyTheWorkerOfAnEarlierHireIsHiredOnce() throws Exception {
        recordUnknown();
        Timestamp earlier = Timestamp.from(Instant.parse("2024-03-01T08:00:00Z"));
        db.sql("""
                INSERT INTO hire (company, candidate_id, person_uid, target, status, rehire, employee_id, attempts,
                                  deliveries, received_at, updated_at, version)
                VALUES ('initech', '3C1.A01', '9A.7731', 'workday', 'created', FALSE, '21462', 1, 1, ?, ?, 2)""")
                .params(earlier, earlier)
                .update();
        WORKDAY.getWorkersLists("21462", "Avigail.Mizrahi@example.org");
        WORKDAY.hireCompletes(EVENT, "21467");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(created("21467"));
        assertThat(WORKDAY.getWorkersRequests()).hasSize(1);
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        assertThat(row()).containsExactly(Map.entry("status", "created"), Map.entry("employee_id", "21467"),
                Map.entry("event_reference", EVENT), Map.entry("attempts", 2), Map.entry("hris_status", 200));
    }

    @Test
    void anUnknownOutcomeWithoutAnEmailToLookUpIsLeftToHrAndNothingIsSent() throws Exception {
        recordUnknown();
        WORKDAY.hireCompletes(EVENT, "21466");
        byte[] noEmail = new String(hire, StandardCharsets.UTF_8)
                .replace("\"email\":\"avigail.mizrahi@example.org\",", "").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = comeet.post(WEBHOOK, noEmail, SECRET);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"An earlier attempt may already have created this "
                + "employee in Workday, and without an e-mail the bridge cannot check. Ask HR to check Workday before "
                + "anything is submitted again.\",\"target\":\"workday\"}");
        assertThat(WORKDAY.getWorkersRequests()).isEmpty();
        assertThat(WORKDAY.hireRequests()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "unknown"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", "-"));
    }

    @Test
    void anAnswerWithoutEventReferenceIsAFailureNotASuccess() throws Exception {
        WORKDAY.hireAnswers("<wd:Hire_Employee_Event_Response xmlns:wd=\"urn:com.workday/bsvc\" "
                + "wd:version=\"v26.1\"/>");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"Workday answered without confirming the hire, "
                + "so it may or may not exist in Workday. Contact IT before submitting again.\",\"target\":\"workday\","
                + "\"hris_status\":200}");
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        // Not confirmed, but Workday may have hired: the next delivery looks the worker up first.
        assertThat(row()).containsExactly(Map.entry("status", "unknown"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", 200));
    }

    @Test
    void aResubmissionAfterAnAnswerWithoutEventReferenceAdoptsTheWorkerInsteadOfHiringTwice() throws Exception {
        WORKDAY.hireAnswers("<wd:Hire_Employee_Event_Response xmlns:wd=\"urn:com.workday/bsvc\" "
                + "wd:version=\"v26.1\"/>");
        HttpResponse<String> first = comeet.post(WEBHOOK, hire, SECRET);
        WORKDAY.hireCompletes(EVENT, "99999");
        WORKDAY.getWorkersLists("21470", "avigail.mizrahi@example.org");

        HttpResponse<String> again = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(created("21470"));
        assertThat(WORKDAY.getWorkersRequests()).hasSize(1);
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        assertThat(WORKDAY.contractViolations()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "created"), Map.entry("employee_id", "21470"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", 200));
    }

    @Test
    void anEmptySuccessIsAnUnknownOutcomeForTheRecruiterAsAnUnexpectedAnswer() throws Exception {
        WORKDAY.hireAnswersStatus(200, "text/xml; charset=UTF-8", "", null);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The HRIS gave an answer the hire bridge does not "
                + "expect, so the employee was not created; contact IT (the HRIS address may be wrong).\","
                + "\"target\":\"workday\",\"hris_status\":200}");
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        assertThat(WORKDAY.getWorkersRequests()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "unknown"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", 200));
    }

    @Test
    void anAnswerDeclaringAnExternalEntityIsRefusedAndNeverResolved() throws Exception {
        WORKDAY.serves("/secret", "<wd:ID xmlns:wd=\"urn:com.workday/bsvc\">leaked</wd:ID>");
        WORKDAY.hireAnswers("<?xml version=\"1.0\"?><!DOCTYPE env:Envelope [<!ENTITY leak SYSTEM \""
                + WORKDAY.url("/secret") + "\">]><env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<env:Body><wd:Hire_Employee_Event_Response xmlns:wd=\"urn:com.workday/bsvc\"><wd:Event_Reference>"
                + "<wd:ID wd:type=\"WID\">&leak;</wd:ID></wd:Event_Reference></wd:Hire_Employee_Event_Response>"
                + "</env:Body></env:Envelope>");

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire, SECRET);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The HRIS gave an answer the hire bridge does not "
                + "expect, so the employee was not created; contact IT (the HRIS address may be wrong).\","
                + "\"target\":\"workday\",\"hris_status\":200}");
        assertThat(WORKDAY.getRequests("/secret")).isEmpty();
        assertThat(WORKDAY.hireRequests()).hasSize(1);
        assertThat(row()).containsExactly(Map.entry("status", "unknown"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 1), Map.entry("hris_status", 200));
    }

    @Test
    void aMissingValueIsTheRecruitersToFixAndNothingIsSent() throws Exception {
        byte[] noDepartment = new String(hire, StandardCharsets.UTF_8)
                .replace("\"department\":\"Product\",", "")
                .replace("{\"uid\":\"department\",\"answers\":[{\"uid\":\"21\",\"title\":\"Design\"}]},", "")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = comeet.post(WEBHOOK, noDepartment, SECRET);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The department is missing. Complete the Hire form "
                + "and submit again.\"}");
        assertThat(WORKDAY.hireRequests()).isEmpty();
    }

    @Test
    void aValueTheMappingDoesNotListCannotBeFoundAndNothingIsSent() throws Exception {
        WORKDAY.hireCompletes(EVENT, "21469");
        byte[] unlisted = new String(hire, StandardCharsets.UTF_8)
                .replace("{\"uid\":\"21\",\"title\":\"Design\"}", "{\"uid\":\"29\",\"title\":\"Legal\"}")
                .replace("\"location\":\"Jerusalem\"", "\"location\":\"Haifa\"")
                .replace("\"employment\":\"Full-time\"", "\"employment\":\"Hourly\"")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = comeet.post(WEBHOOK, unlisted, SECRET);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The department 'Legal' has no Workday "
                + "organization in the mapping. The location 'Haifa' has no Workday location in the mapping. The "
                + "employment 'Hourly' has no Workday time type in the mapping; choose another in the Hire form, or "
                + "ask IT to add it to the mapping, then submit again.\"}");
        assertThat(WORKDAY.hireRequests()).isEmpty();
        assertThat(WORKDAY.getWorkersRequests()).isEmpty();
        assertThat(row()).containsExactly(Map.entry("status", "failed"), Map.entry("employee_id", "-"),
                Map.entry("event_reference", "-"), Map.entry("attempts", 0), Map.entry("hris_status", "-"));
    }

    @Test
    void logsTheOutcomeWithoutPersonalDataOrThePassword(CapturedOutput output) throws Exception {
        WORKDAY.hireCompletes(EVENT, "21465");

        comeet.post(WEBHOOK, hire, SECRET);

        assertThat(output.getOut()).contains("Hire outcome: company=initech candidate=3C1.B52 target=workday "
                + "result=created status=200 hris_status=200 duration_ms=");
        assertThat(output.getOut() + output.getErr()).doesNotContain("אביגיל", "Mizrahi", "avigail", "555-0161",
                PASSWORD, "Wd&amp;", SECRET);
    }

    private void recordUnknown() {
        recordUnknown(Instant.now().minusSeconds(60));
    }

    private void recordUnknown(Instant receivedAt) {
        Timestamp now = Timestamp.from(receivedAt);
        db.sql("""
                INSERT INTO hire (company, candidate_id, person_uid, target, status, rehire, attempts, deliveries,
                                  received_at, updated_at, payload, version)
                VALUES ('initech', '3C1.B52', '9A.7731', 'workday', 'unknown', FALSE, 1, 1, ?, ?, ?, 1)""")
                .params(now, now, new String(hire, StandardCharsets.UTF_8))
                .update();
    }

    /** The ledger row of the hire; "-" for null. */
    private Map<String, Object> row() {
        return db.sql("SELECT status, employee_id, event_reference, attempts, hris_status FROM hire "
                        + "WHERE company = 'initech' AND candidate_id = '3C1.B52'")
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("status", rs.getString("status"));
                    row.put("employee_id", orDash(rs.getString("employee_id")));
                    row.put("event_reference", orDash(rs.getString("event_reference")));
                    row.put("attempts", rs.getInt("attempts"));
                    Object status = rs.getObject("hris_status");
                    row.put("hris_status", status == null ? "-" : ((Number) status).intValue());
                    return row;
                }).single();
    }

    private static String created(String employeeId) {
        return "{\"employee_id\":\"" + employeeId + "\",\"status\":\"created\",\"target\":\"workday\"}";
    }

    private static Object orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String wd(Document document, String name) {
        return document.getElementsByTagNameNS(WorkdayXml.WD, name).item(0).getTextContent();
    }

    private static String text(Document document, String namespace, String name) {
        return document.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }

    /** {@code type=value} of the reference's only ID. */
    private static String reference(Document document, String name) {
        Element reference = (Element) document.getElementsByTagNameNS(WorkdayXml.WD, name).item(0);
        Element id = (Element) reference.getElementsByTagNameNS(WorkdayXml.WD, "ID").item(0);
        assertThat(reference.getElementsByTagNameNS(WorkdayXml.WD, "ID").getLength()).isEqualTo(1);
        return id.getAttributeNS(WorkdayXml.WD, "type") + "=" + id.getTextContent();
    }
}
