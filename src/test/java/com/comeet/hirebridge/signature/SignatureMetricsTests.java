package com.comeet.hirebridge.signature;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature counters of every configured company exist from start-up at zero, described, so that an alert on
 * their rate sees the first rejection. A context of its own (company globex added), so nothing has counted yet.
 */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
    "hirebridge.companies.globex.secrets[0]=globex-secret",
    "hirebridge.companies.globex.target=bamboohr",
    "hirebridge.companies.globex.bamboohr.base-url=http://127.0.0.1:9/api/gateway.php/globex",
    "hirebridge.companies.globex.bamboohr.api-key=globex-key"
})
class SignatureMetricsTests extends AcmeOnBambooHrStandIn {

    @Test
    void everyCompanyHasItsCountersAtZeroFromStartUpThenCountsARejection() throws Exception {
        List<String> before = signatureLines();

        assertThat(before).containsExactlyInAnyOrder(
                "# HELP hirebridge_signature_disagreements_total Comeet requests accepted on one signature header while"
                        + " the other, present, did not match; the header label names the one that did not match",
                "# TYPE hirebridge_signature_disagreements_total counter",
                "hirebridge_signature_disagreements_total{company=\"acme\",header=\"signature\"} 0.0",
                "hirebridge_signature_disagreements_total{company=\"acme\",header=\"signature-2\"} 0.0",
                "hirebridge_signature_disagreements_total{company=\"globex\",header=\"signature\"} 0.0",
                "hirebridge_signature_disagreements_total{company=\"globex\",header=\"signature-2\"} 0.0",
                "# HELP hirebridge_signature_rejections_total Comeet requests refused with 401, by company and reason:"
                        + " no signature header (missing), not sha256 and 64 hex digits (malformed), or no secret "
                        + "matches (mismatch)",
                "# TYPE hirebridge_signature_rejections_total counter",
                "hirebridge_signature_rejections_total{company=\"acme\",reason=\"malformed\"} 0.0",
                "hirebridge_signature_rejections_total{company=\"acme\",reason=\"mismatch\"} 0.0",
                "hirebridge_signature_rejections_total{company=\"acme\",reason=\"missing\"} 0.0",
                "hirebridge_signature_rejections_total{company=\"globex\",reason=\"malformed\"} 0.0",
                "hirebridge_signature_rejections_total{company=\"globex\",reason=\"mismatch\"} 0.0",
                "hirebridge_signature_rejections_total{company=\"globex\",reason=\"missing\"} 0.0");

        HttpResponse<String> refused = comeet.post("/comeet/globex/create-employee", "{}".getBytes(), "wrong-secret");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(signatureLines())
                .contains("hirebridge_signature_rejections_total{company=\"globex\",reason=\"mismatch\"} 1.0",
                        "hirebridge_signature_rejections_total{company=\"acme\",reason=\"mismatch\"} 0.0");
    }

    private List<String> signatureLines() throws Exception {
        HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url("/actuator/prometheus")))
                .GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body().lines().filter(line -> line.contains("hirebridge_signature_")).toList();
    }
}
