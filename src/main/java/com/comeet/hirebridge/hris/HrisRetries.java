package com.comeet.hirebridge.hris;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyConfigurationException;
import com.comeet.hirebridge.company.HireBridgeProperties;
import com.comeet.hirebridge.inbound.ComeetAnswers;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.ledger.HireLedger;

/**
 * Decides, after a failed HRIS call, whether to call again within the same request, and when: exponential backoff
 * with jitter, never sooner than the HRIS's {@code Retry-After}, and only while the whole request stays within the
 * budget. Camel's redelivery (in {@code routes/comeet-inbound.camel.yaml}) does the waiting and calling again.
 */
@Component("hrisRetries")
public class HrisRetries {

    /** Exchange property: the HRIS's Retry-After, in milliseconds, when its last answer had one. */
    public static final String RETRY_AFTER_MILLIS = "hrisRetryAfterMillis";
    /** Exchange property: how many times this delivery called the target again, look-ups and creates alike. */
    public static final String RETRIES_SO_FAR = "hrisRetriesSoFar";

    /** Rejections that waiting may cure: the HRIS is down or throttling. */
    private static final Set<String> TRANSIENT = Set.of("hris-unavailable", "hris-throttled");

    private static final Logger log = LoggerFactory.getLogger(HrisRetries.class);

    private final HireBridgeProperties.Retries settings;

    public HrisRetries(HireBridgeProperties properties) {
        this.settings = validated(properties.retries());
    }

    /** Refuses to start on a budget or delay that cannot be waited, naming its key. */
    private static HireBridgeProperties.Retries validated(HireBridgeProperties.Retries retries) {
        if (retries.budget() == null || retries.budget().isNegative()) {
            throw new CompanyConfigurationException("hirebridge.retries.budget",
                    "is negative: how long a request may retry the HRIS, such as 8s (0 never retries)");
        }
        if (retries.firstDelay() == null || retries.firstDelay().isNegative() || retries.firstDelay().isZero()) {
            throw new CompanyConfigurationException("hirebridge.retries.first-delay",
                    "is not a positive duration: the wait before the first retry, such as 250ms");
        }
        if (retries.maxDelay() == null || retries.maxDelay().compareTo(retries.firstDelay()) < 0) {
            throw new CompanyConfigurationException("hirebridge.retries.max-delay",
                    "is shorter than hirebridge.retries.first-delay: the longest wait between two retries, such as 4s");
        }
        return retries;
    }

    /** Camel's {@code retryWhile}: true sets the delay of the next attempt in {@code CamelRedeliveryDelay}. */
    public boolean retry(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        boolean transientFailure = cause instanceof IOException
                || cause instanceof ComeetRejection rejection && TRANSIENT.contains(rejection.reason());
        if (!transientFailure) {
            return false;
        }
        // Counted here, whichever call failed (a look-up as well as a create): Camel's counter header does not
        // survive the target route's clean slate.
        int retriesSoFar = exchange.getProperty(RETRIES_SO_FAR, 0, Integer.class);
        long delay = delay(retriesSoFar, exchange.getProperty(RETRY_AFTER_MILLIS, Long.class));
        long elapsed = System.currentTimeMillis() - exchange.getClock().getCreated();
        if (elapsed + delay > settings.budget().toMillis()) {
            return false;
        }
        if (HireLedger.mayHaveReachedHris(cause)) {
            // The lost call may have created the employee: the next attempt looks it up first.
            exchange.setProperty(HireLedger.RECONCILE, true);
        }
        log.info("Retrying the HRIS in {} ms: company={} candidate={} cause={}", delay,
                ((Company) exchange.getProperty(ComeetDoor.COMPANY)).name(),
                exchange.getProperty(HireLedger.CANDIDATE_ID),
                cause instanceof ComeetRejection rejection ? rejection.reason() : cause.getClass().getSimpleName());
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay);
        exchange.setProperty(RETRIES_SO_FAR, retriesSoFar + 1);
        return true;
    }

    /** Exponential backoff from the first delay, capped, with equal jitter; at least the HRIS's Retry-After. */
    long delay(int retriesSoFar, Long retryAfterMillis) {
        long exponential = Math.min(settings.maxDelay().toMillis(),
                settings.firstDelay().toMillis() << Math.min(retriesSoFar, 20));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return retryAfterMillis == null ? jittered : Math.max(jittered, retryAfterMillis);
    }

    /** Just before a target sends its create request: one more attempt, and its HRIS time starts. */
    public static void callStarted(Exchange exchange) {
        exchange.setProperty(HireLedger.HRIS_ATTEMPTS, exchange.getProperty(HireLedger.HRIS_ATTEMPTS, 0, Integer.class)
                + 1);
        exchange.setProperty(HireLedger.HRIS_CALL_STARTED, System.nanoTime());
    }

    /** Just before a target looks the employee up: the HRIS time of the look-up starts; it is no create attempt. */
    public static void lookupStarted(Exchange exchange) {
        exchange.setProperty(HireLedger.HRIS_CALL_STARTED, System.nanoTime());
    }

    /**
     * Just after the HRIS answered a create request: its HTTP status (returned, and kept for the outcome log), the
     * HRIS time of the call, and the answer's {@code Retry-After} for the next attempt's delay.
     */
    public static int answered(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        exchange.setProperty(ComeetAnswers.HRIS_STATUS, status);
        HireLedger.endHrisCall(exchange);
        exchange.setProperty(RETRY_AFTER_MILLIS, retryAfterMillis(message.getHeader("Retry-After", String.class),
                Instant.now()));
        return status;
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    public static Long retryAfterMillis(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(now, when).toMillis());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
