package com.comeet.hirebridge.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;
import com.comeet.hirebridge.bamboohr.BambooHrStandIn;
import com.comeet.hirebridge.ledger.HireLedger;
import com.comeet.hirebridge.ledger.HireRecord;
import com.comeet.hirebridge.ledger.HireStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator API on the running bridge: HTTP Basic against the configured credential, hires listed and shown
 * from the ledger with personal data redacted, and a failed hire retried through the same route as Comeet's
 * webhook, against the BambooHR stand-in. On H2 here, and on PostgreSQL in {@link OperatorApiOnPostgresTests}.
 */
@TestPropertySource(properties = {
    "hirebridge.admin.username=hr-ops",
    "hirebridge.admin.password=correct horse battery staple"
})
class OperatorApiTests extends AcmeOnBambooHrStandIn {

    private static final String ADMIN = basic("hr-ops", "correct horse battery staple");
    private static final String NOT_AUTHORISED = "{\"display_message\":\"This request is not authorised. The "
            + "operator API needs the admin username and password (HTTP Basic).\"}";
    private static final String OPERATOR_API = "The operator API is GET /admin/hires, "
            + "GET /admin/hires/{company}/{candidate_id}, POST /admin/hires/{company}/{candidate_id}/retry and "
            + "POST /admin/hires/{company}/{candidate_id}/files/retry.";
    private static final String REDACTED_HIRE =
            "{\"comeet_id\":\"3C1.B52\",\"person_uid\":\"9A.7731\",\"first_name\":\"[redacted]\","
            + "\"middle_name\":\"[redacted]\",\"last_name\":\"[redacted]\",\"email\":\"[redacted]\","
            + "\"phone\":\"[redacted]\",\"mobile_phone\":\"[redacted]\",\"id_number\":\"[redacted]\","
            + "\"linkedin_url\":\"[redacted]\",\"time_created\":\"2026-11-28T07:45:10Z\","
            + "\"hired_date\":\"2026-12-02\",\"start_date\":\"2027-02-01\","
            + "\"source\":{\"name\":\"[redacted]\",\"type\":\"Job Board\",\"comeet_id\":\"S.7\"},"
            + "\"resume\":\"[redacted]\",\"picture\":\"[redacted]\",\"links\":\"[redacted]\","
            + "\"files\":\"[redacted]\",\"offer_fields\":[{\"PTO\":\"22\"},{\"Car type\":\"None\"}],"
            + "\"opening\":{\"description\":\"Product Designer, Growth\",\"reason\":\"new\","
            + "\"custom_fields\":{\"Budget line\":\"PROD-2027\"}},\"position\":{\"comeet_id\":\"P.77\","
            + "\"name\":\"Product Designer\",\"public_name\":\"Senior Product Designer\","
            + "\"department\":\"Product\",\"description\":\"<p>Design the growth funnel.</p>\","
            + "\"requirements\":\"<ul><li>Figma</li></ul>\",\"position_id\":\"PRD-031\","
            + "\"location\":\"Jerusalem\",\"employment\":\"Full-time\",\"employee_type\":\"Headcount\","
            + "\"seniority\":\"Senior\",\"hiring_manager\":{\"first_name\":\"[redacted]\","
            + "\"last_name\":\"[redacted]\",\"email\":\"[redacted]\"},"
            + "\"leading_recruiter\":{\"first_name\":\"[redacted]\",\"last_name\":\"[redacted]\","
            + "\"email\":\"[redacted]\"},\"custom_fields\":{\"Cost center\":\"5120\"}},"
            + "\"partner_questionnaire\":\"[redacted]\"}";

    @Autowired
    HireLedger ledger;

    private byte[] hire;

    @BeforeEach
    void setUp() throws IOException {
        hire = Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire.json"));
    }

