package com.comeet.hirebridge.signature;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.signature.ComeetSignature.Verdict;

/**
 * The route step that lets only signed requests past: checks the {@code signature} header over the exact bytes
 * received, with every secret of the company, and answers 401 otherwise. Shared by every Comeet route.
 */
@Component("signatureVerifier")
public class SignatureVerifier {

    private static final Logger log = LoggerFactory.getLogger(SignatureVerifier.class);

    public void verify(Exchange exchange) {
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        byte[] body = exchange.getProperty(ComeetDoor.RAW_BODY, byte[].class);
        String header = exchange.getMessage().getHeader("signature", String.class);

        Verdict verdict = ComeetSignature.check(header, body, company.secrets());
        if (verdict != Verdict.VALID) {
            String reason = verdict.name().toLowerCase(Locale.ROOT);
            log.warn("Rejected an unsigned or wrongly signed request: company={} reason={}", company.name(), reason);
            throw new ComeetRejection(401, "signature-" + reason,
                    "This request is not signed with the company's Comeet Secret Key. "
                            + "Check that the Secret Key configured in the hire bridge is the one Comeet shows.");
        }
    }
}
