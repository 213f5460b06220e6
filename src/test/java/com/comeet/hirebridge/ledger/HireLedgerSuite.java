package com.comeet.hirebridge.ledger;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
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
import org.springframework.beans.factory.annotation.Autowired;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger makes the bridge exact: a resubmitted hire is answered from it, concurrent deliveries create one
 * employee, a re-hire is flagged, and a hire whose answer was lost is looked up before anything is created again.
 * The same suite runs on each database the bridge supports: {@link HireLedgerOnH2Tests},
 * {@link HireLedgerOnPostgresTests}.
 */
abstract class HireLedgerSuite extends AcmeOnBambooHrStandIn {

    @Autowired
    HireLedger ledger;

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
    void payloadsOlderThanTheRetentionAreEmptied() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40806);
        send(hire);
        send(hire.replace("\"comeet_id\":\"3C1.B52\"", "\"comeet_id\":\"3C1.NEW\""));
        db.sql("UPDATE hire SET received_at = ? WHERE candidate_id = '3C1.B52'")
                .param(Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS))).update();

        int purged = ledger.purgePayloads();

        assertThat(purged).isEqualTo(1);
        assertThat(row("3C1.B52").payload()).isNull();
        assertThat(row("3C1.B52").employeeId()).isEqualTo("40806");
        assertThat(row("3C1.NEW").payload()).contains("\"comeet_id\":\"3C1.NEW\"");
    }
}
