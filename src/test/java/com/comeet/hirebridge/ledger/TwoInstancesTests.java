package com.comeet.hirebridge.ledger;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.comeet.hirebridge.ComeetClient;
import com.comeet.hirebridge.HireBridgeApplication;
import com.comeet.hirebridge.bamboohr.BambooHrStandIn;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bridges behind one load balancer, sharing one PostgreSQL ledger, with Comeet delivering each hire several
 * times at once to both: each hire is created in BambooHR exactly once and every delivery answers its employee id.
 */
class TwoInstancesTests {

    private static final String SECRET = "acme-secret-2026";
    private static final String PATH = "/comeet/acme/create-employee";
    private static final int HIRES = 50;
    private static final int DELIVERIES_PER_HIRE = 4;
    private static final Duration RETRY_409_FOR = Duration.ofSeconds(30);

    private static final BambooHrStandIn BAMBOOHR = BambooHrStandIn.start();
    private static final List<ConfigurableApplicationContext> BRIDGES = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();
    private static PostgresDatabase database;

    @BeforeAll
    static void startTwoBridgesOnOneDatabase() throws IOException {
        database = PostgresDatabase.create();
        BAMBOOHR.createEmployeeCreatesEachTime();
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.profiles.active=test",
                    "--test.bamboohr.base-url=" + BAMBOOHR.baseUrl("acme")));
            args.addAll(List.of(database.datasourceArguments()));
            // Command-line arguments: the root application.yaml would win over SpringApplicationBuilder.properties.
            BRIDGES.add(new SpringApplicationBuilder(HireBridgeApplication.class).run(args.toArray(String[]::new)));
            PORTS.add(port);
        }
    }

    @AfterAll
    static void stop() {
        BRIDGES.forEach(ConfigurableApplicationContext::close);
        BAMBOOHR.close();
    }

    @Test
    void everyHireDeliveredFourTimesToTwoBridgesCreatesOneEmployee() throws Exception {
        String fixture = Files.readString(Path.of("src/test/resources/hires/realistic-hire.json"));
        List<byte[]> hires = new ArrayList<>();
        for (int hire = 0; hire < HIRES; hire++) {
            hires.add(hire(fixture, hire));
        }
        // Each hire's deliveries follow one another, alternating bridges: with 16 senders, about four hires are
        // delivered at once, each to both bridges.
        List<int[]> deliveries = new ArrayList<>();
        for (int hire = 0; hire < HIRES; hire++) {
            for (int copy = 0; copy < DELIVERIES_PER_HIRE; copy++) {
                deliveries.add(new int[] {hire, deliveries.size() % 2});
            }
        }
        Map<Integer, List<Integer>> statusesByHire = new ConcurrentHashMap<>();
        Map<Integer, List<String>> employeeIdsByHire = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<?>> sent = new ArrayList<>();
        for (int[] delivery : deliveries) {
            int hire = delivery[0];
            ComeetClient comeet = new ComeetClient(PORTS.get(delivery[1]));
            sent.add(senders.submit(() -> {
                List<Integer> statuses = statusesByHire.computeIfAbsent(hire, key -> new CopyOnWriteArrayList<>());
                String employeeId = deliverUntilAnswered(comeet, hires.get(hire), statuses);
                employeeIdsByHire.computeIfAbsent(hire, key -> new CopyOnWriteArrayList<>()).add(employeeId);
                return null;
            }));
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<?> done : sent) {
            done.get();
        }

        Set<Integer> statuses = statusesByHire.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        assertThat(statuses).isSubsetOf(200, 409);
        assertThat(employeeIdsByHire).hasSize(HIRES);
        Map<String, String> employeeIdByCandidate = new HashMap<>();
        employeeIdsByHire.forEach((hire, ids) -> {
            assertThat(ids).as("hire %d", hire).hasSize(DELIVERIES_PER_HIRE);
            assertThat(new HashSet<>(ids)).as("hire %d", hire).hasSize(1);
            employeeIdByCandidate.put(candidateId(hire), ids.get(0));
        });
        assertThat(new HashSet<>(employeeIdByCandidate.values())).hasSize(HIRES);
        assertThat(BAMBOOHR.createEmployeeRequests()).hasSize(HIRES);
        assertThat(BAMBOOHR.customReportRequests()).isEmpty();
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        JdbcClient ledger = JdbcClient.create(database.dataSource());
        Map<String, String> createdInLedger = ledger.sql("SELECT candidate_id, employee_id FROM hire "
                        + "WHERE status = 'created'")
                .query((row, number) -> Map.entry(row.getString(1), row.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(createdInLedger).isEqualTo(employeeIdByCandidate);
        assertThat(ledger.sql("SELECT COUNT(*) FROM hire").query(Integer.class).single()).isEqualTo(HIRES);
        assertThat(ledger.sql("SELECT SUM(deliveries) FROM hire").query(Integer.class).single())
                .isEqualTo(HIRES * DELIVERIES_PER_HIRE);
    }

    /** Sends the hire, again after each 409 (another delivery holds it), and returns the employee id answered. */
    private static String deliverUntilAnswered(ComeetClient comeet, byte[] hire, List<Integer> statuses)
            throws Exception {
        Instant giveUp = Instant.now().plus(RETRY_409_FOR);
        while (true) {
            HttpResponse<String> answer = comeet.post(PATH, hire, SECRET);
            statuses.add(answer.statusCode());
            if (answer.statusCode() != 409 || Instant.now().isAfter(giveUp)) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                return new ObjectMapper().readTree(answer.body()).path("employee_id").asText();
            }
            Thread.sleep(200);
        }
    }

    /** The realistic hire as another candidate: its own Comeet id, person and e-mail. */
    private static byte[] hire(String fixture, int hire) {
        String json = fixture
                .replace("\"comeet_id\":\"3C1.B52\"", "\"comeet_id\":\"" + candidateId(hire) + "\"")
                .replace("\"person_uid\":\"9A.7731\"", "\"person_uid\":\"9A.7731-" + hire + "\"")
                .replace("avigail.mizrahi@example.org", "avigail.mizrahi+" + hire + "@example.org");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String candidateId(int hire) {
        return "3C1.B52-" + hire;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
