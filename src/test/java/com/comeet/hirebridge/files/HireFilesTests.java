package com.comeet.hirebridge.files;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;
import com.comeet.hirebridge.ledger.HireLedger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate's files, end to end on loopback: downloaded over HTTPS from a storage stand-in while the hire is
 * verified, kept in {@code hire_file}, uploaded to the BambooHR stand-in (which holds every request to the
 * contract) once the employee exists, and retried through the operator API.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
    "hirebridge.companies.acme.bamboohr.file-category=17",
    "hirebridge.files.allowed-hosts=localhost",
    "hirebridge.files.max-size=4KB",
    "hirebridge.files.timeout=5s",
    "hirebridge.admin.username=hr-ops",
    "hirebridge.admin.password=correct horse battery staple"
})
class HireFilesTests extends AcmeOnBambooHrStandIn {

    private static final FileStorageStandIn STORAGE = FileStorageStandIn.start();
    private static final String CREATED = "{\"employee_id\":\"40598\",\"status\":\"created\",\"target\":\"bamboohr\"}";
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "hr-ops:correct horse battery staple".getBytes(StandardCharsets.UTF_8));
    private static final String TOKEN = "token=s3cr3t-signature";
    private static final byte[] RESUME = bytes(1500, 7);
    private static final byte[] OFFER = bytes(900, 11);

    @Autowired
    ObjectMapper json;

    @Autowired
    HireLedger ledger;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hirebridge.files.trust-store", () -> STORAGE.trustStore().toString());
        registry.add("hirebridge.files.trust-store-password", () -> FileStorageStandIn.PASSWORD);
    }

    @AfterAll
    static void stopStorage() {
        STORAGE.close();
    }

    @BeforeEach
    void setUp() {
        STORAGE.reset();
        BAMBOOHR.createEmployeeAnswers(40598);
    }

    @Test
    void downloadsTheResumeAndOfferLetterAndUploadsBothToTheNewEmployee(CapturedOutput output) throws Exception {
        STORAGE.serves("/resumes/3C1.B52.pdf", "application/pdf", RESUME);
        // A same-host redirect, as storage behind a CDN may answer, is followed.
        STORAGE.redirects("/files/offer-3C1.B52.pdf", "/stored/offer-3C1.B52.pdf");
        STORAGE.serves("/stored/offer-3C1.B52.pdf", "application/pdf", OFFER);
        BAMBOOHR.uploadFileAnswers(7001);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire(STORAGE.url("/resumes/3C1.B52.pdf?" + TOKEN),
                STORAGE.url("/files/offer-3C1.B52.pdf?" + TOKEN)), SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(CREATED);
        List<LoggedRequest> uploads = BAMBOOHR.uploadFileRequests();
        assertThat(uploads).hasSize(2);
        assertUpload(uploads.get(0), "Avigail Mizrahi - CV.pdf", RESUME);
        assertUpload(uploads.get(1), "Offer letter.pdf", OFFER);
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        assertThat(rows()).containsExactly(
                "resume|0|Avigail Mizrahi - CV.pdf|application/pdf|1500|uploaded|null|7001|false",
                "offer_letter|0|Offer letter.pdf|application/pdf|900|uploaded|null|7001|false");
        assertThat(output.getAll()).doesNotContain("s3cr3t").doesNotContain("Avigail")
                .contains("Hire files: company=acme candidate=3C1.B52 downloaded=2 download_failed=0")
                .contains("Hire files: company=acme candidate=3C1.B52 uploaded=2 upload_failed=0");
    }

    @Test
    void anExpiredLinkIsRecordedAndTheHireIsStillCreated() throws Exception {
        STORAGE.answers("/resumes/3C1.B52.pdf", 403);
        STORAGE.serves("/files/offer-3C1.B52.pdf", "application/pdf", OFFER);
        BAMBOOHR.uploadFileAnswers(7002);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire(STORAGE.url("/resumes/3C1.B52.pdf?" + TOKEN),
                STORAGE.url("/files/offer-3C1.B52.pdf")), SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(CREATED);
        assertThat(rows()).containsExactly(
                "resume|0|Avigail Mizrahi - CV.pdf|null|null|download_failed|storage answered HTTP 403|null|false",
                "offer_letter|0|Offer letter.pdf|application/pdf|900|uploaded|null|7002|false");
        assertThat(BAMBOOHR.uploadFileRequests()).hasSize(1);
    }

    @Test
    void aHostOutsideTheAllowListIsNeverCalled() throws Exception {
        STORAGE.serves("/resumes/3C1.B52.pdf", "application/pdf", RESUME);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire(STORAGE.otherHostUrl("/resumes/3C1.B52.pdf"),
                "http://localhost:1/files/offer-3C1.B52.pdf"), SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(rows()).containsExactly(
                "resume|0|Avigail Mizrahi - CV.pdf|null|null|download_failed|host not allowed|null|false",
                "offer_letter|0|Offer letter.pdf|null|null|download_failed|not an https URL|null|false");
        assertThat(shownFiles()).isEqualTo("[" + downloadFailed("resume", "host not allowed", "Its link is on a "
                + "host missing from hirebridge.files.allowed-hosts; if that host is Comeet's storage, add it there "
                + "for the next hires.") + "," + downloadFailed("offer_letter", "not an https URL", "Its link is not "
                + "an https address; files are fetched over https only.") + "]");
        assertThat(STORAGE.requests()).isEmpty();
        assertThat(BAMBOOHR.uploadFileRequests()).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() throws Exception {
        STORAGE.redirects("/resumes/3C1.B52.pdf", STORAGE.otherHostUrl("/elsewhere/cv.pdf"));
        STORAGE.serves("/elsewhere/cv.pdf", "application/pdf", RESUME);
        STORAGE.answers("/files/offer-3C1.B52.pdf", 404);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire(STORAGE.url("/resumes/3C1.B52.pdf"),
                STORAGE.url("/files/offer-3C1.B52.pdf")), SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(rows()).containsExactly(
                "resume|0|Avigail Mizrahi - CV.pdf|null|null|download_failed|redirect to another host|null|false",
                "offer_letter|0|Offer letter.pdf|null|null|download_failed|storage answered HTTP 404|null|false");
        assertThat(shownFiles()).isEqualTo("[" + downloadFailed("resume", "redirect to another host", "Comeet's "
                + "storage redirected it to another host, which the bridge never follows.") + ","
                + downloadFailed("offer_letter", "storage answered HTTP 404", "Comeet's storage refused the link "
                + "(HTTP 4xx): it had expired or was not valid.") + "]");
        assertThat(STORAGE.requests()).extracting(Request::getUrl)
                .containsExactlyInAnyOrder("/resumes/3C1.B52.pdf", "/files/offer-3C1.B52.pdf");
    }

    @Test
    void aFileOverTheSizeCapIsNotKept() throws Exception {
        STORAGE.serves("/resumes/3C1.B52.pdf", "application/pdf", bytes(4097, 3));
        STORAGE.servesChunked("/files/offer-3C1.B52.pdf", bytes(6000, 5));

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire(STORAGE.url("/resumes/3C1.B52.pdf"),
                STORAGE.url("/files/offer-3C1.B52.pdf")), SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(CREATED);
        assertThat(rows()).containsExactly(
                "resume|0|Avigail Mizrahi - CV.pdf|null|null|download_failed|larger than max-size|null|false",
                "offer_letter|0|Offer letter.pdf|null|null|download_failed|larger than max-size|null|false");
        String tooLarge = "It is larger than hirebridge.files.max-size.";
        assertThat(shownFiles()).isEqualTo("[" + downloadFailed("resume", "larger than max-size", tooLarge) + ","
                + downloadFailed("offer_letter", "larger than max-size", tooLarge) + "]");
    }

    @Test
    void aFailedUploadLeavesTheHireCreatedAndTheOperatorRetriesIt() throws Exception {
        STORAGE.serves("/resumes/3C1.B52.pdf", "application/pdf", RESUME);
        STORAGE.answers("/files/offer-3C1.B52.pdf", 403);
        BAMBOOHR.uploadFileFails(500);

        HttpResponse<String> answer = comeet.post(WEBHOOK, hire(STORAGE.url("/resumes/3C1.B52.pdf"),
                STORAGE.url("/files/offer-3C1.B52.pdf")), SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(CREATED);
        assertThat(db.sql("SELECT status FROM hire").query(String.class).single()).isEqualTo("created");
        assertThat(rows()).containsExactly(
                "resume|0|Avigail Mizrahi - CV.pdf|application/pdf|1500|upload_failed|BambooHR answered HTTP 500"
                        + "|null|true",
                "offer_letter|0|Offer letter.pdf|null|null|download_failed|storage answered HTTP 403|null|false");

        BAMBOOHR.reset();
        BAMBOOHR.uploadFileAnswers(7003);
        HttpResponse<String> retried = retryFiles();

        assertThat(retried.statusCode()).isEqualTo(200);
        String files = "[{\"kind\":\"resume\",\"position\":0,\"status\":\"uploaded\","
                + "\"content_type\":\"application/pdf\",\"size_bytes\":1500,\"error\":null,\"hris_file_id\":\"7003\"},"
                + downloadFailed("offer_letter", "storage answered HTTP 403", "Comeet's storage refused the link "
                        + "(HTTP 4xx): it had expired or was not valid.") + "]";
        assertThat(retried.body()).isEqualTo("{\"files\":" + files + "}");
        assertThat(shownFiles()).isEqualTo(files);
        assertThat(BAMBOOHR.uploadFileRequests()).singleElement()
                .satisfies(upload -> assertUpload(upload, "Avigail Mizrahi - CV.pdf", RESUME));
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        assertThat(rows()).first().isEqualTo(
                "resume|0|Avigail Mizrahi - CV.pdf|application/pdf|1500|uploaded|null|7003|false");
    }

    /** The files as the operator's view of the hire shows them, which never names a file. */
    private String shownFiles() throws Exception {
        HttpResponse<String> shown = comeet.send(HttpRequest.newBuilder(
                        URI.create(comeet.url("/admin/hires/acme/3C1.B52")))
                .header("Authorization", ADMIN).GET());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain("Avigail").doesNotContain("Offer letter");
        return json.readTree(shown.body()).get("files").toString();
    }

    /** A file whose download failed, as the operator API shows it. */
    private static String downloadFailed(String kind, String error, String explanation) {
        return "{\"kind\":\"" + kind + "\",\"position\":0,\"status\":\"download_failed\",\"content_type\":null,"
                + "\"size_bytes\":null,\"error\":\"" + error + "\",\"hris_file_id\":null,\"display_message\":\"This "
                + "file was not downloaded. " + explanation + " Comeet's links expire minutes after the hire is sent, "
                + "so it cannot be downloaded again: add it in the HRIS by hand.\"}";
    }

    @Test
    void aFileEmptiedByTheRetentionIsNotUploadedAndSaysWhy() throws Exception {
        STORAGE.serves("/resumes/3C1.B52.pdf", "application/pdf", RESUME);
        STORAGE.answers("/files/offer-3C1.B52.pdf", 403);
        BAMBOOHR.uploadFileFails(500);
        comeet.post(WEBHOOK, hire(STORAGE.url("/resumes/3C1.B52.pdf"), STORAGE.url("/files/offer-3C1.B52.pdf")),
                SECRET);
        db.sql("UPDATE hire SET received_at = ?").param(Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)))
                .update();
        assertThat(ledger.purgeExpired()).isEqualTo(new HireLedger.Purged(1, 1));

        BAMBOOHR.reset();
        BAMBOOHR.uploadFileAnswers(7004);
        HttpResponse<String> retried = retryFiles();

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(BAMBOOHR.uploadFileRequests()).isEmpty();
        assertThat(rows()).containsExactly(
                "resume|0|Avigail Mizrahi - CV.pdf|application/pdf|1500|upload_failed|content purged after the "
                        + "retention period|null|false",
                "offer_letter|0|Offer letter.pdf|null|null|download_failed|storage answered HTTP 403|null|false");
    }

    /** The operator's retry of the files of hire 3C1.B52. */
    private HttpResponse<String> retryFiles() throws IOException, InterruptedException {
        return comeet.send(HttpRequest.newBuilder(
                        URI.create(comeet.url("/admin/hires/acme/3C1.B52/files/retry")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "hr-ops:correct horse battery staple".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The realistic hire with its résumé and offer letter at these URLs, and no picture. */
    private byte[] hire(String resumeUrl, String offerUrl) throws IOException {
        ObjectNode hire = (ObjectNode) json.readTree(
                Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire.json")));
        ((ObjectNode) hire.get("resume")).put("url", resumeUrl);
        ((ObjectNode) hire.get("files").get(0)).put("url", offerUrl);
        hire.remove("picture");
        return json.writeValueAsBytes(hire);
    }

    /** Each file row: kind|position|name|content type|size|status|error|HRIS file id|content kept. */
    private List<String> rows() {
        return db.sql("""
                SELECT kind, position, name, content_type, size_bytes, status, error, hris_file_id,
                       content IS NOT NULL AS kept
                FROM hire_file ORDER BY kind DESC, position""")
                .query((row, number) -> String.join("|", row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        Boolean.toString(row.getBoolean(9))))
                .list();
    }

    private static void assertUpload(LoggedRequest upload, String fileName, byte[] content) {
        assertThat(upload.getUrl()).isEqualTo("/api/gateway.php/acme/v1/employees/40598/files");
        assertThat(upload.getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("acme-bamboohr-key:x".getBytes(StandardCharsets.UTF_8)));
        assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        Map<String, Request.Part> parts = new HashMap<>();
        upload.getParts().forEach(part -> parts.put(part.getName(), part));
        assertThat(parts).containsOnlyKeys("fileName", "category", "share", "file");
        assertThat(parts.get("fileName").getBody().asString()).isEqualTo(fileName);
        assertThat(parts.get("category").getBody().asString()).isEqualTo("17");
        assertThat(parts.get("share").getBody().asString()).isEqualTo("no");
        assertThat(parts.get("file").getBody().asBytes()).isEqualTo(content);
        assertThat(parts.get("file").getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
    }

    /** Bytes that are not text, so that nothing on the way may decode them. */
    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * seed + 0x80);
        }
        return bytes;
    }
}
