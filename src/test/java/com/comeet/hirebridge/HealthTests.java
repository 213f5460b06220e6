package com.comeet.hirebridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness and readiness probes, with Camel's own state in both, and no internals exposed.
 */
@HireBridgeTest
@TestPropertySource(properties = "test.bamboohr.base-url=http://127.0.0.1:9/api/gateway.php/acme")
class HealthTests {

    @LocalServerPort
    int port;

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    @Test
    void livenessIncludesCamel() throws Exception {
        JsonNode liveness = get("/actuator/health/liveness");

        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(liveness.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("livenessState", "camelLivenessState");
    }

    @Test
    void readinessIncludesCamelRoutesAndTheDatabase() throws Exception {
        JsonNode readiness = get("/actuator/health/readiness");

        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "camelReadinessState", "camelHealth", "db");
        assertThat(readiness.path("components").path("camelHealth").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("camelHealth").has("details")).isFalse();
    }

    @Test
    void exposesNoEndpointThatCouldShowConfigurationOrSecrets() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/configprops", "/actuator/beans",
                "/actuator/heapdump", "/actuator/info"}) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("acme-secret");
        }
    }
}
