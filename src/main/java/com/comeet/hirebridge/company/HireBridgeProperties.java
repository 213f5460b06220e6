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
        @DefaultValue Admin admin,
        @DefaultValue Files files,
        @DefaultValue Questionnaire questionnaire) {

    public HireBridgeProperties {
        companies = companies == null ? Map.of() : companies;
    }

    /** One company, keyed by the segment Comeet's URLs carry. */
    public record CompanyProperties(
            List<String> secrets,
            String target,
            String mapping,
            BambooHrProperties bamboohr,
            WorkdayProperties workday,
            List<QuestionProperties> questionnaire) {
    }

    /**
     * One extra question of the company's Hire form, as written; {@code QuestionnaireDirectory} validates it.
     *
     * @param optionsFrom the HRIS list field whose active options the question offers
     * @param when        payload path to the value, or values, the candidate must have for the question to be asked
     */
    public record QuestionProperties(
            String uid,
            String type,
            String title,
            Boolean required,
            String optionsFrom,
            List<OptionProperties> options,
            Map<String, Object> when) {
    }

    /** One fixed choice of a dropdown question. */
    public record OptionProperties(String uid, String title) {
    }

    /**
     * What the questionnaire webhook shares across companies.
     *
     * @param template       the file the answer to Comeet is rendered from
     * @param optionsRefresh how often the HRIS option lists are read again in the background
     */
    public record Questionnaire(
            @DefaultValue("mappings/comeet-hire-questionnaire.mustache") String template,
            @DefaultValue("10m") Duration optionsRefresh) {
    }

    /**
     * The hire ledger.
     *
     * @param retention      how long a hire's payload and downloaded files are kept; the rows stay
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

    /**
     * The candidate's files (résumé, picture, offer letters), downloaded from Comeet's storage as soon as a hire
     * is verified, because their links expire within minutes.
     *
     * @param allowedHosts       the only hosts files are downloaded from: exact host names, or {@code *.suffix}
     *                           for any host under that suffix
     * @param maxSize            a larger file is not downloaded
     * @param timeout            the longest one download may take, connection and body included
     * @param trustStore         a trust store (PKCS12 or JKS) for a storage signed by a private CA; unset means
     *                           the JDK's default CAs
     * @param trustStorePassword the trust store's password
     */
    public record Files(
            @DefaultValue({"*.comeet.co", "*.comeet.com"}) List<String> allowedHosts,
            @DefaultValue("20MB") DataSize maxSize,
            @DefaultValue("10s") Duration timeout,
            String trustStore,
            String trustStorePassword) {

        @Override
        public String toString() {
            return "Files[allowedHosts=" + allowedHosts + ", maxSize=" + maxSize + ", timeout=" + timeout
                    + ", trustStore=" + trustStore + ", trustStorePassword=***]";
        }
    }

    /** The built-in BambooHR sandbox (demo profile only). */
    public record Sandbox(boolean enabled, String apiKey) {

        @Override
        public String toString() {
            return "Sandbox[enabled=" + enabled + ", apiKey=***]";
        }
    }

    /**
     * The company's BambooHR account.
     *
     * @param fileCategory the employee file section the candidate's files are uploaded into; unset means the files
     *                     are kept by the bridge and not uploaded
     */
    public record BambooHrProperties(String baseUrl, String apiKey, Integer fileCategory) {
    }

    /**
     * The company's Workday tenant, reached through the Staffing web service.
     *
     * @param endpoint     the Staffing service URL, ending with its version: {@code .../Staffing/v26.1}
     * @param username     the integration system user, {@code user@tenant}
     * @param password     that user's password
     * @param autoComplete whether Workday completes the hire at once, skipping its approvals
     */
    public record WorkdayProperties(String endpoint, String username, String password, boolean autoComplete) {

        @Override
        public String toString() {
            return "WorkdayProperties[endpoint=" + endpoint + ", username=" + username + ", password=***, "
                    + "autoComplete=" + autoComplete + "]";
        }
    }
}
