package com.comeet.hirebridge.signature;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.signature.ComeetSignature.Verdict;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The route step that lets only genuine Comeet requests past, shared by every Comeet route. A request is authentic
 * when at least one present header matches one of its forms, with any of the company's secrets:
 * {@code signature} over the exact bytes received or over {@code JSON.stringify(JSON.parse(body))}, and
 * {@code signature-2} over Comeet's key-sorted serialisation. Anything else is answered 401 and goes no further.
 */
@Component("signatureVerifier")
public class SignatureVerifier {

    static final String SIGNATURE = "signature";
    static final String SIGNATURE_2 = "signature-2";

    private static final Logger log = LoggerFactory.getLogger(SignatureVerifier.class);

    private static final List<String> REASONS = List.of("missing", "malformed", "mismatch");

    /** Per company: the rejection counter of each reason, and the disagreement counter of each header. */
    private final Map<String, Map<String, Counter>> rejections = new HashMap<>();
    private final Map<String, Map<String, Counter>> disagreements = new HashMap<>();

    /**
     * Every company's counters exist from start-up at zero, so an alert on their rate sees the first rejection
     * rather than a new series.
     */
    public SignatureVerifier(MeterRegistry meters, CompanyDirectory companies) {
        for (Company company : companies.all()) {
            Map<String, Counter> byReason = new HashMap<>();
            for (String reason : REASONS) {
                byReason.put(reason, Counter.builder("hirebridge.signature.rejections")
                        .description("Comeet requests refused with 401, by company and reason: no signature header "
                                + "(missing), not sha256 and 64 hex digits (malformed), or no secret matches (mismatch)")
                        .tag("company", company.name()).tag("reason", reason).register(meters));
            }
            rejections.put(company.name(), byReason);
            Map<String, Counter> byHeader = new HashMap<>();
            for (String header : List.of(SIGNATURE, SIGNATURE_2)) {
                byHeader.put(header, Counter.builder("hirebridge.signature.disagreements")
                        .description("Comeet requests accepted on one signature header while the other, present, "
                                + "did not match; the header label names the one that did not match")
                        .tag("company", company.name()).tag("header", header).register(meters));
            }
            disagreements.put(company.name(), byHeader);
        }
    }

    public void verify(Exchange exchange) {
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        byte[] body = exchange.getProperty(ComeetDoor.RAW_BODY, byte[].class);

        Outcome outcome = check(exchange.getMessage().getHeader(SIGNATURE, String.class),
                exchange.getMessage().getHeader(SIGNATURE_2, String.class), body, company.secrets());
        if (outcome.accepted()) {
            if (outcome.disagreeing() != null) {
                disagreements.get(company.name()).get(outcome.disagreeing()).increment();
                log.warn("Accepted a request whose {} header did not match while the other did: company={}",
                        outcome.disagreeing(), company.name());
            }
            return;
        }
        String reason = outcome.rejection().name().toLowerCase(Locale.ROOT);
        rejections.get(company.name()).get(reason).increment();
        log.warn("Rejected a request without a valid Comeet signature: company={} reason={} remote={}",
                company.name(), reason, exchange.getProperty(ComeetDoor.REMOTE_ADDRESS, "-", String.class));
        throw new ComeetRejection(401, "signature-" + reason,
                "This request is not signed with the company's Comeet Secret Key. "
                        + "Check that the Secret Key configured in the hire bridge is the one Comeet shows.");
    }

    /**
     * The verdict over both headers. The JavaScript forms are computed only when the raw bytes do not match, and
     * at most once each.
     */
    static Outcome check(String signature, String signature2, byte[] body, List<byte[]> secrets) {
        Supplier<byte[]> stringified = once(() -> JavaScriptJson.stringify(body));
        Verdict first = ComeetSignature.check(signature, body, secrets);
        if (first == Verdict.MISMATCH) {
            first = ComeetSignature.check(signature, stringified, secrets);
        }
        Verdict second = ComeetSignature.check(signature2, once(() -> JavaScriptJson.sorted(body)), secrets);

        if (first == Verdict.VALID || second == Verdict.VALID) {
            String disagreeing = first != Verdict.VALID && first != Verdict.MISSING ? SIGNATURE
                    : second != Verdict.VALID && second != Verdict.MISSING ? SIGNATURE_2 : null;
            return new Outcome(null, disagreeing);
        }
        if (first == Verdict.MISMATCH || second == Verdict.MISMATCH) {
            return new Outcome(Verdict.MISMATCH, null);
        }
        if (first == Verdict.MALFORMED || second == Verdict.MALFORMED) {
            return new Outcome(Verdict.MALFORMED, null);
        }
        return new Outcome(Verdict.MISSING, null);
    }

    /** A rejection verdict, or acceptance (null), and which header disagreed with an accepted request, if any. */
    record Outcome(Verdict rejection, String disagreeing) {

        boolean accepted() {
            return rejection == null;
        }
    }

    /** Computes a serialisation on first use; a body that is not JSON has no JavaScript form (null). */
    private static Supplier<byte[]> once(Supplier<byte[]> serialisation) {
        return new Supplier<>() {
            private boolean done;
            private byte[] value;

            @Override
            public byte[] get() {
                if (!done) {
                    done = true;
                    try {
                        value = serialisation.get();
                    } catch (IllegalArgumentException notJson) {
                        value = null;
                    }
                }
                return value;
            }
        };
    }
}
