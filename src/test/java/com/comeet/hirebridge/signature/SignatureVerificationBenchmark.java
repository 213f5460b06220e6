package com.comeet.hirebridge.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Verification of a signed hire as the bridge does it, on a realistic 5 KB and 100 KB hire: {@code signature} over
 * the raw bytes, and {@code signature-2} alone, which needs the key-sorted JavaScript serialisation. Run with
 * {@code bench/signature-jmh.sh}; results are in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureVerificationBenchmark {

    private static final String SECRET = "acme-secret-2026";

    @Param({"5", "100"})
    int kilobytes;

    private byte[] body;
    private String raw;
    private String sorted;
    private List<byte[]> secrets;

    @Setup
    public void setUp() throws IOException {
        body = hireOfAbout(kilobytes * 1024);
        secrets = List.of("acme-secret-2025".getBytes(StandardCharsets.UTF_8),
                SECRET.getBytes(StandardCharsets.UTF_8));
        raw = "sha256 " + hmac(body);
        sorted = "sha256 " + hmac(JavaScriptJson.sorted(body));
        if (!SignatureVerifier.check(raw, null, body, secrets).accepted()
                || !SignatureVerifier.check(null, sorted, body, secrets).accepted()) {
            throw new IllegalStateException("the benchmark's signatures do not verify");
        }
    }

    @Benchmark
    public SignatureVerifier.Outcome rawBody() {
        return SignatureVerifier.check(raw, null, body, secrets);
    }

    @Benchmark
    public SignatureVerifier.Outcome sortedForm() {
        return SignatureVerifier.check(null, sorted, body, secrets);
    }

    /** The realistic test hire, grown with the kind of content real hires carry: HTML descriptions, custom fields. */
    public static byte[] hireOfAbout(int bytes) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode hire = (ObjectNode) json.readTree(Files.readAllBytes(
                Path.of("src/test/resources/hires/realistic-hire.json")));
        ObjectNode position = (ObjectNode) hire.get("position");
        ObjectNode customFields = (ObjectNode) position.get("custom_fields");
        ArrayNode offerFields = (ArrayNode) hire.get("offer_fields");
        StringBuilder description = new StringBuilder();
        for (int i = 0; json.writeValueAsBytes(hire).length < bytes; i++) {
            description.append("<p>Paragraph ").append(i).append(": design the growth funnel with the data team, ")
                    .append("report weekly, ship accessible components – ").append("מעצב מוצר בכיר").append("</p>");
            position.put("description", description.toString());
            if (i % 3 == 0) {
                customFields.put("Custom field " + i, 1000 + i * 0.25);
            } else {
                customFields.put("Custom field " + i, "Value " + i);
            }
            offerFields.addObject().put("Offer term " + i, String.valueOf(i));
        }
        return json.writeValueAsBytes(hire);
    }

    private static String hmac(byte[] signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
