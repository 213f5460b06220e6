package com.comeet.hirebridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.comeet.hirebridge.company.CompanyConfigurationException;
import com.comeet.hirebridge.company.HireBridgeProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sandbox's slice of BambooHR's API: {@code POST /v1/employees} (JSON, HTTP Basic with the API key as user),
 * answered 201 with {@code Location}, {@code GET /v1/employees[/{id}]} to see what was created, and
 * {@code GET /v1/meta/lists} for the questionnaire's options. Employees are kept in the bridge's own database.
 */
@RestController
@RequestMapping("/sandbox/bamboohr/{companyDomain}/v1")
@ConditionalOnProperty(name = "hirebridge.sandbox.enabled", havingValue = "true")
public class BambooHrSandbox {

    private static final Logger log = LoggerFactory.getLogger(BambooHrSandbox.class);
    private static final String ERROR_HEADER = "X-BambooHR-Error-Message";
    /** The column's size: checked here, so the database never reports (and logs) an oversized value. */
    private static final int MAX_FIELDS_LENGTH = 65_535;

    private final JdbcClient db;
    private final ObjectMapper json;
    private final byte[] expectedAuthorization;

    public BambooHrSandbox(JdbcClient db, ObjectMapper json, Environment environment,
            HireBridgeProperties properties) {
        String production = Arrays.stream(environment.getActiveProfiles())
                .filter(profile -> profile.toLowerCase(Locale.ROOT).startsWith("prod")).findFirst().orElse(null);
        if (production != null) {
            throw new CompanyConfigurationException("hirebridge.sandbox.enabled", "is true under the profile '"
                    + production + "': the BambooHR sandbox is for demos and tests only; remove it from the "
                    + "production configuration");
        }
        String apiKey = properties.sandbox().apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new CompanyConfigurationException("hirebridge.sandbox.api-key", "is missing: the sandbox needs "
                    + "the API key it accepts");
        }
        this.db = db;
        this.json = json;
        this.expectedAuthorization = ("Basic " + Base64.getEncoder()
                .encodeToString((apiKey + ":x").getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        log.warn("The BambooHR sandbox is enabled at /sandbox/bamboohr/: for demos only, never for production");
    }

    @PostMapping(path = "/employees", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> create(@PathVariable String companyDomain,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody JsonNode employee) throws JsonProcessingException {
        if (!authorized(authorization)) {
            return ResponseEntity.status(401).build();
        }
        if (!employee.isObject() || employee.path("firstName").asText("").isBlank()
                || employee.path("lastName").asText("").isBlank()) {
            return ResponseEntity.badRequest().header(ERROR_HEADER, "firstName and lastName are required").build();
        }
        String fields = json.writeValueAsString(employee);
        if (fields.length() > MAX_FIELDS_LENGTH) {
            return ResponseEntity.badRequest().header(ERROR_HEADER, "the employee's fields are too long").build();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        db.sql("INSERT INTO sandbox_employee (company, fields, created_at) VALUES (?, ?, ?)")
                .params(companyDomain, fields, OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(id).toUri()).build();
    }

    @GetMapping(path = "/employees", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> list(@PathVariable String companyDomain,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!authorized(authorization)) {
            return ResponseEntity.status(401).build();
        }
        List<Map<String, Object>> employees = db.sql(
                        "SELECT id, fields FROM sandbox_employee WHERE company = ? ORDER BY id")
                .param(companyDomain)
                .query((row, number) -> employee(row.getLong("id"), row.getString("fields")))
                .list();
        return ResponseEntity.ok(Map.of("employees", employees));
    }

    @GetMapping(path = "/employees/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> show(@PathVariable String companyDomain, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!authorized(authorization)) {
            return ResponseEntity.status(401).build();
        }
        return db.sql("SELECT id, fields FROM sandbox_employee WHERE company = ? AND id = ?")
                .params(companyDomain, id)
                .query((row, number) -> employee(row.getLong("id"), row.getString("fields")))
                .optional()
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /**
     * BambooHR's custom report, as far as the bridge uses it: the requested fields of every employee (filters are
     * not applied: the sandbox holds few employees).
     */
    @PostMapping(path = "/reports/custom", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> customReport(@PathVariable String companyDomain,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody JsonNode report) {
        if (!authorized(authorization)) {
            return ResponseEntity.status(401).build();
        }
        List<String> fields = new ArrayList<>();
        report.path("fields").forEach(field -> fields.add(field.asText()));
        List<Map<String, Object>> employees = db.sql(
                        "SELECT id, fields FROM sandbox_employee WHERE company = ? ORDER BY id")
                .param(companyDomain)
                .query((row, number) -> employee(row.getLong("id"), row.getString("fields")))
                .list().stream()
                .map(employee -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", employee.get("id"));
                    fields.stream().filter(field -> !"id".equals(field))
                            .forEach(field -> row.put(field, employee.get(field)));
                    return row;
                })
                .toList();
        return ResponseEntity.ok(Map.of("title", report.path("title").asText(""), "employees", employees));
    }

    /**
     * BambooHR's list fields with a few realistic options, the same for every company domain; one option is
     * archived, as BambooHR keeps old values for history.
     */
    @GetMapping(path = "/meta/lists", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<List<Map<String, Object>>> listFields(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!authorized(authorization)) {
            return ResponseEntity.status(401).build();
        }
        return ResponseEntity.ok(List.of(
                listField("4", "Department", "department", option(18, "Engineering", false),
                        option(19, "Product", false), option(20, "Design", false),
                        option(21, "Customer Success", false),
                        option(22, "Quality Assurance", true)),
                listField("1355", "Division", "division", option(31, "North America", false),
                        option(32, "EMEA", false)),
                listField("5", "Location", "location", option(41, "Tel Aviv", false), option(42, "Jerusalem", false),
                        option(43, "Remote", false)),
                listField("17", "Job Title", "jobTitle", option(51, "Senior Backend Engineer", false),
                        option(52, "Senior Product Designer", false), option(53, "Support Engineer", false))));
    }

    @SafeVarargs
    private static Map<String, Object> listField(String fieldId, String name, String alias,
            Map<String, Object>... options) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("fieldId", fieldId);
        field.put("manageable", "yes");
        field.put("multiple", "no");
        field.put("name", name);
        field.put("alias", alias);
        field.put("options", List.of(options));
        return field;
    }

    private static Map<String, Object> option(int id, String name, boolean archived) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("id", id);
        option.put("archived", archived ? "yes" : "no");
        option.put("createdDate", "2024-01-15T09:00:00+00:00");
        option.put("archivedDate", archived ? "2026-06-30T17:00:00+00:00" : null);
        option.put("name", name);
        return option;
    }

    private Map<String, Object> employee(long id, String fields) {
        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("id", String.valueOf(id));
        try {
            employee.putAll(json.readValue(fields, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox_employee " + id + " holds invalid JSON", e);
        }
        return employee;
    }

    private boolean authorized(String authorization) {
        return authorization != null
                && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }
}
