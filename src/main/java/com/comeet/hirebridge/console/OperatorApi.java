package com.comeet.hirebridge.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.files.DownloadFailure;
import com.comeet.hirebridge.files.FileStatus;
import com.comeet.hirebridge.files.HireFile;
import com.comeet.hirebridge.files.HireFiles;
import com.comeet.hirebridge.inbound.ComeetAnswers;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.ledger.HireLedger;
import com.comeet.hirebridge.ledger.HireRecord;
import com.comeet.hirebridge.ledger.HireStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operator API: hires in the ledger, one hire with its payload redacted and its files (never their names), the
 * retry of a hire that was not created, and the retry of a created hire's file uploads. Authentication is
 * {@link OperatorAuthenticationFilter}'s; every action is logged without personal data.
 */
@RestController
@RequestMapping(path = "/admin/hires", produces = MediaType.APPLICATION_JSON_VALUE)
class OperatorApi {

    private static final Logger log = LoggerFactory.getLogger(OperatorApi.class);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    // Every database the ledger runs on holds these days exactly; PostgreSQL refuses some beyond, H2 wraps around.
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final String STATUSES = Arrays.stream(HireStatus.values()).map(HireStatus::column)
            .collect(Collectors.joining(", "));

    private final HireLedger ledger;
    private final HireFiles hireFiles;
    private final CompanyDirectory companies;
    private final ProducerTemplate camel;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    OperatorApi(HireLedger ledger, HireFiles hireFiles, CompanyDirectory companies, ProducerTemplate camel,
            ObjectMapper json) {
        this.ledger = ledger;
        this.hireFiles = hireFiles;
        this.companies = companies;
        this.camel = camel;
        this.json = json;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String company,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String limit) {
        HireStatus wanted = status == null ? null : Arrays.stream(HireStatus.values())
                .filter(value -> value.column().equals(status)).findFirst()
                .orElseThrow(() -> new OperatorRefusal(400, "status must be one of " + STATUSES + "."));
        Instant since = from == null ? null : day(from, "from");
        // "to" is inclusive: everything received before the next day starts.
        Instant until = to == null ? null : day(to, "to").plusSeconds(86_400);
        List<HireRecord> hires = ledger.list(plain(company, "company"), wanted, since, until, limit(limit));

        log.info("Operator action: company={} candidate=- action=list result={} hires", loggable(company),
                hires.size());
        return Map.of("hires", hires.stream().map(OperatorApi::summary).toList());
    }

    @GetMapping("/{company}/{candidateId}")
    Map<String, Object> show(@PathVariable String company, @PathVariable String candidateId) {
        HireRecord hire = find(company, candidateId, "show");
        Map<String, Object> answer = summary(hire);
        // Read as strictly as the webhook read it, so numbers show exactly as stored.
        answer.put("payload", hire.payload() == null ? null
                : PayloadRedaction.redact(ComeetDoor.candidate(hire.payload().getBytes(StandardCharsets.UTF_8))));
        answer.put("files", hireFiles.files(company, candidateId).stream().map(OperatorApi::file).toList());

        log.info("Operator action: company={} candidate={} action=show result=200", loggable(company),
                loggable(candidateId));
        return answer;
    }

    /** Runs the stored hire through the same route as Comeet's webhook and answers what Comeet would get. */
    @PostMapping("/{company}/{candidateId}/retry")
    ResponseEntity<byte[]> retry(@PathVariable String company, @PathVariable String candidateId) {
        HireRecord hire = find(company, candidateId, "retry");
        // A creating hire whose lease has run out was abandoned by a crashed delivery: the route takes it over.
        boolean abandoned = hire.status() == HireStatus.CREATING && hire.leaseUntil() != null
                && !hire.leaseUntil().isAfter(clock.instant());
        if (hire.status() != HireStatus.FAILED && hire.status() != HireStatus.UNKNOWN && !abandoned) {
            throw refused(company, candidateId, "retry", 409, "This hire is " + hire.status().inWords()
                    + "; only a failed or unknown hire can be retried.");
        }
        if (hire.payload() == null) {
            throw refused(company, candidateId, "retry", 410, "This hire's payload has been purged after the "
                    + "retention period; submit the hire again from Comeet.");
        }
        Company served = companies.find(company).orElseThrow(() -> refused(company, candidateId, "retry", 404,
                "This hire bridge no longer serves this company."));
        byte[] body = hire.payload().getBytes(StandardCharsets.UTF_8);
        JsonNode candidate;
        try {
            candidate = ComeetDoor.candidate(body);
        } catch (ComeetRejection unreadable) {
            throw refused(company, candidateId, "retry", 422, "This hire's stored payload cannot be read; submit "
                    + "the hire again from Comeet.");
        }

        Exchange outcome = camel.send("direct:hire-create-employee", exchange -> {
            exchange.setProperty(ComeetDoor.COMPANY, served);
            exchange.setProperty(ComeetDoor.TARGET, served.target().id());
            exchange.setProperty(ComeetDoor.RAW_BODY, body);
            exchange.setProperty(ComeetDoor.CANDIDATE, candidate);
            exchange.getMessage().setBody(candidate);
        });
        int status = outcome.getException() == null
                ? outcome.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class) : 500;
        byte[] answer = outcome.getException() == null ? outcome.getMessage().getBody(byte[].class) : null;
        if (answer == null) {
            status = 500;
            answer = body(ComeetAnswers.UNEXPECTED);
        }

