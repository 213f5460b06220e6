package com.comeet.hirebridge.inbound;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.comeet.hirebridge.ComeetClient;
import com.comeet.hirebridge.HireBridgeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What comes through the door before any HRIS is involved: the signature is checked over the bytes as received
 * whatever the content type claims, then the body must be UTF-8 JSON describing a candidate. Every refusal is
 * JSON with a display_message; the HRIS (here an address nothing listens on) is never called.
 */
@HireBridgeTest
@TestPropertySource(properties = "test.bamboohr.base-url=http://127.0.0.1:9/api/gateway.php/acme")
class ComeetDoorTests {

    private static final String PATH = "/comeet/acme/create-employee";
    private static final String SECRET = "acme-secret-2026";
    private static final String WEBHOOK_METHOD_REFUSED = "{\"display_message\":\"This address does not accept this "
            + "method; Comeet's webhooks accept only POST.\"}";
    private static final String NOTHING_HERE = "{\"display_message\":\"Nothing is served at this address. "
            + "Comeet's webhooks are POST /comeet/{company}/create-employee and "
            + "POST /comeet/{company}/hire-questionnaire.\"}";

    @LocalServerPort
    int port;

    private ComeetClient comeet;

    @BeforeEach
    void setUp() {
        comeet = new ComeetClient(port);
    }

