package com.comeet.hirebridge.signature;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks one Comeet signature header value, {@code sha256 <64 hex digits>}, against signed bytes and the company's
 * secrets. The digest is compared as decoded bytes with {@link MessageDigest#isEqual}, which takes the same time
 * wherever the first difference is.
 */
public final class ComeetSignature {

    /** The outcome of one check; anything but {@code VALID} is a rejection. */
    public enum Verdict { VALID, MISSING, MALFORMED, MISMATCH }

    private static final int DIGEST_HEX_DIGITS = 64;
    private static final String HMAC = "HmacSHA256";

    private ComeetSignature() {
    }

    public static Verdict check(String headerValue, byte[] signed, List<byte[]> secrets) {
        return check(headerValue, () -> signed, secrets);
    }

    /**
     * Checks against bytes computed only when the header is well-formed; null bytes (no such form of the payload)
     * never match.
     */
    public static Verdict check(String headerValue, Supplier<byte[]> signedForm, List<byte[]> secrets) {
        if (headerValue == null || headerValue.isBlank()) {
            return Verdict.MISSING;
        }
        byte[] claimed = digestOf(headerValue);
        if (claimed == null) {
            return Verdict.MALFORMED;
        }
        byte[] signed = signedForm.get();
        if (signed == null) {
            return Verdict.MISMATCH;
        }
        for (byte[] secret : secrets) {
            if (secret.length > 0 && MessageDigest.isEqual(hmac(secret, signed), claimed)) {
                return Verdict.VALID;
            }
        }
        return Verdict.MISMATCH;
    }

    /** The 32 digest bytes of {@code sha256 <hex>}, or null when the value has any other shape. */
    static byte[] digestOf(String headerValue) {
        String[] parts = headerValue.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("sha256")
                || parts[1].length() != DIGEST_HEX_DIGITS) {
            return null;
        }
        for (int i = 0; i < DIGEST_HEX_DIGITS; i++) {
            if (Character.digit(parts[1].charAt(i), 16) < 0) {
                return null;
            }
        }
        return HexFormat.of().parseHex(parts[1].toLowerCase(Locale.ROOT));
    }

    static byte[] hmac(byte[] secret, byte[] signed) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(signed);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 refused a key", e);
        }
    }

    /** One Mac per thread: looking the algorithm up costs more than a 5 KB HMAC. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    });
}