        log.info("Operator action: company={} candidate={} action=retry result={}", loggable(company),
                loggable(candidateId), status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /**
     * Uploads again the files of a created hire that are downloaded or whose upload failed, and answers with every
     * file of the hire. A failed download is only reported, with its reason: Comeet's link expired minutes after the
     * delivery.
     */
    @PostMapping("/{company}/{candidateId}/files/retry")
    Map<String, Object> retryFiles(@PathVariable String company, @PathVariable String candidateId)
            throws InterruptedException {
        HireRecord hire = find(company, candidateId, "files-retry");
        if (hire.status() != HireStatus.CREATED) {
            throw refused(company, candidateId, "files-retry", 409, "This hire is " + hire.status().column()
                    + "; its files are uploaded once the employee is created.");
        }
        Company served = companies.find(company).orElseThrow(() -> refused(company, candidateId, "files-retry", 404,
                "This hire bridge no longer serves this company."));
        if (!HireFiles.uploads(served)) {
            throw refused(company, candidateId, "files-retry", 409, "This company has no BambooHR file category "
                    + "(bamboohr.file-category), so its files are kept in the bridge and not uploaded.");
        }
        List<HireFile> files = hireFiles.retryFiles(company, candidateId);

        log.info("Operator action: company={} candidate={} action=files-retry result={} files", loggable(company),
                loggable(candidateId), files.size());
        return Map.of("files", files.stream().map(OperatorApi::file).toList());
    }

    @ExceptionHandler(OperatorRefusal.class)
    ResponseEntity<byte[]> refusal(OperatorRefusal refusal) {
        return ResponseEntity.status(refusal.status).contentType(MediaType.APPLICATION_JSON)
                .body(body(refusal.getMessage()));
    }

    private HireRecord find(String company, String candidateId, String action) {
        plain(company, "company");
        plain(candidateId, "candidate id");
        return ledger.find(company, candidateId).orElseThrow(() -> refused(company, candidateId, action, 404,
                "The ledger holds no hire for this company and candidate."));
    }

    private static OperatorRefusal refused(String company, String candidateId, String action, int status,
            String sentence) {
        log.info("Operator action: company={} candidate={} action={} result={}", loggable(company),
                loggable(candidateId), action, status);
        return new OperatorRefusal(status, sentence);
    }

    private static Map<String, Object> summary(HireRecord hire) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("company", hire.company());
        item.put("candidate_id", hire.candidateId());
        item.put("person_uid", hire.personUid());
        item.put("target", hire.target());
        item.put("status", hire.status().column());
        item.put("rehire", hire.rehire());
        item.put("employee_id", hire.employeeId());
        item.put("event_reference", hire.eventReference());
        item.put("hris_status", hire.hrisStatus());
        item.put("hris_message", hire.hrisMessage());
        item.put("display_message", hire.displayMessage());
        item.put("attempts", hire.attempts());
        item.put("deliveries", hire.deliveries());
        item.put("received_at", text(hire.receivedAt()));
        item.put("updated_at", text(hire.updatedAt()));
        item.put("hris_duration_ms", hire.hrisDurationMs());
        item.put("total_duration_ms", hire.totalDurationMs());
        return item;
    }

    /** One file of a hire, without its name: the name Comeet gives a résumé is often the candidate's. */
    private static Map<String, Object> file(HireFile file) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", file.kind().column());
        item.put("position", file.position());
        item.put("status", file.status().column());
        item.put("content_type", file.contentType());
        item.put("size_bytes", file.sizeBytes());
        item.put("error", file.error());
        item.put("hris_file_id", file.hrisFileId());
        if (file.status() == FileStatus.DOWNLOAD_FAILED) {
            item.put("display_message", DownloadFailure.displayMessage(file.error()));
        }
        return item;
    }

    private static Instant day(String value, String name) {
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null || day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw new OperatorRefusal(400, name + " must be a date as YYYY-MM-DD, from " + FIRST_DAY + " to "
                    + LAST_DAY + ".");
        }
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A company or candidate id as given, refused when it holds a control character (PostgreSQL refuses NUL). */
    private static String plain(String value, String name) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new OperatorRefusal(400, name + " must not contain control characters.");
        }
        return value;
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other limit out of range
        }
        throw new OperatorRefusal(400, "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private byte[] body(String displayMessage) {
        try {
            return json.writeValueAsBytes(Map.of("display_message", displayMessage));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Ids from the URL are opaque; cleaned of anything that could forge a log line. */
    private static String loggable(String id) {
        if (id == null) {
            return "-";
        }
        String clean = id.replaceAll("[^\\p{Alnum}._:-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }

    /** An operator request this API refuses, with the sentence it answers. */
    private static final class OperatorRefusal extends RuntimeException {

        private final int status;

        OperatorRefusal(int status, String sentence) {
            super(sentence, null, false, false);
            this.status = status;
        }
    }
}
