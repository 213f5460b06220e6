package com.comeet.hirebridge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends webhooks to the running bridge the way Comeet does: POST, JSON body, {@code signature: sha256 <hex>}.
 * The HMAC is computed here with the JDK directly, independently of the bridge's own code.
 */
public final class ComeetClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ComeetClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** The {@code signature} header value Comeet sends for {@code body}. */
    public static String sign(String secret, byte[] body) {
        return "sha256 " + hmacHex(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    /** HMAC-SHA256 of {@code signed} keyed with {@code key}, as lower-case hex. */
    public static String hmacHex(byte[] key, byte[] signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POST {@code body} to {@code path}, signed with {@code secret}, plus extra header name/value pairs. */
    public HttpResponse<String> post(String path, byte[] body, String secret, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("signature", sign(secret, body));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public String url(String path) {
        return baseUrl + path;
    }
}
