package com.comeet.hirebridge.signature;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.comeet.hirebridge.signature.ComeetSignature.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comeet's {@code signature} header over the raw body: exact vectors, every accepted spelling, every malformed one.
 */
class ComeetSignatureTests {

    private static final byte[] BODY = "{\"comeet_id\":\"3C1.A07\",\"first_name\":\"נועה\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final List<byte[]> SECRETS = List.of("acme-secret-2026".getBytes(StandardCharsets.UTF_8));

    private static String digest(String secret, byte[] body) {
        return HexFormat.of().formatHex(ComeetSignature.hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    @Test
    void computesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(digest("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void acceptsTheSignatureComeetSends() {
        assertThat(ComeetSignature.check("sha256 " + digest("acme-secret-2026", BODY), BODY, SECRETS))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsUpperCaseHexAlgorithmNameAndSurroundingWhitespace() {
        String header = "  SHA256 \t " + digest("acme-secret-2026", BODY).toUpperCase(Locale.ROOT) + " ";

        assertThat(ComeetSignature.check(header, BODY, SECRETS)).isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsAnyOfSeveralSecretsWhileRotating() {
        List<byte[]> rotating = List.of("new-secret".getBytes(StandardCharsets.UTF_8),
                "acme-secret-2026".getBytes(StandardCharsets.UTF_8));

        assertThat(ComeetSignature.check("sha256 " + digest("acme-secret-2026", BODY), BODY, rotating))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void rejectsAnotherSecretAnAlteredBodyAndAnEmptyKey() {
        byte[] altered = new String(BODY, StandardCharsets.UTF_8).replace("A07", "A08")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ComeetSignature.check("sha256 " + digest("other-secret", BODY), BODY, SECRETS))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(ComeetSignature.check("sha256 " + digest("acme-secret-2026", BODY), altered, SECRETS))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(ComeetSignature.check("sha256 " + HexFormat.of().formatHex(ComeetSignature.hmac(new byte[1], BODY)),
                BODY, List.of(new byte[0]))).isEqualTo(Verdict.MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void reportsAMissingSignature(String header) {
        assertThat(ComeetSignature.check(header, BODY, SECRETS)).isEqualTo(Verdict.MISSING);
        assertThat(ComeetSignature.check(null, BODY, SECRETS)).isEqualTo(Verdict.MISSING);
    }

    @Test
    void reportsEveryOtherShapeAsMalformed() {
        String good = digest("acme-secret-2026", BODY);

        assertThat(ComeetSignature.check("sha1 " + good, BODY, SECRETS)).isEqualTo(Verdict.MALFORMED);
        assertThat(ComeetSignature.check("sha256 " + good.substring(1), BODY, SECRETS)).isEqualTo(Verdict.MALFORMED);
        assertThat(ComeetSignature.check("sha256 " + good + "0", BODY, SECRETS)).isEqualTo(Verdict.MALFORMED);
        assertThat(ComeetSignature.check("sha256 " + "g" + good.substring(1), BODY, SECRETS))
                .isEqualTo(Verdict.MALFORMED);
        assertThat(ComeetSignature.check(good, BODY, SECRETS)).isEqualTo(Verdict.MALFORMED);
        assertThat(ComeetSignature.check("sha256=" + good, BODY, SECRETS)).isEqualTo(Verdict.MALFORMED);
        assertThat(ComeetSignature.check("sha256 " + good + " extra", BODY, SECRETS)).isEqualTo(Verdict.MALFORMED);
    }
}
