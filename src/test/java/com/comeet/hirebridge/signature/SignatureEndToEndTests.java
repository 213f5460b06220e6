package com.comeet.hirebridge.signature;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;
import com.comeet.hirebridge.ComeetClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form Comeet signs in is accepted by the running service, and every forgery is refused with 401 before
 * anything reaches the HRIS. The body here is pretty-printed, so its raw bytes, its JSON.stringify form and its
 * key-sorted form all differ; the two JavaScript forms were produced by Node and kept beside the fixture.
 */
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class SignatureEndToEndTests extends AcmeOnBambooHrStandIn {

    private static final String REFUSED = "{\"display_message\":\"This request is not signed with the company's "
            + "Comeet Secret Key. Check that the Secret Key configured in the hire bridge is the one Comeet shows.\"}";

    private byte[] body;
    private byte[] stringified;
    private byte[] sorted;

    @BeforeEach
    void setUp() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40700);
        body = Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire-pretty.json"));
        stringified = Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire-pretty.stringified.json"));
        sorted = Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire-pretty.sorted.json"));
    }

    private static String hex(String secret, byte[] signed) {
        return hex(secret.getBytes(StandardCharsets.UTF_8), signed);
    }

    private static String hex(byte[] key, byte[] signed) {
        return ComeetClient.hmacHex(key, signed);
    }

    private HttpResponse<String> post(byte[] payload, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(comeet.url(WEBHOOK)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return comeet.send(request);
    }

    private static void assertCreated(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"employee_id\":\"40700\",\"status\":\"created\",\"target\":\"bamboohr\"}");
    }

    @Test
    void acceptsSignatureOverTheRawBytes() throws Exception {
        assertCreated(post(body, "signature", "sha256 " + hex(SECRET, body)));
    }

    @Test
    void acceptsSignatureOverTheJavaScriptStringifyForm() throws Exception {
        assertCreated(post(body, "Signature", "sha256 " + hex(SECRET, stringified)));
    }

    @Test
    void acceptsSignature2OverTheSortedFormAlone() throws Exception {
        assertCreated(post(body, "SIGNATURE-2", "  Sha256   " + hex(SECRET, sorted).toUpperCase(Locale.ROOT) + " "));
    }

    @Test
    void acceptsSignature2WithTheOlderSecretWhileRotating() throws Exception {
        assertCreated(post(body, "signature-2", "sha256 " + hex("acme-secret-2025", sorted)));
    }

    @Test
    void acceptsWhenOneHeaderMatchesAndCountsTheOtherOnce(CapturedOutput output) throws Exception {
        HttpResponse<String> answer = post(body, "signature", "sha256 " + hex("stale-secret", body),
                "signature-2", "sha256 " + hex(SECRET, sorted));

        assertCreated(answer);
        assertThat(prometheus()).contains("hirebridge_signature_disagreements_total{company=\"acme\","
                + "header=\"signature\"} 1.0");
        assertThat(output.getOut().lines().filter(line -> line.contains("header did not match"))).hasSize(1);
    }

    @Test
    void refusesEveryForgeryAndForwardsNothing() throws Exception {
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("2027-02-01", "2027-02-02")
                .getBytes(StandardCharsets.UTF_8);
        String good = hex(SECRET, body);
        List<HttpResponse<String>> answers = List.of(
                post(altered, "signature", "sha256 " + good),
                post(altered, "signature-2", "sha256 " + hex(SECRET, sorted)),
                post(body, "signature", "sha256 " + hex("not-the-secret", body)),
                // HMAC pads a short key with zeros, so one zero byte signs exactly as an empty key does.
                post(body, "signature", "sha256 " + hex(new byte[1], body)),
                post(body, "signature", "sha1 " + good.substring(0, 40)),
                post(body, "signature", "sha1 " + good),
                post(body, "signature", "sha256 " + good.substring(1)),
                post(body, "signature", "sha256 " + good + "a"),
                post(body, "signature", "sha256 " + "z" + good.substring(1)),
                post(body, "signature", "sha256 " + hex(SECRET, sorted)),
                post(body, "signature-2", "sha256 " + good),
                post(body, "signature", ""),
                post(body));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(REFUSED);
        });
        assertThat(BAMBOOHR.createEmployeeRequests()).isEmpty();
    }

    @Test
    void countsRejectionsByCompanyAndReasonAndLogsThemWithoutValues(CapturedOutput output) throws Exception {
        String before = prometheus();
        String forged = "sha256 " + hex("not-the-secret", body);

        post(body, "signature", forged);
        post(body, "signature", "sha256 abc");
        post(body);

        String after = prometheus();
        assertThat(after).doesNotContain(SECRET, "acme-secret-2025", "acme-bamboohr-key");
        for (String reason : List.of("mismatch", "malformed", "missing")) {
            assertThat(count(after, reason) - count(before, reason)).as(reason).isEqualTo(1.0);
        }
        List<String> warnings = output.getOut().lines().filter(line -> line.contains("without a valid Comeet")).toList();
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).endsWith("Rejected a request without a valid Comeet signature: company=acme "
                + "reason=mismatch remote=127.0.0.1");
        assertThat(output.getOut()).doesNotContain(forged.substring(7), "אביגיל", "avigail", SECRET);
    }

    private static double count(String prometheus, String reason) {
        String prefix = "hirebridge_signature_rejections_total{company=\"acme\",reason=\"" + reason + "\"} ";
        return prometheus.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()))).findFirst().orElse(0.0);
    }

    private String prometheus() throws Exception {
        HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url("/actuator/prometheus")))
                .GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
