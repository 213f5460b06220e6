package com.comeet.hirebridge.inbound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every answer Comeet gets, as JSON, and the one log line per hire outcome. Errors carry a
 * {@code display_message} for the recruiter; the other keys are shown under "Technical details".
 */
@Component("comeetAnswers")
public class ComeetAnswers {

    /** Exchange property: the employee id the target HRIS gave the new employee. */
    public static final String EMPLOYEE_ID = "employeeId";
    /** Exchange property: the HTTP status the target HRIS answered with, for the outcome log line. */
    public static final String HRIS_STATUS = "hrisStatus";

    /** Exchange property: the HRIS's reference of a hire that waits for approval there (Workday's event). */
    public static final String EVENT_REFERENCE = "hrisEventReference";

    public static final String HRIS_UNREACHABLE = "The HRIS is not answering; try again in a few minutes.";
    public static final String HRIS_CREDENTIALS_REFUSED = "The HRIS refused our credentials; contact IT.";
    public static final String HRIS_UNEXPECTED_ANSWER = "The HRIS gave an answer the hire bridge does not expect, so "
            + "the employee was not created; contact IT (the HRIS address may be wrong).";
    public static final String UNEXPECTED = "The hire bridge failed unexpectedly. Try again in a few minutes; "
            + "if it keeps failing, contact IT.";

    /** The route of the questionnaire webhook, whose outcomes are not hires. */
    static final String QUESTIONNAIRE_ROUTE = "comeet-hire-questionnaire";

    private static final Logger log = LoggerFactory.getLogger(ComeetAnswers.class);

    private final ObjectMapper json;

    public ComeetAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * 200 with the new employee's id; or, for a hire the HRIS accepted but keeps for approval (a Workday business
     * process not yet completed), its event reference and status {@code pending_approval}.
     */
    public void employeeCreated(Exchange exchange) throws JsonProcessingException {
        Map<String, Object> answer = new LinkedHashMap<>();
        String employeeId = exchange.getProperty(EMPLOYEE_ID, String.class);
        String eventReference = exchange.getProperty(EVENT_REFERENCE, String.class);
        boolean pending = employeeId == null && eventReference != null;
        if (pending) {
            answer.put("event_reference", eventReference);
            answer.put("status", "pending_approval");
        } else {
            answer.put("employee_id", employeeId);
            answer.put("status", "created");
        }
        answer.put("target", target(exchange));
        boolean earlier = exchange.getProperty("hireAlreadyCreated", false, Boolean.class);
        logOutcome(exchange, (pending ? "pending-approval" : "created") + (earlier ? "-earlier" : ""), 200);
        write(exchange, 200, answer);
    }

    /** 200 with the questionnaire the body holds, already JSON. */
    public void questionnaire(Exchange exchange) {
        logOutcome(exchange, "answered", 200);
        write(exchange, 200, exchange.getMessage().getBody(byte[].class));
    }

    /** The answer for a {@link ComeetRejection} raised by any step. */
    public void rejected(Exchange exchange) throws JsonProcessingException {
        ComeetRejection rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ComeetRejection.class);
        if (rejection.status() != 401) {
            // An unsigned request is no hire: the verifier has logged it once already.
            logOutcome(exchange, rejection.reason(), rejection.status());
        }
        error(exchange, rejection.status(), rejection.displayMessage(), rejection.details());
    }

    /** 503 for an HRIS that could not be reached or did not answer in time. */
    public void hrisUnreachable(Exchange exchange) throws JsonProcessingException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        logOutcome(exchange, "hris-unreachable (" + cause.getClass().getSimpleName() + ")", 503);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", target(exchange));
        details.put("error", cause.getClass().getSimpleName());
        error(exchange, 503, HRIS_UNREACHABLE, details);
    }

    /** 500 for a fault of the bridge itself; the cause goes to the log, never to Comeet. */
    public void unexpected(Exchange exchange) throws JsonProcessingException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        log.error("Hire failed inside the bridge: company={} candidate={} target={} error={}", company(exchange),
                candidateId(exchange), target(exchange), cause.getClass().getName());
        error(exchange, 500, UNEXPECTED, Map.of());
    }

    private void error(Exchange exchange, int status, String displayMessage, Map<String, Object> details)
            throws JsonProcessingException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("display_message", displayMessage);
        answer.putAll(details);
        write(exchange, status, answer);
    }

    private void write(Exchange exchange, int status, Map<String, Object> answer) throws JsonProcessingException {
        write(exchange, status, json.writeValueAsBytes(answer));
    }

    private static void write(Exchange exchange, int status, byte[] answer) {
        // Only our own headers go back to Comeet.
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        // A small answer goes out whole, with its Content-Length, rather than chunked.
        exchange.getMessage().setHeader(Exchange.HTTP_CHUNKED, false);
        exchange.getMessage().setBody(answer);
    }

    private static void logOutcome(Exchange exchange, String result, int status) {
        long millis = System.currentTimeMillis() - exchange.getClock().getCreated();
        if (QUESTIONNAIRE_ROUTE.equals(exchange.getFromRouteId())) {
            // A questionnaire answered is a read that creates nothing, asked again whenever Comeet opens the form:
            // DEBUG, so that a busy bridge does not queue its answers behind the console. Refusals stay at INFO.
            List<?> asked = exchange.getProperty("questionnaireAsked", List.class);
            log.atLevel(status == 200 ? Level.DEBUG : Level.INFO).log("Questionnaire outcome: company={} "
                    + "candidate={} result={} status={} questions={} duration_ms={}", company(exchange),
                    candidateId(exchange), result, status, asked == null ? "-" : asked.size(), millis);
            return;
        }
        log.info("Hire outcome: company={} candidate={} target={} result={} status={} hris_status={} duration_ms={}",
                company(exchange), candidateId(exchange), target(exchange), result, status,
                exchange.getProperty(HRIS_STATUS, "-", Object.class), millis);
    }

    private static String company(Exchange exchange) {
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        return company == null ? "-" : company.name();
    }

    private static String target(Exchange exchange) {
        return exchange.getProperty(ComeetDoor.TARGET, "-", String.class);
    }

    /** The candidate id is opaque and not personal; it is cleaned of anything that could forge a log line. */
    private static String candidateId(Exchange exchange) {
        JsonNode candidate = exchange.getProperty(ComeetDoor.CANDIDATE, JsonNode.class);
        if (candidate == null) {
            return "-";
        }
        String id = candidate.path("comeet_id").asText(candidate.path("recruit_id").asText("-"));
        String clean = id.replaceAll("[^\\p{Alnum}._:-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
