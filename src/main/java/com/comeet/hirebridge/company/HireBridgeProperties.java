package com.comeet.hirebridge.company;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The operator's configuration under {@code hirebridge.*}, exactly as written in {@code application.yaml}.
 * Nothing here is trusted until {@link CompanyDirectory} has validated it.
 */
@ConfigurationProperties(prefix = "hirebridge", ignoreUnknownFields = false)
public record HireBridgeProperties(
        Map<String, CompanyProperties> companies,
        @DefaultValue("mappings") String mappingsDir,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Ledger ledger,
        @DefaultValue Retries retries,
        @DefaultValue Admin admin) {

    public HireBridgeProperties {
        companies = companies == null ? Map.of() : companies;
    }

    /** One company, keyed by the segment Comeet's URLs carry. */
    public record CompanyProperties(
            List<String> secrets,
            String target,
            String mapping,
            BambooHrProperties bamboohr) {
    }

    /**
     * The hire ledger.
     *
     * @param retention      how long a hire's payload is kept; the row itself stays
     * @param creationLease  how long a delivery holds a hire it is creating; after that (a crash) another may
     *                       take it over, looking the employee up in the HRIS first
     * @param waitForOutcome how long a concurrent delivery of the same hire waits for the first one's outcome
     */
    public record Ledger(
            @DefaultValue("30d") Duration retention,
            @DefaultValue("30s") Duration creationLease,
            @DefaultValue("5s") Duration waitForOutcome) {
    }

    /**
     * Retries of a transient HRIS failure inside one request: exponential backoff with jitter, never sooner than
     * the HRIS's {@code Retry-After}, and never past the budget.
     */
    public record Retries(
            @DefaultValue("8s") Duration budget,
            @DefaultValue("250ms") Duration firstDelay,
            @DefaultValue("4s") Duration maxDelay) {
    }

    /**
     * The operator API's credential, checked as HTTP Basic on {@code /admin/**}. With no password the API answers
     * 401 to everything: it is never open.
     */
    public record Admin(@DefaultValue("admin") String username, String password) {

        public boolean configured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }

        @Override
        public String toString() {
            return "Admin[username=" + username + ", password=***]";
        }
    }

    /** The built-in BambooHR sandbox (demo profile only). */
    public record Sandbox(boolean enabled, String apiKey) {

        @Override
        public String toString() {
            return "Sandbox[enabled=" + enabled + ", apiKey=***]";
        }
    }

    /** The company's BambooHR account. */
    public record BambooHrProperties(String baseUrl, String apiKey) {
    }
}
