package com.comeet.hirebridge.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.signature.JavaScriptJson;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The first steps of every Comeet webhook: which company the URL names, the exact bytes received (the signature
 * covers them), and the candidate they carry, decoded strictly as UTF-8 JSON.
 */
@Component("comeetDoor")
public class ComeetDoor {

    /** Exchange property holding the {@link Company}. */
    public static final String COMPANY = "hireCompany";
    /** Exchange property holding the target id, the key of the content-based router. */
    public static final String TARGET = "hireTarget";
    /** Exchange property holding the body bytes exactly as received. */
    public static final String RAW_BODY = "hireRawBody";
    /** Exchange property holding the caller's address, for the log of a refused request. */
    public static final String REMOTE_ADDRESS = "hireRemoteAddress";
    /** Exchange property holding the candidate payload as a JSON tree. */
    public static final String CANDIDATE = "hireCandidate";

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final CompanyDirectory companies;

    public ComeetDoor(CompanyDirectory companies) {
        this.companies = companies;
    }

    /** Finds the company named by the URL segment {@code {company}}. */
    public void identifyCompany(Exchange exchange) {
        PlatformHttpMessage request = exchange.getIn(PlatformHttpMessage.class);
        if (request != null && request.getRequest() != null) {
            exchange.setProperty(REMOTE_ADDRESS, request.getRequest().getRemoteAddr());
        }
        String name = exchange.getMessage().getHeader("company", String.class);
        Company company = companies.find(name).orElseThrow(() -> new ComeetRejection(404, "unknown-company",
                "This hire bridge has no company at this URL. Check the URL on Comeet's Integrations page."));
        exchange.setProperty(COMPANY, company);
        exchange.setProperty(TARGET, company.target().id());
    }

    /**
     * Takes the body as the bytes received; {@link ComeetRequestFilter} has already read them off the wire within
     * the size limit, before anything could decode them.
     */
    public void readBody(Exchange exchange) throws IOException {
        Object received = exchange.getMessage().getBody();
        byte[] body;
        if (received == null) {
            body = new byte[0];
        } else if (received instanceof byte[] bytes) {
            body = bytes;
        } else if (received instanceof InputStream in) {
            try (in) {
                body = in.readAllBytes();
            }
        } else {
            throw new IllegalStateException("the webhook body arrived as " + received.getClass().getName()
                    + ", not as bytes: the route must use platform-http with useStreaming=true");
        }
        exchange.setProperty(RAW_BODY, body);
        exchange.getMessage().setBody(body);
    }

    /** Decodes the verified bytes as strict UTF-8 JSON: the candidate payload, an object. */
    public void parseCandidate(Exchange exchange) {
        JsonNode candidate = candidate(exchange.getProperty(RAW_BODY, byte[].class));
        exchange.setProperty(CANDIDATE, candidate);
        exchange.getMessage().setBody(candidate);
    }

    /**
     * The candidate payload in {@code body}, decoded strictly as UTF-8 JSON; also used for a hire's stored payload,
     * so that an operator's retry reads it exactly as the webhook did.
     */
    public static JsonNode candidate(byte[] body) {
        if (body == null || body.length == 0) {
            throw emptyBody();
        }
        if (!JavaScriptJson.isUtf8(body)) {
            throw badRequest("invalid-utf8", "The hire's content is not valid UTF-8 text.");
        }
        if (JavaScriptJson.startsLikeAnotherEncoding(body)) {
            throw invalidJson();
        }
        JsonNode candidate;
        try {
            // Read from the bytes, as UTF-8: the checks above leave Jackson nothing to take for another encoding.
            candidate = STRICT_JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            // Jackson's default limit; Comeet's payloads are a few levels deep.
            throw badRequest("too-deep", "The hire's content is nested more than "
                    + String.format(Locale.ROOT, "%,d", StreamReadConstraints.DEFAULT_MAX_DEPTH) + " levels deep.");
        } catch (IOException | NumberFormatException e) {
            // NumberFormatException: a number literal beyond what any number type holds (1e3000000000).
            throw invalidJson();
        }
        if (candidate == null || candidate.isMissingNode()) {
            // Only JSON whitespace: no content, as an empty body.
            throw emptyBody();
        }
        if (!candidate.isObject()) {
            throw badRequest("not-an-object", "The hire's content is not a JSON object describing a candidate.");
        }
        return candidate;
    }

    private static ComeetRejection invalidJson() {
        return badRequest("invalid-json", "The hire's content is not valid JSON.");
    }

    private static ComeetRejection emptyBody() {
        return badRequest("empty-body", "The hire arrived without any content.");
    }

    private static ComeetRejection badRequest(String reason, String sentence) {
        return new ComeetRejection(400, reason, sentence + " Submit the hire again; if it keeps failing, contact IT.");
    }
}