    private HttpResponse<String> signedAs(String contentType, byte[] body) throws Exception {
        return comeet.send(HttpRequest.newBuilder(URI.create(comeet.url(PATH)))
                .header("Content-Type", contentType)
                .header("signature", ComeetClient.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void aFormContentTypeDoesNotAlterTheSignedBytes() throws Exception {
        byte[] body = "first_name=Noa&last_name=Levi".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> answer = signedAs("application/x-www-form-urlencoded", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire's content is not valid JSON. Submit the "
                + "hire again; if it keeps failing, contact IT.\"}");
    }

    @Test
    void aWrongCharsetDoesNotReDecodeTheSignedBytes() throws Exception {
        byte[] body = "[\"נועה\"]".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = signedAs("text/plain; charset=ISO-8859-1", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire's content is not a JSON object describing "
                + "a candidate. Submit the hire again; if it keeps failing, contact IT.\"}");
    }

    @Test
    void invalidUtf8AfterAValidSignatureIsABadRequest() throws Exception {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        HttpResponse<String> answer = signedAs("application/json", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire's content is not valid UTF-8 text. Submit "
                + "the hire again; if it keeps failing, contact IT.\"}");
    }

    @Test
    void anEmptyBodyAfterAValidSignatureIsABadRequest() throws Exception {
        HttpResponse<String> answer = signedAs("application/json", new byte[0]);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire arrived without any content. Submit the "
                + "hire again; if it keeps failing, contact IT.\"}");
    }

    @Test
    void aWhitespaceOnlyBodyAfterAValidSignatureArrivedWithoutContent() throws Exception {
        HttpResponse<String> answer = signedAs("application/json", " \r\n\t ".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire arrived without any content. Submit the "
                + "hire again; if it keeps failing, contact IT.\"}");
    }

    @Test
    void aBodyNestedDeeperThanJacksonReadsIsSaidToBeSo() throws Exception {
        byte[] body = ("{\"comeet_id\":\"3C1.B52\",\"offer_fields\":" + "[".repeat(1001) + "]".repeat(1001) + "}")
                .getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> answer = signedAs("application/json", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire's content is nested more than 1,000 "
                + "levels deep. Submit the hire again; if it keeps failing, contact IT.\"}");
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];

        HttpResponse<String> answer = signedAs("application/json", body);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire is larger than this bridge accepts. "
                + "Contact IT.\"}");
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url(PATH))).GET());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo(WEBHOOK_METHOD_REFUSED);
    }

    @Test
    void everyOtherMethodAtEitherWebhookIsRefusedWithAllowPost() throws Exception {
        for (String path : List.of(PATH, "/comeet/acme/hire-questionnaire", "/comeet/nobody/create-employee")) {
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
                HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url(path)))
                        .method(method, HttpRequest.BodyPublishers.noBody()));

                String request = method + " " + path;
                assertThat(answer.statusCode()).as(request).isEqualTo(405);
                assertThat(answer.headers().allValues("Allow")).as(request).containsExactly("POST");
                assertThat(answer.headers().firstValue("Content-Type")).as(request).hasValue("application/json");
                assertThat(answer.body()).as(request).isEqualTo(WEBHOOK_METHOD_REFUSED);
            }
        }
    }

    @Test
    void headAtAWebhookIsRefusedWithTheHeadersOfTheJsonAnswer() throws Exception {
        HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url(PATH)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().allValues("Allow")).containsExactly("POST");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void traceIsRefusedInJsonOnEveryPathAndNeverEchoed() throws Exception {
        for (String path : List.of("/", "/actuator/health", "/error")) {
            HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url(path)))
                    .header("Authorization", "Basic c2VjcmV0OnNlY3JldA==")
                    .method("TRACE", HttpRequest.BodyPublishers.noBody()));

            assertThat(answer.statusCode()).as(path).isEqualTo(405);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(answer.body()).as(path).isEqualTo("{\"display_message\":\"This address does not accept "
                    + "this method.\"}");
        }
    }

    @Test
    void anotherPathNamesNoWebhookMethod() throws Exception {
        HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url("/actuator/health")))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().allValues("Allow")).containsExactly("GET");
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"This address does not accept this method.\"}");
    }

    @Test
    void anyOtherPathAnswersJsonNotAnHtmlPage() throws Exception {
        HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url("/index.html")))
                .header("Accept", "text/html").GET());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo(NOTHING_HERE);
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
        for (String method : List.of("GET", "POST", "PUT")) {
            for (String path : List.of("/error", "/error?status=404", "/error?status=500")) {
                HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url(path)))
                        .method(method, HttpRequest.BodyPublishers.noBody()));

                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(answer.body()).as(method + " " + path).isEqualTo(NOTHING_HERE);
            }
        }
    }

    @Test
    void aPathWithDotSegmentsNeverReachesARoute() throws Exception {
        for (String path : List.of("/comeet/../create-employee", "/comeet/%2E%2e/create-employee",
                "/comeet/acme/./create-employee", "/comeet/acme;v=1/create-employee")) {
            byte[] body = "first_name=Noa".getBytes(StandardCharsets.US_ASCII);
            HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).isEqualTo("{\"display_message\":\"This address is not valid: it may not "
                    + "contain '.' or '..' segments or ';' parameters.\"}");
        }
    }

    @Test
    void aUrlTomcatRefusesIsAnsweredInJson() throws Exception {
        // A malformed escape: Java's HTTP client refuses to send it, so it goes out over a plain socket.
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /comeet/ac%zzme/create-employee HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).contains("\r\nContent-Type: application/json;charset=UTF-8\r\n");
        assertThat(answer).endsWith("\r\n\r\n{\"display_message\":\"The request could not be understood: Bad "
                + "Request.\"}");
    }

    @Test
    void anEncodedSlashInTheCompanyNamesNoCompany() throws Exception {
        HttpResponse<String> answer = comeet.send(HttpRequest.newBuilder(
                URI.create(comeet.url("/comeet/ac%2Fme/create-employee"))).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"This hire bridge has no company at this URL. "
                + "Check the URL on Comeet's Integrations page.\"}");
    }

    @Test
    void aByteOrderMarkOrJsonInUtf16IsNotJsonAsJavaScriptReadsIt() throws Exception {
        byte[] json = "{\"comeet_id\":\"3C1.B52\",\"first_name\":\"Noa\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[json.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withMark, 3, json.length);
        // Valid UTF-8 too (ASCII and zero bytes), which Jackson given bytes would read as UTF-16.
        byte[] utf16 = new String(json, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);

        for (byte[] body : List.of(withMark, utf16)) {
            HttpResponse<String> answer = signedAs("application/json", body);

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire's content is not valid JSON. Submit "
                    + "the hire again; if it keeps failing, contact IT.\"}");
        }
    }

    @Test
    void aNumberBeyondAnyNumberTypeIsABadRequest() throws Exception {
        byte[] body = "{\"first_name\":\"A\",\"middle_name\":1e3000000000}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = signedAs("application/json", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire's content is not valid JSON. Submit the "
                + "hire again; if it keeps failing, contact IT.\"}");
    }
}
