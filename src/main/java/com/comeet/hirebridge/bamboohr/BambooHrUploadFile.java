package com.comeet.hirebridge.bamboohr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;

/**
 * Uploads one file to a BambooHR employee: {@code POST {base-url}/v1/employees/{id}/files}, multipart with
 * {@code fileName}, {@code category}, {@code share=no} and {@code file}, authenticated like the create.
 */
@Component
public class BambooHrUploadFile {

    private final HttpClient http;
    private final Duration timeout;

    public BambooHrUploadFile(@Value("${camel.component.http.connect-timeout:3000}") long connectMillis,
            @Value("${camel.component.http.response-timeout:10000}") long responseMillis) {
        this.timeout = Duration.ofMillis(responseMillis);
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(connectMillis))
                .build();
    }

    /**
     * BambooHR's answer: its HTTP status and, on 201, the new file's id (the last segment of {@code Location}).
     */
    public record Uploaded(int status, String fileId) {

        public boolean succeeded() {
            return status == 201;
        }
    }

    /** Sends the file; an unreachable BambooHR is the caller's {@link IOException}. */
    public Uploaded upload(Company.BambooHrAccount account, String employeeId, String fileName, String contentType,
            byte[] content) throws IOException, InterruptedException {
        // RFC 7578: the part headers carry a non-ASCII file name as UTF-8, and the media type has no charset.
        String boundary = "hirebridge-" + UUID.randomUUID();
        HttpEntity multipart = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.EXTENDED)
                .setBoundary(boundary)
                .addTextBody("fileName", fileName, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8))
                .addTextBody("category", Integer.toString(account.fileCategory()))
                .addTextBody("share", "no")
                .addBinaryBody("file", content, contentType(contentType), fileName)
                .build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        multipart.writeTo(body);

        HttpRequest request = HttpRequest.newBuilder(URI.create(account.employeeFilesUrl(employeeId)))
                .timeout(timeout)
                .header("Authorization", account.authorization())
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
        String location = answer.headers().firstValue("Location").orElse("");
        String path = location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String fileId = path.isEmpty() ? null : path.substring(path.lastIndexOf('/') + 1);
        return new Uploaded(answer.statusCode(), fileId == null || fileId.isEmpty() ? null : fileId);
    }

    private static ContentType contentType(String declared) {
        if (declared == null || declared.isBlank()) {
            return ContentType.APPLICATION_OCTET_STREAM;
        }
        try {
            return ContentType.parse(declared);
        } catch (RuntimeException unreadable) {
            return ContentType.APPLICATION_OCTET_STREAM;
        }
    }
}
