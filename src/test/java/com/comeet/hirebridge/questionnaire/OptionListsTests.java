package com.comeet.hirebridge.questionnaire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import com.comeet.hirebridge.bamboohr.BambooHrListFields;
import com.comeet.hirebridge.bamboohr.BambooHrStandIn;
import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.company.HireBridgeProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option lists' life: read from the BambooHR stand-in at start-up, read again by the background task at the
 * configured period, and kept as last read when BambooHR fails. The scheduler records the task instead of waiting
 * for its time, so that each background read is run by the test when it chooses.
 */
@ExtendWith(OutputCaptureExtension.class)
class OptionListsTests {

    private static final String ENGINEERING_AND_PRODUCT = """
            [{"fieldId":"4","name":"Department","alias":"department","options":[
              {"id":18,"archived":"no","name":"Engineering"},{"id":19,"archived":"no","name":"Product"}]}]""";
    private static final String PRODUCT_ARCHIVED_DESIGN_ADDED = """
            [{"fieldId":"4","name":"Department","alias":"department","options":[
              {"id":18,"archived":"no","name":"Engineering"},{"id":19,"archived":"yes","name":"Product"},
              {"id":23,"archived":"no","name":"Design"}]}]""";

    private static BambooHrStandIn bamboohr;

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private CompanyDirectory companies;

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

    /** Keeps each fixed-delay task it is given, to be run by the test. */
    private static final class RecordingScheduler extends ThreadPoolTaskScheduler {

        private final List<Runnable> tasks = new ArrayList<>();
        private final List<Instant> firstRuns = new ArrayList<>();
        private final List<Duration> delays = new ArrayList<>();

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
            tasks.add(task);
            firstRuns.add(startTime);
            delays.add(delay);
            return null;
        }
    }

    private OptionLists optionLists(String questionnaireSettings) {
        return optionLists(bamboohr.baseUrl("acme"), questionnaireSettings, 5000);
    }

    private OptionLists optionLists(String baseUrl, String questionnaireSettings, long responseTimeoutMillis) {
        HireBridgeProperties properties = OperatorYaml.acme(baseUrl,
                "- { uid: department, type: dropdown, title: Department, options-from: department }",
                questionnaireSettings);
        companies = new CompanyDirectory(properties);
        return new OptionLists(companies, new QuestionnaireDirectory(properties, companies),
                new BambooHrListFields(new ObjectMapper(), 2000, responseTimeoutMillis), scheduler,
                properties);
    }

    private Company acme() {
        return companies.find("acme").orElseThrow();
    }

    @Test
    void readsTheListsAtStartUpAndAgainEveryTenMinutesInTheBackground() throws Exception {
        bamboohr.listFieldsAnswer("acme", ENGINEERING_AND_PRODUCT);
        OptionLists lists = optionLists("");
        Instant before = Instant.now();

        lists.run(null);

        assertThat(lists.options(acme(), "department")).containsExactly(new QuestionOption("18", "Engineering"),
                new QuestionOption("19", "Product"));
        assertThat(scheduler.delays).containsExactly(Duration.ofMinutes(10));
        assertThat(scheduler.firstRuns.get(0)).isBetween(before.plus(Duration.ofMinutes(10)),
                Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(bamboohr.listFieldsRequests()).hasSize(1);

        bamboohr.listFieldsAnswer("acme", PRODUCT_ARCHIVED_DESIGN_ADDED);
        scheduler.tasks.get(0).run();

        assertThat(lists.options(acme(), "department")).containsExactly(new QuestionOption("18", "Engineering"),
                new QuestionOption("23", "Design"));
        assertThat(bamboohr.listFieldsRequests()).hasSize(2);
        assertThat(bamboohr.contractViolations()).isEmpty();
    }

    @Test
    void theRefreshPeriodIsConfigurable() throws Exception {
        bamboohr.listFieldsAnswer("acme", ENGINEERING_AND_PRODUCT);

        optionLists("  questionnaire:\n    options-refresh: 45s\n").run(null);

        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(45));
    }

    @Test
    void aBambooHrDownAtStartUpLeavesTheListUnreadUntilABackgroundReadSucceeds(CapturedOutput output)
            throws Exception {
        bamboohr.listFieldsFail("acme", 503);
        OptionLists lists = optionLists("");

        lists.run(null);

        assertThat(lists.options(acme(), "department")).isNull();
        assertThat(output.getOut()).containsPattern("WARN .* Could not read the questionnaire's option lists: "
                + "company=acme target=bamboohr error=BambooHR answered 503 duration_ms=\\d+; they have never been "
                + "read, so their questions have no options");

        bamboohr.listFieldsAnswer("acme", ENGINEERING_AND_PRODUCT);
        scheduler.tasks.get(0).run();

        assertThat(lists.options(acme(), "department")).containsExactly(new QuestionOption("18", "Engineering"),
                new QuestionOption("19", "Product"));
    }

    @Test
    void aBambooHrDownLaterKeepsTheListsReadBefore() throws Exception {
        bamboohr.listFieldsAnswer("acme", ENGINEERING_AND_PRODUCT);
        OptionLists lists = optionLists("");
        lists.run(null);

        bamboohr.listFieldsDropConnection("acme");
        scheduler.tasks.get(0).run();
        bamboohr.listFieldsAnswer("acme", "[]");
        scheduler.tasks.get(0).run();

        assertThat(lists.options(acme(), "department")).containsExactly(new QuestionOption("18", "Engineering"),
                new QuestionOption("19", "Product"));
        assertThat(bamboohr.listFieldsRequests()).hasSize(3);
    }

    @Test
    void aBambooHrThatStallsInTheMiddleOfItsAnswerIsGivenUpAfterTheResponseTimeout(CapturedOutput output)
            throws Exception {
        // Headers and the start of the body at once, then nothing: the wait for the headers is over, the answer not.
        try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket client = stalling.accept()) {
                    client.getInputStream().read(new byte[8192]);
                    client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 500\r\n\r\n[{\"fieldId\":").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    Thread.sleep(20_000);
                } catch (IOException | InterruptedException closed) {
                    // the test is over
                }
            });
            server.setDaemon(true);
            server.start();
            OptionLists lists = optionLists("http://127.0.0.1:" + stalling.getLocalPort() + "/api/gateway.php/acme",
                    "", 500);

            lists.run(null);

            assertThat(lists.options(acme(), "department")).isNull();
            assertThat(output.getOut()).contains("Could not read the questionnaire's option lists: company=acme "
                    + "target=bamboohr error=TimeoutException");
            server.interrupt();
        }
    }
}
