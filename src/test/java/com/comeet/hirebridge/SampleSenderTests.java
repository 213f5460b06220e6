package com.comeet.hirebridge;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's path for a newcomer: the service on its embedded defaults (the demo company and the built-in
 * BambooHR sandbox), and {@code scripts/send-sample-hire.sh} creating an employee in that sandbox.
 */
class SampleSenderTests {

    private static ConfigurableApplicationContext bridge;
    private static int port;

    @BeforeAll
    static void startOnEmbeddedDefaults() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // The demo profile is the default one; only the port and a throw-away database differ from ./mvnw
        // spring-boot:run.
        bridge = new SpringApplicationBuilder(HireBridgeApplication.class)
                .run("--server.port=" + port, "--spring.datasource.url=jdbc:h2:mem:sample-sender;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    @Test
    void theSampleHireCreatesAnEmployeeInTheSandbox() throws Exception {
        Process sender = new ProcessBuilder("bash", "scripts/send-sample-hire.sh", "demo", "http://127.0.0.1:" + port)
                .redirectErrorStream(true)
                .start();
        assertThat(sender.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(sender.exitValue()).as(printed).isZero();
        String[] lines = printed.strip().split("\n");
        assertThat(lines[0]).isEqualTo("HTTP 200");
        JsonNode answer = new ObjectMapper().readTree(lines[1]);
        assertThat(answer.path("status").asText()).isEqualTo("created");
        assertThat(answer.path("target").asText()).isEqualTo("bamboohr");

        HttpResponse<String> sandbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sandbox/bamboohr/demo/v1/employees"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("demo-bamboohr-key:x".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode employees = new ObjectMapper().readTree(sandbox.body()).path("employees");
        assertThat(employees).hasSize(1);
        JsonNode employee = employees.get(0);
        assertThat(employee.path("id").asText()).isEqualTo(answer.path("employee_id").asText());
        assertThat(employee.path("firstName").asText()).isEqualTo("נועה");
        assertThat(employee.path("lastName").asText()).isEqualTo("Ben-David 🌟");
        assertThat(employee.path("hireDate").asText()).isEqualTo("2027-01-03");
        assertThat(employee.path("department").asText()).isEqualTo("Engineering");
    }

    @Test
    void theSampleHireIsAskedTheDemoQuestionnaireWithTheSandboxsActiveDepartments() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/send-sample-hire.sh", "demo",
                "http://127.0.0.1:" + port).redirectErrorStream(true);
        builder.environment().put("WEBHOOK", "hire-questionnaire");
        Process sender = builder.start();
        assertThat(sender.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(sender.exitValue()).as(printed).isZero();
        assertThat(printed.strip()).isEqualTo("HTTP 200\n{\"questions\":[{\"uid\":\"department\","
                + "\"type\":\"dropdown\",\"title\":\"Department in BambooHR\",\"required\":true,\"options\":["
                + "{\"uid\":\"18\",\"title\":\"Engineering\"},{\"uid\":\"19\",\"title\":\"Product\"},"
                + "{\"uid\":\"20\",\"title\":\"Design\"},{\"uid\":\"21\",\"title\":\"Customer Success\"}]},"
                + "{\"uid\":\"preferred_name\",\"type\":\"short_answer\",\"title\":\"Preferred first name\","
                + "\"required\":false,\"options\":[]},{\"uid\":\"laptop\",\"type\":\"dropdown\","
                + "\"title\":\"Laptop\",\"required\":false,\"options\":[{\"uid\":\"mac\",\"title\":"
                + "\"MacBook Pro\"},{\"uid\":\"linux\",\"title\":\"ThinkPad with Linux\"}]}]}");
    }

    @Test
    void theSandboxWantsTheApiKey() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sandbox/bamboohr/demo/v1/employees")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
