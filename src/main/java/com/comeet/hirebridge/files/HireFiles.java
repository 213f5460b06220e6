package com.comeet.hirebridge.files;

import java.io.IOException;
import java.net.URI;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.comeet.hirebridge.bamboohr.BambooHrUploadFile;
import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.company.Target;
import com.comeet.hirebridge.inbound.ComeetAnswers;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.ledger.HireLedger;
import com.comeet.hirebridge.ledger.HireRecord;
import com.comeet.hirebridge.ledger.HireStatus;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The route steps for the candidate's files: {@link #download} right after the ledger has the hire (Comeet's links
 * die within minutes), {@link #upload} once the employee exists, and {@link #retryFiles} for an operator. None of
 * them ever fails the hire: a file that cannot be fetched or sent is recorded with the reason.
 */
@Component("hireFiles")
public class HireFiles {

    private static final Logger log = LoggerFactory.getLogger(HireFiles.class);
    private static final int MAX_NAME = 255;
    private static final int MAX_ERROR = 200;

    private final JdbcClient db;
    private final JdbcTemplate batches;
    private final FileDownloader downloader;
    private final BambooHrUploadFile bamboohr;
    private final HireLedger ledger;
    private final CompanyDirectory companies;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    public HireFiles(JdbcClient db, JdbcTemplate batches, TransactionTemplate transactions,
            FileDownloader downloader, BambooHrUploadFile bamboohr, HireLedger ledger, CompanyDirectory companies) {
        this.db = db;
        this.batches = batches;
        this.transactions = transactions;
        this.downloader = downloader;
        this.bamboohr = bamboohr;
        this.ledger = ledger;
        this.companies = companies;
    }

    /** One file the payload names. */
    record Wanted(FileKind kind, int position, String name, String url) {

        String key() {
            return kind.column() + "/" + position;
        }
    }

    /** A wanted file after its download, and whether an earlier delivery left a row for it. */
    private record Downloaded(Wanted file, FileDownloader.Download download, boolean recorded) {
    }

    /**
     * Downloads the files of a hire this delivery holds, except those an earlier delivery already downloaded or
     * uploaded.
     */
    public void download(Exchange exchange) throws InterruptedException {
        boolean holds = exchange.getProperty(HireLedger.HOLDS_HIRE, false, Boolean.class);
        if (!holds || exchange.getProperty(HireLedger.ALREADY_CREATED, false, Boolean.class)) {
            return;
        }
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        String candidateId = exchange.getProperty(HireLedger.CANDIDATE_ID, String.class);
        try {
            // A hire this delivery has just recorded has no files from an earlier one: nothing to look up.
            Map<String, FileStatus> known = exchange.getProperty(HireLedger.FIRST_DELIVERY, false, Boolean.class)
                    ? Map.of() : statuses(company.name(), candidateId);
            List<Downloaded> results = new ArrayList<>();
            for (Wanted file : wanted(exchange.getProperty(ComeetDoor.CANDIDATE, JsonNode.class))) {
                FileStatus status = known.get(file.key());
                if (status != null && status != FileStatus.DOWNLOAD_FAILED) {
                    continue;
                }
                results.add(new Downloaded(file, downloader.download(file.url()), status != null));
            }
            if (results.isEmpty()) {
                return;
            }
            // Downloads first, then every row in one transaction: no connection is held while a file is fetched.
            transactions.executeWithoutResult(transaction -> save(company.name(), candidateId, results));

            // One line for the hire's files, naming each failure (the reasons carry no personal data).
            List<String> failures = results.stream().filter(result -> !result.download().succeeded())
                    .map(result -> result.file().key() + " " + result.download().failure()).toList();
            if (failures.isEmpty()) {
                log.info("Hire files: company={} candidate={} downloaded={} download_failed=0", company.name(),
                        loggable(candidateId), results.size());
            } else {
                log.warn("Hire files: company={} candidate={} downloaded={} download_failed={} failures=[{}]",
                        company.name(), loggable(candidateId), results.size() - failures.size(), failures.size(),
                        String.join(", ", failures));
            }
        } catch (RuntimeException e) {
            // The hire goes on without its files; the rows recorded so far stay.
            log.error("Hire files not downloaded: company={} candidate={} error={}", company.name(),
                    loggable(candidateId), e.getClass().getName());
        }
    }

    /** Uploads the hire's downloaded files to the employee just created. Never throws: the hire is created. */
    public void upload(Exchange exchange) {
        if (!exchange.getProperty(HireLedger.HOLDS_HIRE, false, Boolean.class)) {
            return;
        }
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        String candidateId = exchange.getProperty(HireLedger.CANDIDATE_ID, String.class);
        String employeeId = exchange.getProperty(ComeetAnswers.EMPLOYEE_ID, String.class);
        try {
            uploadAll(company, candidateId, employeeId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Hire files not uploaded: company={} candidate={} error={}", company.name(),
                    loggable(candidateId), e.getClass().getName());
        }
    }

    /**
     * Uploads again the files of a created hire that are downloaded or whose upload failed, and gives every file
     * of the hire as it then stands. A failed download cannot be retried: Comeet's link has expired.
     *
     * @throws IllegalStateException when the hire is not created or its company is no longer served
     */
    public List<HireFile> retryFiles(String company, String candidateId) throws InterruptedException {
        HireRecord hire = ledger.find(company, candidateId)
                .filter(found -> found.status() == HireStatus.CREATED && found.employeeId() != null)
                .orElseThrow(() -> new IllegalStateException("The hire is not created"));
        Company served = companies.find(company)
                .orElseThrow(() -> new IllegalStateException("The company is no longer served"));
        uploadAll(served, candidateId, hire.employeeId());
        return files(company, candidateId);
    }

    /** The hire's files, without their content, in the order kind, position. */
    public List<HireFile> files(String company, String candidateId) {
        return db.sql("""
                SELECT company, candidate_id, kind, position, name, content_type, size_bytes, status, error,
                       hris_file_id, updated_at
                FROM hire_file WHERE company = ? AND candidate_id = ? ORDER BY kind DESC, position""")
                .params(company, candidateId)
                .query(HireFile::read)
                .list();
    }

    /** Whether files are uploaded for this company at all: a BambooHR file section is configured. */
    public static boolean uploads(Company company) {
        return company.target() == Target.BAMBOOHR && company.bamboohr() != null
                && company.bamboohr().fileCategory() != null;
    }

    private void uploadAll(Company company, String candidateId, String employeeId) throws InterruptedException {
        if (!uploads(company) || employeeId == null) {
            return;
        }
        int uploaded = 0;
        int failed = 0;
        for (HireFile file : files(company.name(), candidateId)) {
            if (file.status() != FileStatus.DOWNLOADED && file.status() != FileStatus.UPLOAD_FAILED) {
                continue;
            }
            byte[] content = db.sql("""
                    SELECT content FROM hire_file WHERE company = ? AND candidate_id = ? AND kind = ?
                                                    AND position = ?""")
                    .params(company.name(), candidateId, file.kind().column(), file.position())
                    .query((row, number) -> row.getBytes(1)).optional().orElse(null);
            if (content == null) {
                // Emptied by the retention: the row stays, with nothing left to upload.
                failed++;
                uploadFailed(company.name(), candidateId, file, "content purged after the retention period");
                continue;
            }
            String failure;
            Integer hrisStatus = null;
            try {
                BambooHrUploadFile.Uploaded answer = bamboohr.upload(company.bamboohr(), employeeId, file.name(),
                        file.contentType(), content);
                hrisStatus = answer.status();
                failure = answer.succeeded() ? null : "BambooHR answered HTTP " + answer.status();
                if (answer.succeeded()) {
                    // Uploaded, the file lives in the HRIS: the bridge keeps no copy of it.
                    db.sql("""
                            UPDATE hire_file SET status = 'uploaded', error = NULL, hris_file_id = ?, content = NULL,
                                                 updated_at = ?
                            WHERE company = ? AND candidate_id = ? AND kind = ? AND position = ?""")
                            .params(answer.fileId(), Timestamp.from(clock.instant()), company.name(), candidateId,
                                    file.kind().column(), file.position())
                            .update();
                    uploaded++;
                    continue;
                }
            } catch (IOException e) {
                failure = "BambooHR unreachable (" + e.getClass().getSimpleName() + ")";
            }
            failed++;
            uploadFailed(company.name(), candidateId, file, failure);
            log.warn("File not uploaded: company={} candidate={} kind={} position={} hris_status={}",
                    company.name(), loggable(candidateId), file.kind().column(), file.position(),
                    hrisStatus == null ? "-" : hrisStatus);
        }
        if (uploaded + failed > 0) {
            log.info("Hire files: company={} candidate={} uploaded={} upload_failed={}", company.name(),
                    loggable(candidateId), uploaded, failed);
        }
    }

    private void uploadFailed(String company, String candidateId, HireFile file, String failure) {
        db.sql("""
                UPDATE hire_file SET status = 'upload_failed', error = ?, updated_at = ?
                WHERE company = ? AND candidate_id = ? AND kind = ? AND position = ?""")
                .params(truncate(failure, MAX_ERROR), Timestamp.from(clock.instant()), company, candidateId,
                        file.kind().column(), file.position())
                .update();
    }

    /** The files the payload names: the résumé, the picture, and each offer letter among {@code files}. */
    static List<Wanted> wanted(JsonNode candidate) {
        List<Wanted> wanted = new ArrayList<>();
        if (candidate == null) {
            return wanted;
        }
        JsonNode resume = candidate.path("resume");
        if (text(resume.get("url")) != null) {
            wanted.add(new Wanted(FileKind.RESUME, 0, name(text(resume.get("name")), "Resume", resume),
                    text(resume.get("url"))));
        }
        JsonNode picture = candidate.path("picture");
        if (text(picture.get("url")) != null) {
            wanted.add(new Wanted(FileKind.PICTURE, 0, name(null, "Picture", picture), text(picture.get("url"))));
        }
        int position = 0;
        // Limitation: files of any other type than offer_letter (none are documented) are not fetched.
        for (JsonNode file : candidate.path("files")) {
            if ("offer_letter".equals(text(file.get("type"))) && text(file.get("url")) != null) {
                wanted.add(new Wanted(FileKind.OFFER_LETTER, position++,
                        name(text(file.get("name")), "Offer letter", file), text(file.get("url"))));
            }
        }
        return wanted;
    }

    /** The name BambooHR shows; without one, a plain word with the extension of the URL's path. */
    private static String name(String given, String fallback, JsonNode file) {
        if (given != null) {
            return truncate(given.strip(), MAX_NAME);
        }
        String path;
        try {
            path = URI.create(text(file.get("url")).trim()).getPath();
        } catch (IllegalArgumentException e) {
            path = null;
        }
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        String extension = last.lastIndexOf('.') > 0 ? last.substring(last.lastIndexOf('.')) : "";
        return extension.matches("\\.[A-Za-z0-9]{1,8}") ? fallback + extension.toLowerCase(Locale.ROOT) : fallback;
    }

    /** The status of each file an earlier delivery recorded for the hire, by kind and position. */
    private Map<String, FileStatus> statuses(String company, String candidateId) {
        Map<String, FileStatus> statuses = new HashMap<>();
        db.sql("SELECT kind, position, status FROM hire_file WHERE company = ? AND candidate_id = ?")
                .params(company, candidateId)
                .query(row -> {
                    statuses.put(row.getString(1) + "/" + row.getInt(2), FileStatus.of(row.getString(3)));
                });
        return statuses;
    }

    /** Records each download: new rows in one batch, rows an earlier delivery left updated one by one. */
    private void save(String company, String candidateId, List<Downloaded> results) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> inserts = new ArrayList<>();
        for (Downloaded downloaded : results) {
            Wanted file = downloaded.file();
            FileDownloader.Download result = downloaded.download();
            String status = result.succeeded() ? FileStatus.DOWNLOADED.column() : FileStatus.DOWNLOAD_FAILED.column();
            Long size = result.succeeded() ? (long) result.content().length : null;
            String contentType = truncate(result.contentType(), MAX_NAME);
            String error = truncate(result.failure(), MAX_ERROR);
            // Typed, so that a missing content is a null BYTEA on PostgreSQL too.
            SqlParameterValue content = new SqlParameterValue(Types.VARBINARY, result.content());
            if (downloaded.recorded()) {
                db.sql("""
                        UPDATE hire_file SET name = ?, content_type = ?, size_bytes = ?, content = ?, status = ?,
                                             error = ?, hris_file_id = NULL, updated_at = ?
                        WHERE company = ? AND candidate_id = ? AND kind = ? AND position = ?""")
                        .params(file.name(), contentType, size, content, status, error, now, company, candidateId,
                                file.kind().column(), file.position())
                        .update();
            } else {
                inserts.add(new Object[] {company, candidateId, file.kind().column(), file.position(), file.name(),
                        contentType, size, content, status, error, now});
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate("""
                    INSERT INTO hire_file (company, candidate_id, kind, position, name, content_type, size_bytes,
                                           content, status, error, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** The candidate id is opaque and not personal; it is cleaned of anything that could forge a log line. */
    private static String loggable(String id) {
        if (id == null) {
            return "-";
        }
        String clean = id.replaceAll("[^\\p{Alnum}._:-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