    @Test
    void refusesEveryRequestWithoutTheAdminCredential() throws Exception {
        Map<String, String> refused = Map.of(
                "no credential", "",
                "wrong password", basic("hr-ops", "correct horse battery"),
                "wrong username", basic("admin", "correct horse battery staple"),
                "not Basic", "Bearer correct horse battery staple",
                "not Base64", "Basic hr-ops:correct horse battery staple");

        for (Map.Entry<String, String> attempt : refused.entrySet()) {
            HttpResponse<String> list = get("/admin/hires", attempt.getValue());
            HttpResponse<String> retry = post("/admin/hires/acme/3C1.B52/retry", attempt.getValue());

            for (HttpResponse<String> answer : new HttpResponse[] {list, retry}) {
                assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(401);
                assertThat(answer.body()).as(attempt.getKey()).isEqualTo(NOT_AUTHORISED);
                assertThat(answer.headers().firstValue("WWW-Authenticate")).as(attempt.getKey())
                        .hasValue("Basic realm=\"hire-bridge-admin\"");
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
            }
        }
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void otherSpellingsOfTheAdminPathAreRefusedToo() throws Exception {
        for (String path : new String[] {"//admin/hires", "/%61dmin/hires", "/admin/hires/", "/admin//hires"}) {
            HttpResponse<String> answer = get(path, "");

            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).isEqualTo(NOT_AUTHORISED);
        }
    }

    @Test
    void aCandidateIdWithASlashIsAddressedWithAnEncodedSlash() throws Exception {
        record("acme", "C/1", "failed", null, "2026-12-01T08:00:00Z", null);

        HttpResponse<String> shown = get("/admin/hires/acme/C%2F1", ADMIN);
        HttpResponse<String> withoutCredential = get("/admin/hires/acme/C%2F1", "");
        HttpResponse<String> slashInTheAdminPrefix = get("/admin%2Fhires", ADMIN);

        String summary = item("acme", "C/1", "failed", null, "2026-12-01T08:00:00Z");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo(summary.substring(0, summary.length() - 1)
                + ",\"payload\":null,\"files\":[]}");
        assertThat(withoutCredential.statusCode()).isEqualTo(401);
        assertThat(slashInTheAdminPrefix.statusCode()).isEqualTo(404);
        assertThat(slashInTheAdminPrefix.body()).isEqualTo("{\"display_message\":\"Nothing is served at this "
                + "address. Comeet's webhooks are POST /comeet/{company}/create-employee and "
                + "POST /comeet/{company}/hire-questionnaire.\"}");
    }

