package com.comeet.hirebridge.ledger;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.comeet.hirebridge.ComeetClient;
import com.comeet.hirebridge.HireBridgeApplication;
import com.comeet.hirebridge.bamboohr.BambooHrStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge killed (SIGKILL, no shutdown of any kind) after it sent BambooHR the create-employee request and before
 * the answer came: the restarted bridge, on the same database, must adopt the employee that request created rather
 * than create a second one. The bridge runs as a process of its own, so that the kill is a real one.
 */
class CrashRecoveryTests {

    private static final String SECRET = "acme-secret-2026";
    private static final String PATH = "/comeet/acme/create-employee";
    /** Longer than the retries' budget plus the response timeout given to the bridge, as start-up requires. */
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Duration START_UP = Duration.ofSeconds(120);
    private static final int EXIT_ON_SIGKILL = 128 + 9;

    private final BambooHrStandIn bamboohr = BambooHrStandIn.start();
    private final List<Process> bridges = new ArrayList<>();

    @TempDir
    Path data;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process bridge : bridges) {
            bridge.destroyForcibly();
            bridge.waitFor(30, TimeUnit.SECONDS);
        }
        bamboohr.close();
    }

    @Test
    void aHireWhoseBridgeWasKilledMidCreateIsAdoptedFromBambooHrNotCreatedTwice() throws Exception {
        byte[] hire = Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire.json"));
        // Slower than the kill: the bridge has sent the create and waits for the answer when it dies.
        bamboohr.createEmployeeDelays(10_000, 40711);

        int firstPort = freePort();
        Process first = startBridge(firstPort, "first");
        awaitReady(first, firstPort);
        Thread firstDelivery = new Thread(() -> postIgnoringTheLostAnswer(firstPort, hire));
        firstDelivery.start();
        await(Duration.ofSeconds(30), () -> bamboohr.createEmployeeRequests().size() == 1);
        Instant createSent = Instant.now();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        firstDelivery.join(Duration.ofSeconds(30).toMillis());

        // BambooHR did create employee 40711; a create sent now would make a second one, 40799.
        bamboohr.customReportLists(List.of(Map.of("id", "40711", "homeEmail", "avigail.mizrahi@example.org")));
        bamboohr.createEmployeeAnswers(40799);
        int secondPort = freePort();
        Process second = startBridge(secondPort, "second");
        awaitReady(second, secondPort);
        await(Duration.ofSeconds(30), () -> Instant.now().isAfter(createSent.plus(LEASE).plusMillis(500)));
        HttpResponse<String> answer = new ComeetClient(secondPort).post(PATH, hire, SECRET);
        second.destroy();
        boolean secondStopped = second.waitFor(60, TimeUnit.SECONDS);

        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(EXIT_ON_SIGKILL);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .isEqualTo("{\"employee_id\":\"40711\",\"status\":\"created\",\"target\":\"bamboohr\"}");
        assertThat(bamboohr.createEmployeeRequests()).hasSize(1);
        assertThat(bamboohr.customReportRequests()).hasSize(1);
        assertThat(bamboohr.contractViolations()).isEmpty();
        assertThat(secondStopped).isTrue();
        assertThat(ledgerRows()).containsExactly("acme 3C1.B52 created 40711 deliveries=2 lease=null");
    }

    private Process startBridge(int port, String name) throws IOException {
        Path log = Path.of("target", "crash-recovery", name + "-bridge.log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The project root is the working directory, as in production: application.yaml, routes/, mappings/.
        // C1 only: the bridge starts sooner, and this test measures no throughput.
        Process bridge = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                HireBridgeApplication.class.getName(),
                "--server.port=" + port,
                "--spring.profiles.active=test",
                "--test.bamboohr.base-url=" + bamboohr.baseUrl("acme"),
                "--spring.datasource.url=" + h2Url(),
                "--hirebridge.ledger.creation-lease=" + LEASE.toMillis() + "ms",
                "--hirebridge.retries.budget=500ms",
                // Longer than the kill takes: the bridge is still waiting for BambooHR's answer when it dies.
                "--camel.component.http.response-timeout=3000")
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        bridges.add(bridge);
        return bridge;
    }

    private String h2Url() {
        // As application.yaml's default, which writes each commit at once: the kill must not lose the ledger row.
        return "jdbc:h2:file:" + data.resolve("ledger").toAbsolutePath() + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0";
    }

    private List<String> ledgerRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(h2Url(), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT * FROM hire ORDER BY candidate_id")) {
            while (row.next()) {
                rows.add(row.getString("company") + " " + row.getString("candidate_id") + " "
                        + row.getString("status") + " " + row.getString("employee_id")
                        + " deliveries=" + row.getInt("deliveries") + " lease=" + row.getTimestamp("lease_until"));
            }
        }
        return rows;
    }

    private static void awaitReady(Process bridge, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        await(START_UP, () -> {
            assertThat(bridge.isAlive()).as("the bridge exited while starting; see target/crash-recovery").isTrue();
            try {
                return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** The killed bridge never answers this delivery; Comeet would see a dropped connection. */
    private static void postIgnoringTheLostAnswer(int port, byte[] hire) {
        try {
            new ComeetClient(port).post(PATH, hire, SECRET);
        } catch (IOException expected) {
            // The connection dies with the bridge.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", limit).isBefore(giveUp);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
