package com.comeet.hirebridge.company;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.HireBridgeProperties.BambooHrProperties;
import com.comeet.hirebridge.company.HireBridgeProperties.CompanyProperties;
import com.comeet.hirebridge.company.HireBridgeProperties.WorkdayProperties;

/**
 * The configured companies, validated once at start-up: the service refuses to start on a missing or malformed
 * value, naming the company and the key.
 */
@Component
public class CompanyDirectory {

    private static final Logger log = LoggerFactory.getLogger(CompanyDirectory.class);
    private static final Pattern WORKDAY_VERSION = Pattern.compile("v\\d+(\\.\\d+)?");
    private static final Pattern COMPANY_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private final Map<String, Company> companies;

    public CompanyDirectory(HireBridgeProperties properties) {
        Map<String, Company> validated = new LinkedHashMap<>();
        properties.companies().forEach((name, company) ->
                validated.put(name, validate(name, company, properties.mappingsDir())));
        this.companies = Map.copyOf(validated);
        if (companies.isEmpty()) {
            log.warn("No company is configured under hirebridge.companies: every webhook will answer 404");
        } else {
            log.info("Serving companies: {}", all().stream().map(company -> company.name() + " ("
                    + company.target().id() + ")").collect(Collectors.joining(", ")));
        }
    }

    public Optional<Company> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(companies.get(name));
    }

    public List<Company> all() {
        return companies.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    private static Company validate(String name, CompanyProperties company, String mappingsDir) {
        String prefix = "hirebridge.companies." + name;
        if (!COMPANY_NAME.matcher(name).matches()) {
            throw new CompanyConfigurationException(prefix,
                    "is not a valid company name: use lower-case letters, digits, '-' and '_' (it is a URL segment)");
        }
        if (company == null) {
            throw new CompanyConfigurationException(prefix, "is empty: set secrets, target and the target's account");
        }
        List<byte[]> secrets = secrets(prefix, company.secrets());
        Target target = target(prefix, company.target());
        Path mapping = company.mapping() == null || company.mapping().isBlank()
                ? Path.of(mappingsDir, target.defaultMappingFile())
                : Path.of(company.mapping().trim());
        Company.BambooHrAccount bamboohr = target == Target.BAMBOOHR ? bamboohr(prefix, company.bamboohr()) : null;
        Company.WorkdayAccount workday = target == Target.WORKDAY ? workday(prefix, company.workday()) : null;
        return new Company(name, secrets, target, mapping, bamboohr, workday);
    }

    private static List<byte[]> secrets(String prefix, List<String> configured) {
        if (configured == null || configured.isEmpty()) {
            throw new CompanyConfigurationException(prefix + ".secrets",
                    "is missing: list the Secret Key shown on Comeet's Integrations page");
        }
        List<byte[]> secrets = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            String secret = configured.get(i);
            if (secret == null || secret.isBlank()) {
                throw new CompanyConfigurationException(prefix + ".secrets[" + i + "]",
                        "is blank: an empty key would let anyone sign a hire");
            }
            refuseUnresolved(prefix + ".secrets[" + i + "]", secret);
            secrets.add(secret.getBytes(StandardCharsets.UTF_8));
        }
        return List.copyOf(secrets);
    }

    private static Target target(String prefix, String configured) {
        if (configured == null || configured.isBlank()) {
            throw new CompanyConfigurationException(prefix + ".target", "is missing: one of " + Target.known());
        }
        return Target.byId(configured).orElseThrow(() -> new CompanyConfigurationException(prefix + ".target",
                "names an unknown target '" + configured.trim() + "': one of " + Target.known()));
    }

    private static Company.BambooHrAccount bamboohr(String prefix, BambooHrProperties bamboohr) {
        if (bamboohr == null) {
            throw new CompanyConfigurationException(prefix + ".bamboohr",
                    "is missing: set base-url and api-key for target bamboohr");
        }
        URI baseUrl = httpUrl(prefix + ".bamboohr.base-url", bamboohr.baseUrl());
        if (bamboohr.apiKey() == null || bamboohr.apiKey().isBlank()) {
            throw new CompanyConfigurationException(prefix + ".bamboohr.api-key", "is missing or blank");
        }
        refuseUnresolved(prefix + ".bamboohr.api-key", bamboohr.apiKey());
        if (bamboohr.fileCategory() != null && bamboohr.fileCategory() < 0) {
            throw new CompanyConfigurationException(prefix + ".bamboohr.file-category",
                    "is negative: the id of a BambooHR employee file section");
        }
        return new Company.BambooHrAccount(baseUrl, bamboohr.apiKey().trim(), bamboohr.fileCategory());
    }

    private static Company.WorkdayAccount workday(String prefix, WorkdayProperties workday) {
        if (workday == null) {
            throw new CompanyConfigurationException(prefix + ".workday",
                    "is missing: set endpoint, username and password for target workday");
        }
        URI endpoint = httpUrl(prefix + ".workday.endpoint", workday.endpoint());
        String path = endpoint.getPath().replaceAll("/+$", "");
        Matcher version = WORKDAY_VERSION.matcher(path.substring(path.lastIndexOf('/') + 1));
        if (!version.matches()) {
            throw new CompanyConfigurationException(prefix + ".workday.endpoint", "does not end with the Staffing "
                    + "service's version, as in https://<host>/ccx/service/<tenant>/Staffing/v26.1");
        }
        if (workday.username() == null || workday.username().isBlank()) {
            throw new CompanyConfigurationException(prefix + ".workday.username",
                    "is missing: the integration system user, as user@tenant");
        }
        refuseUnresolved(prefix + ".workday.username", workday.username());
        if (workday.password() == null || workday.password().isBlank()) {
            throw new CompanyConfigurationException(prefix + ".workday.password", "is missing or blank");
        }
        refuseUnresolved(prefix + ".workday.password", workday.password());
        return new Company.WorkdayAccount(endpoint, version.group(), workday.username().trim(), workday.password(),
                workday.autoComplete());
    }

    /** A {@code ${VARIABLE}} left as text means the environment variable is not set: never use it as a secret. */
    private static void refuseUnresolved(String key, String value) {
        int start = value.indexOf("${");
        if (start >= 0 && value.indexOf('}', start) > start) {
            throw new CompanyConfigurationException(key, "refers to " + value.substring(start, value.indexOf('}',
                    start) + 1) + ", which is not set: set that environment variable");
        }
    }

    private static URI httpUrl(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new CompanyConfigurationException(key, "is missing: an http(s) URL");
        }
        refuseUnresolved(key, value);
        try {
            URI uri = new URI(value.trim());
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new CompanyConfigurationException(key,
                        "is not an http(s) URL with a host and no query: '" + value.trim() + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CompanyConfigurationException(key, "is not a valid URL: " + e.getReason());
        }
    }
}
