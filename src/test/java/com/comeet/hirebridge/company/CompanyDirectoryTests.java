package com.comeet.hirebridge.company;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.comeet.hirebridge.company.HireBridgeProperties.BambooHrProperties;
import com.comeet.hirebridge.company.HireBridgeProperties.CompanyProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A company's configuration is refused, naming the company and the key, whenever a required value is missing or
 * malformed; a valid one is read exactly.
 */
class CompanyDirectoryTests {

    private static final BambooHrProperties ACCOUNT =
            new BambooHrProperties("https://api.bamboohr.com/api/gateway.php/acme", "key-123", null);

    private static CompanyDirectory directory(String name, CompanyProperties company) {
        Map<String, CompanyProperties> companies = new HashMap<>();
        companies.put(name, company);
        return new CompanyDirectory(new HireBridgeProperties(companies, "mappings", DataSize.ofMegabytes(1),
                new HireBridgeProperties.Sandbox(false, null), new HireBridgeProperties.Ledger(Duration.ofDays(30),
                Duration.ofSeconds(30), Duration.ofSeconds(5)), new HireBridgeProperties.Retries(Duration.ofSeconds(8),
                Duration.ofMillis(250), Duration.ofSeconds(4)), new HireBridgeProperties.Admin("admin", null),
                new HireBridgeProperties.Files(List.of("*.comeet.co", "*.comeet.com"), DataSize.ofMegabytes(20),
                Duration.ofSeconds(10), null, null), new HireBridgeProperties.Questionnaire(
                "mappings/comeet-hire-questionnaire.mustache", Duration.ofMinutes(10))));
    }

    @Test
    void readsAValidCompanyWithTheDefaultMapping() {
        Company acme = directory("acme", new CompanyProperties(List.of("s3cret", "old-s3cret"), "BambooHR ", null,
                ACCOUNT, null)).find("acme").orElseThrow();

        assertThat(acme.target()).isEqualTo(Target.BAMBOOHR);
        assertThat(acme.mapping()).isEqualTo(Path.of("mappings/bamboohr-create-employee.yaml"));
        assertThat(acme.secrets()).satisfiesExactly(
                first -> assertThat(first).isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8)),
                second -> assertThat(second).isEqualTo("old-s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(acme.bamboohr().employeesUrl())
                .isEqualTo("https://api.bamboohr.com/api/gateway.php/acme/v1/employees");
        assertThat(acme.toString()).doesNotContain("s3cret").doesNotContain("key-123");
    }

    @Test
    void findsNoCompanyForAnUnknownOrMissingName() {
        CompanyDirectory directory = directory("acme", new CompanyProperties(List.of("s"), "bamboohr", null, ACCOUNT, null));

        assertThat(directory.find("globex")).isEmpty();
        assertThat(directory.find("ACME")).isEmpty();
        assertThat(directory.find(null)).isEmpty();
    }

    @Test
    void refusesABlankSecretNamingItsPosition() {
        assertThatThrownBy(() -> directory("acme",
                new CompanyProperties(Arrays.asList("good", " "), "bamboohr", null, ACCOUNT, null)))
                .isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.companies.acme.secrets[1] is blank: an empty key would let anyone sign a hire");
    }

    @Test
    void refusesMissingSecrets() {
        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of(), "bamboohr", null, ACCOUNT, null)))
                .hasMessage("hirebridge.companies.acme.secrets is missing: list the Secret Key shown on Comeet's "
                        + "Integrations page");
    }

    @Test
    void refusesAnUnknownTarget() {
        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("s"), "sap", null, ACCOUNT, null)))
                .hasMessage("hirebridge.companies.acme.target names an unknown target 'sap': one of bamboohr");
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        BambooHrProperties ftp = new BambooHrProperties("ftp://api.bamboohr.com/acme", "key", null);

        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("s"), "bamboohr", null, ftp, null)))
                .isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.companies.acme.bamboohr.base-url is not an http(s) URL with a host and no "
                        + "query: 'ftp://api.bamboohr.com/acme'");
    }

    @Test
    void refusesAMissingApiKeyWithoutPrintingAnything() {
        BambooHrProperties noKey = new BambooHrProperties("https://api.bamboohr.com/api/gateway.php/acme", "", null);

        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("s"), "bamboohr", null, noKey, null)))
                .hasMessage("hirebridge.companies.acme.bamboohr.api-key is missing or blank");
    }

    @Test
    void refusesACompanyNameThatCannotBeAUrlSegment() {
        assertThatThrownBy(() -> directory("Acme Corp", new CompanyProperties(List.of("s"), "bamboohr", null,
                ACCOUNT, null)))
                .hasMessage("hirebridge.companies.Acme Corp is not a valid company name: use lower-case letters, "
                        + "digits, '-' and '_' (it is a URL segment)");
    }

    @Test
    void refusesASecretOrApiKeyWhoseEnvironmentVariableIsNotSet() {
        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("${ACME_COMEET_SECRET}"), "bamboohr",
                null, ACCOUNT, null)))
                .hasMessage("hirebridge.companies.acme.secrets[0] refers to ${ACME_COMEET_SECRET}, which is not set: "
                        + "set that environment variable");
        BambooHrProperties unsetKey = new BambooHrProperties("https://api.bamboohr.com/api/gateway.php/acme",
                "${ACME_BAMBOOHR_API_KEY}", null);
        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("s"), "bamboohr", null, unsetKey, null)))
                .hasMessage("hirebridge.companies.acme.bamboohr.api-key refers to ${ACME_BAMBOOHR_API_KEY}, which is "
                        + "not set: set that environment variable");
    }
}
