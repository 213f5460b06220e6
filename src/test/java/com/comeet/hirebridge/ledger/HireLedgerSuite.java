package com.comeet.hirebridge.ledger;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.SqlParameterValue;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger makes the bridge exact: a resubmitted hire is answered from it, concurrent deliveries create one
 * employee, a re-hire is flagged, and a hire whose answer was lost is looked up before anything is created again.
 * The same suite runs on each database the bridge supports: {@link HireLedgerOnH2Tests},
 * {@link HireLedgerOnPostgresTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class HireLedgerSuite extends AcmeOnBambooHrStandIn {

    @Autowired
    HireLedger ledger;

    @Autowired
    ObjectMapper json;

    private String hire;

    @BeforeEach
    void setUp() throws Exception {
        hire = Files.readString(Path.of("src/test/resources/hires/realistic-hire.json"));
    }

    private HttpResponse<String> send(String body) throws Exception {
        return comeet.post(WEBHOOK, body.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    private HireRecord row(String candidateId) {
        return ledger.find("acme", candidateId).orElseThrow();
    }

    private static String created(int employeeId) {
        return "{\"employee_id\":\"" + employeeId + "\",\"status\":\"created\",\"target\":\"bamboohr\"}";
    }

    @Test
    void aResubmittedHireIsAnsweredFromTheLedgerWithoutCallingTheHris() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40800);

        HttpResponse<String> first = send(hire);
        BAMBOOHR.createEmployeeAnswers(40999);
        HttpResponse<String> again = send(hire);

        assertThat(first.body()).isEqualTo(created(40800));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(created(40800));
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
        HireRecord row = row("3C1.B52");
        assertThat(row.status()).isEqualTo(HireStatus.CREATED);
        assertThat(row.employeeId()).isEqualTo("40800");
        assertThat(row.personUid()).isEqualTo("9A.7731");
        assertThat(row.target()).isEqualTo("bamboohr");
        assertThat(row.hrisStatus()).isEqualTo(201);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.deliveries()).isEqualTo(2);
        assertThat(row.rehire()).isFalse();
        assertThat(row.leaseUntil()).isNull();
        assertThat(row.payload()).isEqualTo(hire);
    }

    @Test
    void tenConcurrentDeliveriesCreateOneEmployee() throws Exception {
        BAMBOOHR.createEmployeeDelays(800);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit((Callable<HttpResponse<String>>) () -> send(hire)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                assertThat(answer.get().body()).isEqualTo(created(1));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
        assertThat(row("3C1.B52").deliveries()).isEqualTo(10);
        assertThat(row("3C1.B52").attempts()).isEqualTo(1);
    }

    @Test
    void theSamePersonHiredAgainIsCreatedAndFlagged() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40801);
        send(hire);
        BAMBOOHR.createEmployeeAnswers(40802);

        HttpResponse<String> rehire = send(hire.replace("\"comeet_id\":\"3C1.B52\"", "\"comeet_id\":\"3C1.Z99\""));

        assertThat(rehire.body()).isEqualTo(created(40802));
        assertThat(row("3C1.Z99").rehire()).isTrue();
        assertThat(row("3C1.B52").rehire()).isFalse();
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(2);
    }

    @Test
    void aRefusedHireIsRecordedAsFailedAndCanBeSubmittedAgain() throws Exception {
        BAMBOOHR.createEmployeeFails(409, Map.of("X-BambooHR-Error-Message", "Unknown department"));
        HttpResponse<String> refused = send(hire);

        HireRecord failed = row("3C1.B52");
        BAMBOOHR.reset();
        BAMBOOHR.createEmployeeAnswers(40803);
        HttpResponse<String> fixed = send(hire);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(failed.status()).isEqualTo(HireStatus.FAILED);
        assertThat(failed.hrisStatus()).isEqualTo(409);
        assertThat(failed.hrisMessage()).isEqualTo("Unknown department");
        assertThat(failed.displayMessage()).startsWith("BambooHR refused one of the values");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(fixed.body()).isEqualTo(created(40803));
        assertThat(row("3C1.B52").status()).isEqualTo(HireStatus.CREATED);
        assertThat(row("3C1.B52").attempts()).isEqualTo(2);
    }

    @Test
    void aLostAnswerIsLookedUpAndAdoptedByTheNextDelivery() throws Exception {
        // The create reaches BambooHR, its answer never arrives, and the look-up is not possible yet.
        BAMBOOHR.createEmployeeDelays(3000);
        HttpResponse<String> lost = send(hire);
        HireRecord unknown = row("3C1.B52");

        BAMBOOHR.customReportLists(List.of(Map.of("id", "40804", "homeEmail", "Avigail.Mizrahi@example.org",
                "workEmail", "")));
        HttpResponse<String> next = send(hire);

        assertThat(lost.statusCode()).isEqualTo(502);
        assertThat(unknown.status()).isEqualTo(HireStatus.UNKNOWN);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo(created(40804));
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
        assertThat(BAMBOOHR.customReportRequests()).hasSize(2);
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        assertThat(row("3C1.B52").status()).isEqualTo(HireStatus.CREATED);
        assertThat(row("3C1.B52").employeeId()).isEqualTo("40804");
    }

    @Test
    void anUnreachableHrisIsRecordedWithTheRecruitersMessage() throws Exception {
        BAMBOOHR.createEmployeeDropsConnection();
        BAMBOOHR.customReportLists(List.of());

        HttpResponse<String> answer = send(hire);

        HireRecord unknown = row("3C1.B52");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(unknown.status()).isEqualTo(HireStatus.UNKNOWN);
        assertThat(unknown.displayMessage()).isEqualTo("The HRIS is not answering; try again in a few minutes.");
        assertThat(unknown.hrisMessage()).isIn("SocketException", "NoHttpResponseException");
        assertThat(unknown.attempts()).isEqualTo(BAMBOOHR.createEmployeeRequests().size());
    }

    @Test
    void aHireWithoutCandidateIdIsRefused() throws Exception {
        HttpResponse<String> answer = send(hire.replace("\"comeet_id\":\"3C1.B52\",", ""));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire carries no usable candidate id "
                + "(comeet_id). Submit the hire again from Comeet; if it keeps failing, contact IT.\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void newerDocsCandidateIdIsAcceptedToo() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40805);

        send(hire.replace("\"comeet_id\":\"3C1.B52\"", "\"recruit_id\":\"R-77\""));

        assertThat(row("R-77").employeeId()).isEqualTo("40805");
    }

    @Test
    void payloadsAndFilesOlderThanTheRetentionAreEmptied(CapturedOutput output) throws Exception {
        BAMBOOHR.createEmployeeAnswers(40806);
        send(hire);
        send(hire.replace("\"comeet_id\":\"3C1.B52\"", "\"comeet_id\":\"3C1.NEW\""));
        db.sql("UPDATE hire SET received_at = ? WHERE candidate_id = '3C1.B52'")
                .param(Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS))).update();
        storeFile("3C1.B52", "resume", "downloaded");
        storeFile("3C1.B52", "picture", "upload_failed");
        storeFile("3C1.NEW", "resume", "downloaded");

        HireLedger.Purged purged = ledger.purgeExpired();

        assertThat(purged).isEqualTo(new HireLedger.Purged(1, 2));
        assertThat(row("3C1.B52").payload()).isNull();
        assertThat(row("3C1.B52").employeeId()).isEqualTo("40806");
        assertThat(row("3C1.NEW").payload()).contains("\"comeet_id\":\"3C1.NEW\"");
        assertThat(files()).containsExactly(
                "3C1.B52 picture upload_failed size=3 content=none",
                "3C1.B52 resume downloaded size=3 content=none",
                "3C1.NEW resume downloaded size=3 content=3 bytes");
        assertThat(output.getOut()).contains("Retention: emptied payloads=1 files=2 of hires received before ");
    }

    @Test
    void aLostCreateAdoptsTheNewEmployeeNotTheOneOfAnEarlierHireWithTheSameEmail() throws Exception {
        BAMBOOHR.createEmployeeAnswers(90003);
        send(hire);
        BAMBOOHR.createEmployeeDropsConnection();
        BAMBOOHR.customReportLists(List.of(
                Map.of("id", "90003", "homeEmail", "avigail.mizrahi@example.org", "workEmail", ""),
                Map.of("id", "90004", "homeEmail", "Avigail.Mizrahi@example.org", "workEmail", "")));

        HttpResponse<String> rehire = send(hire.replace("\"comeet_id\":\"3C1.B52\"", "\"comeet_id\":\"3C1.Z99\""));

        assertThat(rehire.statusCode()).isEqualTo(200);
        assertThat(rehire.body()).isEqualTo(created(90004));
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(2);
        assertThat(BAMBOOHR.customReportRequests()).hasSize(1);
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        assertThat(row("3C1.Z99").status()).isEqualTo(HireStatus.CREATED);
        assertThat(row("3C1.Z99").employeeId()).isEqualTo("90004");
        assertThat(row("3C1.Z99").rehire()).isTrue();
        assertThat(row("3C1.B52").employeeId()).isEqualTo("90003");
    }

    @Test
    void anUnknownHireWhoseOnlyMatchIsAnotherHiresEmployeeIsCreated() throws Exception {
        String rehire = unknownRehireOf(90003);
        BAMBOOHR.customReportLists(List.of(Map.of("id", "90003", "homeEmail", "avigail.mizrahi@example.org")));
        BAMBOOHR.createEmployeeAnswers(90005);

        HttpResponse<String> answer = send(rehire);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(created(90005));
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(3);
        assertThat(BAMBOOHR.customReportRequests()).hasSize(1);
        assertThat(row("3C1.Z99").status()).isEqualTo(HireStatus.CREATED);
        assertThat(row("3C1.Z99").employeeId()).isEqualTo("90005");
    }

    @Test
    void anUnknownHireMatchingSeveralUnclaimedEmployeesIsLeftToHr() throws Exception {
        String rehire = unknownRehireOf(90003);
        BAMBOOHR.customReportLists(List.of(
                Map.of("id", "90003", "homeEmail", "avigail.mizrahi@example.org"),
                Map.of("id", "90004", "workEmail", "avigail.mizrahi@example.org"),
                Map.of("id", "90005", "homeEmail", "AVIGAIL.MIZRAHI@example.org")));
        BAMBOOHR.createEmployeeAnswers(90006);

        HttpResponse<String> answer = send(rehire);

        String message = "An earlier attempt may already have created this employee in BambooHR, and several "
                + "employees there have this e-mail. Ask HR to check BambooHR before anything is submitted again.";
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"" + message + "\",\"target\":\"bamboohr\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(2);
        assertThat(BAMBOOHR.customReportRequests()).hasSize(1);
        HireRecord unknown = row("3C1.Z99");
        assertThat(unknown.status()).isEqualTo(HireStatus.UNKNOWN);
        assertThat(unknown.employeeId()).isNull();
        assertThat(unknown.displayMessage()).isEqualTo(message);
    }

    @Test
    void anUnknownHireRetriedDaysLaterIsLookedUpFromTheDayBeforeItsFirstDelivery() throws Exception {
        BAMBOOHR.createEmployeeFails(409, Map.of("X-BambooHR-Error-Message", "Unknown department"));
        send(hire);
        db.sql("UPDATE hire SET status = 'unknown', received_at = ? WHERE candidate_id = '3C1.B52'")
                .param(Timestamp.from(Instant.parse("2026-01-10T09:30:15.500Z"))).update();
        BAMBOOHR.customReportLists(List.of(Map.of("id", "40807", "homeEmail", "avigail.mizrahi@example.org")));

        HttpResponse<String> answer = send(hire);

        assertThat(answer.body()).isEqualTo(created(40807));
        JsonNode report = json.readTree(BAMBOOHR.customReportRequests().get(0).getBodyAsString());
        assertThat(report.path("filters").path("lastChanged").path("value").asText())
                .isEqualTo("2026-01-09T09:30:15Z");
        assertThat(report.path("title").asText()).isEqualTo("Hire bridge: employees created since "
                + "2026-01-09T09:30:15Z");
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(1);
    }

    @Test
    void anIdTooLongOrWithANulCharacterIsRefusedOnEveryDatabase() throws Exception {
        String noCandidateId = "{\"display_message\":\"The hire carries no usable candidate id (comeet_id). Submit "
                + "the hire again from Comeet; if it keeps failing, contact IT.\"}";
        String noPersonUid = "{\"display_message\":\"The hire carries a person id (person_uid) that is not one "
                + "Comeet gives. Submit the hire again from Comeet; if it keeps failing, contact IT.\"}";
        Map<String, String> refused = Map.of(
                "\"comeet_id\":\"3C1\\u0000B52\"", noCandidateId,
                "\"comeet_id\":\"" + "C".repeat(201) + "\"", noCandidateId,
                "\"person_uid\":\"9A\\u00007731\"", noPersonUid,
                "\"person_uid\":\"" + "P".repeat(201) + "\"", noPersonUid);

        for (Map.Entry<String, String> id : refused.entrySet()) {
            String field = id.getKey().startsWith("\"comeet_id\"") ? "\"comeet_id\":\"3C1.B52\""
                    : "\"person_uid\":\"9A.7731\"";
            HttpResponse<String> answer = send(hire.replace(field, id.getKey()));

            assertThat(answer.statusCode()).as(id.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(id.getKey()).isEqualTo(id.getValue());
        }
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM hire").query(Integer.class).single()).isZero();
    }

    @Test
    void anIdThatNoOperatorPathCouldNameIsRefused() throws Exception {
        for (String id : List.of(".", "..", "a\\\\b", "a/b")) {
            HttpResponse<String> answer = send(hire.replace("\"comeet_id\":\"3C1.B52\"",
                    "\"comeet_id\":\"" + id + "\""));

            assertThat(answer.statusCode()).as(id).isEqualTo(400);
            assertThat(answer.body()).as(id).isEqualTo("{\"display_message\":\"The hire carries no usable candidate "
                    + "id (comeet_id). Submit the hire again from Comeet; if it keeps failing, contact IT.\"}");
        }
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM hire").query(Integer.class).single()).isZero();
    }

    /**
     * Hire 3C1.B52 created as {@code employeeId}, and the same person's new hire 3C1.Z99 left unknown, as after a
     * lost answer; gives the new hire's payload.
     */
    private String unknownRehireOf(int employeeId) throws Exception {
        BAMBOOHR.createEmployeeAnswers(employeeId);
        send(hire);
        String rehire = hire.replace("\"comeet_id\":\"3C1.B52\"", "\"comeet_id\":\"3C1.Z99\"");
        BAMBOOHR.createEmployeeFails(409, Map.of("X-BambooHR-Error-Message", "Unknown department"));
        send(rehire);
        db.sql("UPDATE hire SET status = 'unknown' WHERE candidate_id = '3C1.Z99'").update();
        return rehire;
    }

    /** The file row of that kind as if downloaded: three bytes of content, in {@code status}. */
    private void storeFile(String candidateId, String kind, String status) {
        db.sql("UPDATE hire_file SET size_bytes = 3, content = ?, status = ? WHERE candidate_id = ? AND kind = ?")
                .params(new SqlParameterValue(Types.VARBINARY, new byte[] {1, 2, 3}), status, candidateId, kind)
                .update();
    }

    /** Each downloaded file: candidate, kind, status, size and what is left of its content. */
    private List<String> files() {
        return db.sql("SELECT candidate_id, kind, status, size_bytes, content FROM hire_file "
                        + "WHERE size_bytes IS NOT NULL ORDER BY candidate_id, kind")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " size="
                        + rs.getLong(4) + " content=" + (rs.getBytes(5) == null ? "none"
                        : rs.getBytes(5).length + " bytes"))
                .list();
    }
}
