package com.comeet.hirebridge.ledger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyConfigurationException;
import com.comeet.hirebridge.company.HireBridgeProperties;
import com.comeet.hirebridge.inbound.ComeetAnswers;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The route steps that keep the ledger: {@link #receive} before any HRIS call, then {@link #created} or
 * {@link #failed}. Exactly one delivery of a hire holds it at a time (status {@code creating} under a lease); the
 * others answer from the ledger, wait for that outcome, or are asked to try again.
 */
@Component("hireLedger")
public class HireLedger {

    /** Exchange property: this delivery holds the hire and must record its outcome. */
    public static final String HOLDS_HIRE = "hireHeld";
    /** Exchange property: this delivery recorded the hire, so nothing of an earlier delivery exists for it. */
    public static final String FIRST_DELIVERY = "hireFirstDelivery";
    /** Exchange property: an earlier attempt may have created the employee; the target looks it up first. */
    public static final String RECONCILE = "hireReconcile";
    /** Exchange property: the hire was created by an earlier delivery; the answer comes from the ledger. */
    public static final String ALREADY_CREATED = "hireAlreadyCreated";
    /** Exchange property: when the hire's first delivery arrived (an Instant), as the ledger recorded it. */
    public static final String RECEIVED_AT = "hireReceivedAt";
    /** Exchange property: the candidate id the ledger knows the hire by. */
    public static final String CANDIDATE_ID = "hireCandidateId";
    /** Exchange property: how many times the HRIS was asked to create the employee in this delivery. */
    public static final String HRIS_ATTEMPTS = "hrisAttempts";
    /** Exchange property: milliseconds spent waiting for the HRIS in this delivery. */
    public static final String HRIS_MILLIS = "hrisMillis";
    /** Exchange property: when the HRIS call under way started (System.nanoTime); cleared once it answered. */
    public static final String HRIS_CALL_STARTED = "hrisCallStarted";

    private static final Logger log = LoggerFactory.getLogger(HireLedger.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** The length of the candidate_id and person_uid columns. */
    private static final int MAX_ID = 200;

    private final JdbcClient db;
    private final HireBridgeProperties.Ledger settings;
    private final Clock clock;

    public HireLedger(JdbcClient db, HireBridgeProperties properties,
            @Value("${camel.component.http.response-timeout:10000}") long responseMillis) {
        this.db = db;
        this.settings = validated(properties.ledger(), properties.retries().budget(), responseMillis);
        this.clock = Clock.systemUTC();
    }

    /** Refuses to start on a setting that would lose hires or let two deliveries create one, naming its key. */
    private static HireBridgeProperties.Ledger validated(HireBridgeProperties.Ledger ledger, Duration retriesBudget,
            long responseMillis) {
        if (ledger.retention() == null || ledger.retention().isNegative() || ledger.retention().isZero()) {
            throw new CompanyConfigurationException("hirebridge.ledger.retention",
                    "is not a positive duration: how long payloads and files are kept, such as 30d");
        }
        if (ledger.waitForOutcome() == null || ledger.waitForOutcome().isNegative()) {
            throw new CompanyConfigurationException("hirebridge.ledger.wait-for-outcome",
                    "is negative: how long a concurrent delivery waits, such as 5s (0 answers 409 at once)");
        }
        // The delivery holding the hire may retry until the budget ends, then wait one response timeout more.
        long longestDelivery = retriesBudget.toMillis() + responseMillis;
        if (ledger.creationLease() == null || ledger.creationLease().toMillis() <= longestDelivery) {
            throw new CompanyConfigurationException("hirebridge.ledger.creation-lease", "must be longer than "
                    + "hirebridge.retries.budget plus camel.component.http.response-timeout (" + longestDelivery
                    + " ms): a shorter lease lets another delivery create the employee a second time");
        }
        return ledger;
    }

    /**
     * Records the verified hire, or finds it: created already (answered from the ledger, no HRIS call), being
     * created by another delivery (wait for it, or 409), or free to be created by this delivery.
     */
    public void receive(Exchange exchange) throws InterruptedException {
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        JsonNode candidate = exchange.getProperty(ComeetDoor.CANDIDATE, JsonNode.class);
        String candidateId = candidateId(candidate);
        String personUid = personUid(candidate);
        String payload = new String(exchange.getProperty(ComeetDoor.RAW_BODY, byte[].class), StandardCharsets.UTF_8);
        exchange.setProperty(CANDIDATE_ID, candidateId);

        Instant now = clock.instant();
        try {
            // A re-hire: the person was created before under another candidate id. EXISTS stops at the first
            // match, so a person hired often does not make every new hire slower; a null person_uid matches none.
            db.sql("""
                    INSERT INTO hire (company, candidate_id, person_uid, target, status, rehire, attempts, deliveries,
                                      received_at, updated_at, lease_until, payload, version)
                    VALUES (?, ?, ?, ?, 'creating',
                            EXISTS (SELECT 1 FROM hire WHERE company = ? AND person_uid = ? AND candidate_id <> ?
                                                         AND status = 'created'),
                            0, 1, ?, ?, ?, ?, 0)""")
                    .params(company.name(), candidateId, personUid, company.target().id(),
                            company.name(), personUid, candidateId,
                            ts(now), ts(now), ts(now.plus(settings.creationLease())), payload)
                    .update();
            exchange.setProperty(HOLDS_HIRE, true);
            exchange.setProperty(FIRST_DELIVERY, true);
            exchange.setProperty(RECEIVED_AT, now);
        } catch (DuplicateKeyException known) {
            takeOrAwait(exchange, company.name(), candidateId, payload);
        }
    }

    private void takeOrAwait(Exchange exchange, String company, String candidateId, String payload)
            throws InterruptedException {
        Instant giveUp = clock.instant().plus(settings.waitForOutcome());
        while (true) {
            HireRecord hire = find(company, candidateId).orElseThrow();
            Instant now = clock.instant();
            if (hire.status() == HireStatus.CREATED) {
                db.sql("UPDATE hire SET deliveries = deliveries + 1 WHERE company = ? AND candidate_id = ?")
                        .params(company, candidateId).update();
                exchange.setProperty(ALREADY_CREATED, true);
                exchange.setProperty(ComeetAnswers.EMPLOYEE_ID, hire.employeeId());
                exchange.setProperty(ComeetAnswers.EVENT_REFERENCE, hire.eventReference());
                return;
            }
            boolean heldElsewhere = hire.status() == HireStatus.CREATING && hire.leaseUntil() != null
                    && hire.leaseUntil().isAfter(now);
            if (heldElsewhere) {
                if (now.isAfter(giveUp)) {
                    throw new ComeetRejection(409, "hire-in-progress", "This hire is being created right now by "
                            + "another submission. Try again in a minute.");
                }
                Thread.sleep(POLL.toMillis());
                continue;
            }
            int taken = db.sql("""
                    UPDATE hire SET status = 'creating', lease_until = ?, updated_at = ?, deliveries = deliveries + 1,
                                    payload = ?, version = version + 1
                    WHERE company = ? AND candidate_id = ? AND version = ?""")
                    .params(ts(now.plus(settings.creationLease())), ts(now), payload, company, candidateId,
                            hire.version())
                    .update();
            if (taken == 1) {
                exchange.setProperty(HOLDS_HIRE, true);
                exchange.setProperty(RECEIVED_AT, hire.receivedAt());
                // A crashed or timed-out attempt may have reached the HRIS: look before creating again.
                exchange.setProperty(RECONCILE, hire.status() == HireStatus.UNKNOWN
                        || hire.status() == HireStatus.CREATING);
                return;
            }
        }
    }

    /**
     * Records the created employee; a hire the HRIS keeps for approval is recorded as created too, with the HRIS's
     * event reference and no employee id, so that a later delivery answers it from the ledger alone.
     */
    public void created(Exchange exchange) {
        if (!exchange.getProperty(HOLDS_HIRE, false, Boolean.class)) {
            return;
        }
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        Instant now = clock.instant();
        db.sql("""
                UPDATE hire SET status = 'created', employee_id = ?, event_reference = ?, hris_status = ?,
                                hris_message = NULL,
                                display_message = NULL, attempts = attempts + ?, lease_until = NULL, updated_at = ?,
                                hris_duration_ms = ?, total_duration_ms = ?, version = version + 1
                WHERE company = ? AND candidate_id = ?""")
                .params(exchange.getProperty(ComeetAnswers.EMPLOYEE_ID, String.class),
                        exchange.getProperty(ComeetAnswers.EVENT_REFERENCE, String.class),
                        exchange.getProperty(ComeetAnswers.HRIS_STATUS, Integer.class),
                        exchange.getProperty(HRIS_ATTEMPTS, 0, Integer.class), ts(now),
                        exchange.getProperty(HRIS_MILLIS, 0L, Long.class), millisSinceReceived(exchange, now),
                        company.name(), exchange.getProperty(CANDIDATE_ID, String.class))
                .update();
    }

    /**
     * Records why the hire was not created: {@code unknown} when the HRIS may have created it anyway (the request
     * was sent and the answer lost, or the HRIS answered with a success that does not confirm the hire),
     * {@code failed} otherwise.
     */
    public void failed(Exchange exchange) {
        if (!exchange.getProperty(HOLDS_HIRE, false, Boolean.class)) {
            return;
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // Unknown too when a lost earlier attempt could not be looked up: the employee may still exist.
        HireStatus status = mayHaveReachedHris(cause) || exchange.getProperty(RECONCILE, false, Boolean.class)
                || cause instanceof ComeetRejection rejection && rejection.mayHaveCreatedHire()
                ? HireStatus.UNKNOWN : HireStatus.FAILED;
        Map<String, Object> details = cause instanceof ComeetRejection rejection ? rejection.details() : Map.of();
        String displayMessage;
        Object hrisMessage = details.get("hris_error");
        if (cause instanceof ComeetRejection rejection) {
            displayMessage = rejection.displayMessage();
        } else if (cause instanceof IOException) {
            displayMessage = ComeetAnswers.HRIS_UNREACHABLE;
            hrisMessage = cause.getClass().getSimpleName();
        } else {
            displayMessage = ComeetAnswers.UNEXPECTED;
        }
        endHrisCall(exchange);
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        Instant now = clock.instant();
        db.sql("""
                UPDATE hire SET status = ?, hris_status = ?, hris_message = ?, display_message = ?,
                                attempts = attempts + ?, lease_until = NULL, updated_at = ?, hris_duration_ms = ?,
                                total_duration_ms = ?, version = version + 1
                WHERE company = ? AND candidate_id = ?""")
                .params(status.column(), details.get("hris_status"), truncate(hrisMessage), truncate(displayMessage),
                        exchange.getProperty(HRIS_ATTEMPTS, 0, Integer.class), ts(now),
                        exchange.getProperty(HRIS_MILLIS, 0L, Long.class), millisSinceReceived(exchange, now),
                        company.name(), exchange.getProperty(CANDIDATE_ID, String.class))
                .update();
    }

    /**
     * Where an HRIS look-up for the employee of this hire starts: the day before the hire's first delivery, which a
     * retry days later must still cover.
     */
    public static Instant lookupSince(Exchange exchange) {
        return exchange.getProperty(RECEIVED_AT, Instant.class).minus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Adopts the one employee among {@code matches} (the HRIS's employees with the hire's e-mail) that is not the
     * employee of another hire of the company: a re-hire keeps the e-mail of the person's earlier employment. None
     * left means the earlier attempt created no one; several leave the hire unknown, for HR to decide.
     *
     * @param hris the HRIS's name, as the recruiter knows it
     */
    public void adoptLookedUp(Exchange exchange, List<String> matches, int hrisStatus, String hris) {
        List<String> unclaimed = new ArrayList<>(new LinkedHashSet<>(matches));
        if (!unclaimed.isEmpty()) {
            unclaimed.removeAll(db.sql("""
                    SELECT employee_id FROM hire
                    WHERE company = :company AND candidate_id <> :candidate AND employee_id IN (:matches)""")
                    .param("company", exchange.getProperty(ComeetDoor.COMPANY, Company.class).name())
                    .param("candidate", exchange.getProperty(CANDIDATE_ID, String.class))
                    .param("matches", unclaimed)
                    .query(String.class).list());
        }
        if (unclaimed.isEmpty()) {
            exchange.setProperty(RECONCILE, false);
            return;
        }
        if (unclaimed.size() > 1) {
            throw new ComeetRejection(502, "hris-lookup-ambiguous", "An earlier attempt may already have created "
                    + "this employee in " + hris + ", and several employees there have this e-mail. Ask HR to "
                    + "check " + hris + " before anything is submitted again.",
                    Map.of("target", exchange.getProperty(ComeetDoor.TARGET, String.class)));
        }
        exchange.setProperty(ComeetAnswers.EMPLOYEE_ID, unclaimed.get(0));
        exchange.setProperty(ComeetAnswers.HRIS_STATUS, hrisStatus);
    }

    /** Adds the time of the HRIS call under way, if any, to the time this delivery spent in the HRIS. */
    public static void endHrisCall(Exchange exchange) {
        Long started = exchange.getProperty(HRIS_CALL_STARTED, Long.class);
        if (started != null) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            exchange.setProperty(HRIS_MILLIS, exchange.getProperty(HRIS_MILLIS, 0L, Long.class) + millis);
            exchange.removeProperty(HRIS_CALL_STARTED);
        }
    }

    /** What one run of the retention emptied. */
    public record Purged(int payloads, int files) {
    }

    /**
     * Empties the payload and the downloaded files of hires received before the retention period; the rest of
     * each row (statuses, employee id, file names) stays.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public Purged purgeExpired() {
        Timestamp before = ts(clock.instant().minus(settings.retention()));
        int payloads = db.sql("UPDATE hire SET payload = NULL WHERE received_at < ? AND payload IS NOT NULL")
                .param(before)
                .update();
        int files = db.sql("""
                UPDATE hire_file SET content = NULL
                WHERE content IS NOT NULL
                  AND EXISTS (SELECT 1 FROM hire WHERE hire.company = hire_file.company
                                                   AND hire.candidate_id = hire_file.candidate_id
                                                   AND hire.received_at < ?)""")
                .param(before)
                .update();
        log.info("Retention: emptied payloads={} files={} of hires received before {}", payloads, files,
                before.toInstant());
        return new Purged(payloads, files);
    }

    public Optional<HireRecord> find(String company, String candidateId) {
        return db.sql("SELECT * FROM hire WHERE company = ? AND candidate_id = ?")
                .params(company, candidateId)
                .query(HireRecord::read)
                .optional();
    }

    /**
     * Hires newest first, each filter optional: {@code company}, {@code status}, received at or after {@code from}
     * and before {@code until}.
     */
    public List<HireRecord> list(String company, HireStatus status, Instant from, Instant until, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM hire WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (company != null) {
            sql.append(" AND company = ?");
            params.add(company);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.column());
        }
        if (from != null) {
            sql.append(" AND received_at >= ?");
            params.add(ts(from));
        }
        if (until != null) {
            sql.append(" AND received_at < ?");
            params.add(ts(until));
        }
        sql.append(" ORDER BY received_at DESC, company, candidate_id LIMIT ?");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query(HireRecord::read).list();
    }

    /** Whether an exception from the HRIS call leaves open that the HRIS created the employee. */
    public static boolean mayHaveReachedHris(Throwable cause) {
        if (!(cause instanceof IOException)) {
            return false;
        }
        boolean neverConnected = cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException;
        return !neverConnected;
    }

    private long millisSinceReceived(Exchange exchange, Instant now) {
        return now.toEpochMilli() - exchange.getClock().getCreated();
    }

    private static String candidateId(JsonNode candidate) {
        String id = text(candidate.get("comeet_id"));
        if (id == null) {
            id = text(candidate.get("recruit_id"));
        }
        // "." and ".." or a slash could not be named in an operator API path; Comeet's ids are never like that.
        if (!usable(id) || id.equals(".") || id.equals("..") || id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
            throw new ComeetRejection(400, "no-candidate-id", "The hire carries no usable candidate id "
                    + "(comeet_id). Submit the hire again from Comeet; if it keeps failing, contact IT.");
        }
        return id;
    }

    /** The person's id, or null when the hire has none; re-hires are recognised by it. */
    private static String personUid(JsonNode candidate) {
        String uid = text(candidate.get("person_uid"));
        if (uid != null && !usable(uid)) {
            throw new ComeetRejection(400, "unusable-person-uid", "The hire carries a person id (person_uid) that "
                    + "is not one Comeet gives. Submit the hire again from Comeet; if it keeps failing, contact IT.");
        }
        return uid;
    }

    /** Fits its column, and holds no control character (PostgreSQL refuses a NUL in text, H2 would keep it). */
    private static boolean usable(String id) {
        return id != null && id.length() <= MAX_ID && id.chars().noneMatch(Character::isISOControl);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    private static String truncate(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