    @Test
    void aWrongOperatorAddressOrMethodIsAnsweredWithTheOperatorApi() throws Exception {
        HttpResponse<String> deleted = comeet.send(authorized(HttpRequest.newBuilder(
                URI.create(comeet.url("/admin/hires"))).DELETE(), ADMIN));
        HttpResponse<String> retryByGet = get("/admin/hires/acme/C.1/retry", ADMIN);

        for (String path : new String[] {"/admin", "/admin/nothing", "/admin/hires/acme"}) {
            HttpResponse<String> answer = get(path, ADMIN);

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).isEqualTo("{\"display_message\":\"Nothing is served at this address. "
                    + OPERATOR_API + "\"}");
        }
        assertThat(deleted.statusCode()).isEqualTo(405);
        assertThat(deleted.headers().allValues("Allow")).containsExactly("GET");
        assertThat(deleted.body()).isEqualTo("{\"display_message\":\"This address does not accept this method. "
                + OPERATOR_API + "\"}");
        assertThat(retryByGet.statusCode()).isEqualTo(405);
        assertThat(retryByGet.headers().allValues("Allow")).containsExactly("POST");
        assertThat(retryByGet.body()).isEqualTo(deleted.body());
    }

    @Test
    void otherPathsAskForNoCredential() throws Exception {
        HttpResponse<String> health = get("/actuator/health/liveness", "");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void listsHiresNewestFirstFilteredByCompanyStatusAndDay() throws Exception {
        record("acme", "C.1", "created", "40001", "2026-11-30T23:59:59Z", "{}");
        record("acme", "C.2", "failed", null, "2026-12-01T08:00:00Z", "{}");
        record("acme", "C.3", "failed", null, "2026-12-02T00:00:00Z", "{}");
        record("globex", "C.4", "failed", null, "2026-12-01T09:00:00Z", "{}");

        HttpResponse<String> all = get("/admin/hires", ADMIN);
        HttpResponse<String> acmeFailed = get("/admin/hires?company=acme&status=failed", ADMIN);
        HttpResponse<String> onFirstDecember = get("/admin/hires?from=2026-12-01&to=2026-12-01&limit=1", ADMIN);
        HttpResponse<String> badStatus = get("/admin/hires?status=lost", ADMIN);
        HttpResponse<String> badDay = get("/admin/hires?from=01/12/2026", ADMIN);
        HttpResponse<String> badLimit = get("/admin/hires?limit=1001", ADMIN);

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).isEqualTo("{\"hires\":[" + item("acme", "C.3", "failed", null,
                "2026-12-02T00:00:00Z") + "," + item("globex", "C.4", "failed", null, "2026-12-01T09:00:00Z") + ","
                + item("acme", "C.2", "failed", null, "2026-12-01T08:00:00Z") + ","
                + item("acme", "C.1", "created", "40001", "2026-11-30T23:59:59Z") + "]}");
        assertThat(acmeFailed.body()).isEqualTo("{\"hires\":[" + item("acme", "C.3", "failed", null,
                "2026-12-02T00:00:00Z") + "," + item("acme", "C.2", "failed", null, "2026-12-01T08:00:00Z") + "]}");
        assertThat(onFirstDecember.body()).isEqualTo("{\"hires\":[" + item("globex", "C.4", "failed", null,
                "2026-12-01T09:00:00Z") + "]}");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).isEqualTo("{\"display_message\":\"status must be one of received, creating, "
                + "created, failed, unknown.\"}");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).isEqualTo("{\"display_message\":\"from must be a date as YYYY-MM-DD, from "
                + "0001-01-01 to 9999-12-31.\"}");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).isEqualTo("{\"display_message\":\"limit must be a whole number from 1 to "
                + "1000.\"}");
    }

    @Test
    void daysBeyondWhatEveryDatabaseHoldsAreRefused() throws Exception {
        record("acme", "C.1", "created", "40001", "2026-11-30T23:59:59Z", "{}");
        Map<String, String> refused = Map.of(
                "from=%2B300000-01-01", "from", "to=%2B300000-01-01", "to", "from=-5000-01-01", "from",
                "from=%2B999999999-12-31", "from", "to=0000-12-31", "to", "from=%2B10000-01-01", "from",
                "from=-292278994-08-17", "from");

        for (Map.Entry<String, String> query : refused.entrySet()) {
            HttpResponse<String> answer = get("/admin/hires?" + query.getKey(), ADMIN);

            assertThat(answer.statusCode()).as(query.getKey()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(answer.body()).as(query.getKey()).isEqualTo("{\"display_message\":\"" + query.getValue()
                    + " must be a date as YYYY-MM-DD, from 0001-01-01 to 9999-12-31.\"}");
        }
        HttpResponse<String> widest = get("/admin/hires?from=0001-01-01&to=9999-12-31", ADMIN);
        assertThat(widest.statusCode()).isEqualTo(200);
        assertThat(widest.body()).isEqualTo("{\"hires\":[" + item("acme", "C.1", "created", "40001",
                "2026-11-30T23:59:59Z") + "]}");
    }

    @Test
    void controlCharactersInCompanyStatusOrCandidateIdAreRefused() throws Exception {
        record("acme", "C.1", "failed", null, "2026-12-01T08:00:00Z", "{}");

        HttpResponse<String> nulCompany = get("/admin/hires?company=%00x", ADMIN);
        HttpResponse<String> tabCompany = get("/admin/hires?company=ac%09me", ADMIN);
        HttpResponse<String> nulStatus = get("/admin/hires?status=failed%00", ADMIN);
        HttpResponse<String> shownId = get("/admin/hires/acme/C.1%01", ADMIN);
        HttpResponse<String> retriedCompany = post("/admin/hires/ac%1Bme/C.1/retry", ADMIN);
        HttpResponse<String> filesId = post("/admin/hires/acme/C.1%7F/files/retry", ADMIN);

        assertThat(nulCompany.statusCode()).isEqualTo(400);
        assertThat(nulCompany.body()).isEqualTo("{\"display_message\":\"company must not contain control "
                + "characters.\"}");
        assertThat(tabCompany.statusCode()).isEqualTo(400);
        assertThat(tabCompany.body()).isEqualTo(nulCompany.body());
        assertThat(nulStatus.statusCode()).isEqualTo(400);
        assertThat(nulStatus.body()).isEqualTo("{\"display_message\":\"status must be one of received, creating, "
                + "created, failed, unknown.\"}");
        assertThat(shownId.statusCode()).isEqualTo(400);
        assertThat(shownId.body()).isEqualTo("{\"display_message\":\"candidate id must not contain control "
                + "characters.\"}");
        assertThat(retriedCompany.statusCode()).isEqualTo(400);
        assertThat(retriedCompany.body()).isEqualTo(nulCompany.body());
        assertThat(filesId.statusCode()).isEqualTo(400);
        assertThat(filesId.body()).isEqualTo(shownId.body());
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void showsOneHireWithItsPersonalDataRedacted() throws Exception {
        record("acme", "3C1.B52", "created", "40598", "2026-12-02T10:15:00Z",
                new String(hire, StandardCharsets.UTF_8));

        HttpResponse<String> answer = get("/admin/hires/acme/3C1.B52", ADMIN);

        assertThat(answer.statusCode()).isEqualTo(200);
        String summary = item("acme", "3C1.B52", "created", "40598", "2026-12-02T10:15:00Z");
        assertThat(answer.body()).isEqualTo(summary.substring(0, summary.length() - 1) + ",\"payload\":"
                + REDACTED_HIRE + ",\"files\":[]}");
    }

    @Test
    void aPurgedPayloadShowsAsNullAndCannotBeRetried() throws Exception {
        record("acme", "C.9", "failed", null, "2026-10-01T10:00:00Z", null);

        HttpResponse<String> shown = get("/admin/hires/acme/C.9", ADMIN);
        HttpResponse<String> retried = post("/admin/hires/acme/C.9/retry", ADMIN);
        HttpResponse<String> unknown = get("/admin/hires/acme/C.10", ADMIN);

        String summary = item("acme", "C.9", "failed", null, "2026-10-01T10:00:00Z");
        assertThat(shown.body()).isEqualTo(summary.substring(0, summary.length() - 1)
                + ",\"payload\":null,\"files\":[]}");
        assertThat(retried.statusCode()).isEqualTo(410);
        assertThat(retried.body()).isEqualTo("{\"display_message\":\"This hire's payload has been purged after the "
                + "retention period; submit the hire again from Comeet.\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"display_message\":\"The ledger holds no hire for this company "
                + "and candidate.\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void aFailedHireRetriedOnceBambooHrIsFixedIsCreated() throws Exception {
        BAMBOOHR.createEmployeeFails(409, Map.of(BambooHrStandIn.ERROR_HEADER, "Unknown department: Design"));
        HttpResponse<String> fromComeet = comeet.post(WEBHOOK, hire, SECRET);
        assertThat(fromComeet.statusCode()).isEqualTo(409);
        assertThat(ledger.find("acme", "3C1.B52")).map(HireRecord::status).hasValue(HireStatus.FAILED);

        BAMBOOHR.reset();
        BAMBOOHR.createEmployeeAnswers(40700);
        HttpResponse<String> retried = post("/admin/hires/acme/3C1.B52/retry", ADMIN);

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(retried.body()).isEqualTo("{\"employee_id\":\"40700\",\"status\":\"created\","
                + "\"target\":\"bamboohr\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        HireRecord created = ledger.find("acme", "3C1.B52").orElseThrow();
        assertThat(created.status()).isEqualTo(HireStatus.CREATED);
        assertThat(created.employeeId()).isEqualTo("40700");
        assertThat(created.hrisStatus()).isEqualTo(201);
        assertThat(created.displayMessage()).isNull();
        assertThat(created.attempts()).isEqualTo(2);
        assertThat(created.deliveries()).isEqualTo(2);
    }

    @Test
    void aCreatedHireIsNotRetried() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40598);
        assertThat(comeet.post(WEBHOOK, hire, SECRET).statusCode()).isEqualTo(200);

        HttpResponse<String> retried = post("/admin/hires/acme/3C1.B52/retry", ADMIN);

        assertThat(retried.statusCode()).isEqualTo(409);
        assertThat(retried.body()).isEqualTo("{\"display_message\":\"This hire is created; only a failed or "
                + "unknown hire can be retried.\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
        assertThat(ledger.find("acme", "3C1.B52").orElseThrow().deliveries()).isEqualTo(1);
    }

    @Test
    void aHireBeingCreatedIsNotRetried() throws Exception {
        record("acme", "3C1.B52", "creating", null, "2026-12-02T09:00:00Z", new String(hire, StandardCharsets.UTF_8));
        db.sql("UPDATE hire SET lease_until = ? WHERE candidate_id = '3C1.B52'")
                .param(Timestamp.from(Instant.now().plusSeconds(60))).update();

        HttpResponse<String> retried = post("/admin/hires/acme/3C1.B52/retry", ADMIN);

        assertThat(retried.statusCode()).isEqualTo(409);
        assertThat(retried.body()).isEqualTo("{\"display_message\":\"This hire is being created; only a failed "
                + "or unknown hire can be retried.\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
        assertThat(ledger.find("acme", "3C1.B52").orElseThrow().status()).isEqualTo(HireStatus.CREATING);
    }

    private void record(String company, String candidateId, String status, String employeeId, String receivedAt,
            String payload) {
        Timestamp received = Timestamp.from(Instant.parse(receivedAt));
        db.sql("""
                INSERT INTO hire (company, candidate_id, person_uid, target, status, rehire, employee_id, attempts,
                                  deliveries, received_at, updated_at, payload, version)
                VALUES (?, ?, 'P.1', 'bamboohr', ?, FALSE, ?, 1, 1, ?, ?, ?, 1)""")
                .params(company, candidateId, status, employeeId, received, received, payload)
                .update();
    }

    /** One hire as the API lists it, for a row written by {@link #record}. */
    private static String item(String company, String candidateId, String status, String employeeId,
            String receivedAt) {
        return "{\"company\":\"" + company + "\",\"candidate_id\":\"" + candidateId + "\",\"person_uid\":\"P.1\","
                + "\"target\":\"bamboohr\",\"status\":\"" + status + "\",\"rehire\":false,\"employee_id\":"
                + (employeeId == null ? "null" : "\"" + employeeId + "\"") + ",\"event_reference\":null,"
                + "\"hris_status\":null,\"hris_message\":null,\"display_message\":null,\"attempts\":1,"
                + "\"deliveries\":1,"
                + "\"received_at\":\"" + receivedAt + "\",\"updated_at\":\"" + receivedAt + "\","
                + "\"hris_duration_ms\":null,\"total_duration_ms\":null}";
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return comeet.send(authorized(HttpRequest.newBuilder(URI.create(comeet.url(path))).GET(), authorization));
    }

    private HttpResponse<String> post(String path, String authorization) throws IOException, InterruptedException {
        return comeet.send(authorized(HttpRequest.newBuilder(URI.create(comeet.url(path)))
                .POST(HttpRequest.BodyPublishers.noBody()), authorization));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String authorization) {
        return authorization.isEmpty() ? request : request.header("Authorization", authorization);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
