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
import com.comeet.hirebridge.company.HireBridgeProperties.WorkdayProperties;

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
                ACCOUNT, null, null)).find("acme").orElseThrow();

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
        CompanyDirectory directory = directory("acme", new CompanyProperties(List.of("s"), "bamboohr", null, ACCOUNT,
                null, null));

        assertThat(directory.find("globex")).isEmpty();
        assertThat(directory.find("ACME")).isEmpty();
        assertThat(directory.find(null)).isEmpty();
    }

    @Test
    void refusesABlankSecretNamingItsPosition() {
        assertThatThrownBy(() -> directory("acme",
                new CompanyProperties(Arrays.asList("good", " "), "bamboohr", null, ACCOUNT, null, null)))
                .isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.companies.acme.secrets[1] is blank: an empty key would let anyone sign a hire");
    }

    @Test
    void refusesMissingSecrets() {
        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of(), "bamboohr", null, ACCOUNT, null, null)))
                .hasMessage("hirebridge.companies.acme.secrets is missing: list the Secret Key shown on Comeet's "
                        + "Integrations page");
    }

    @Test
    void refusesAnUnknownTarget() {
        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("s"), "sap", null, ACCOUNT, null, null)))
                .hasMessage("hirebridge.companies.acme.target names an unknown target 'sap': one of bamboohr, "
                        + "workday");
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        BambooHrProperties ftp = new BambooHrProperties("ftp://api.bamboohr.com/acme", "key", null);

        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("s"), "bamboohr", null, ftp, null, null)))
                .isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.companies.acme.bamboohr.base-url is not an http(s) URL with a host and no "
                        + "query: 'ftp://api.bamboohr.com/acme'");
    }

    @Test
    void refusesAMissingApiKeyWithoutPrintingAnything() {
        BambooHrProperties noKey = new BambooHrProperties("https://api.bamboohr.com/api/gateway.php/acme", "", null);

        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("s"), "bamboohr", null, noKey, null, null)))
                .hasMessage("hirebridge.companies.acme.bamboohr.api-key is missing or blank");
    }

    @Test
    void refusesACompanyNameThatCannotBeAUrlSegment() {
        assertThatThrownBy(() -> directory("Acme Corp", new CompanyProperties(List.of("s"), "bamboohr", null,
                ACCOUNT, null, null)))
                .hasMessage("hirebridge.companies.Acme Corp is not a valid company name: use lower-case letters, "
                        + "digits, '-' and '_' (it is a URL segment)");
    }

    @Test
    void refusesASecretOrApiKeyWhoseEnvironmentVariableIsNotSet() {
        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("${ACME_COMEET_SECRET}"), "bamboohr",
                null, ACCOUNT, null, null)))
                .hasMessage("hirebridge.companies.acme.secrets[0] refers to ${ACME_COMEET_SECRET}, which is not set: "
                        + "set that environment variable");
        BambooHrProperties unsetKey = new BambooHrProperties("https://api.bamboohr.com/api/gateway.php/acme",
                "${ACME_BAMBOOHR_API_KEY}", null);
        assertThatThrownBy(() -> directory("acme", new CompanyProperties(List.of("s"), "bamboohr", null, unsetKey,
                null, null)))
                .hasMessage("hirebridge.companies.acme.bamboohr.api-key refers to ${ACME_BAMBOOHR_API_KEY}, which is "
                        + "not set: set that environment variable");
    }

    @Test
    void readsAWorkdayCompanyWithItsDefaultMappingAndTheVersionOfItsEndpoint() {
        Company initech = directory("initech", workday(new WorkdayProperties(
                "https://wd2-impl-services1.workday.com/ccx/service/initech/Staffing/v26.1/", "isu_hire@initech",
                "Wd&<pass>", true))).find("initech").orElseThrow();

        assertThat(initech.target()).isEqualTo(Target.WORKDAY);
        assertThat(initech.mapping()).isEqualTo(Path.of("mappings/workday-hire-employee.yaml"));
        assertThat(initech.bamboohr()).isNull();
        assertThat(initech.workday().version()).isEqualTo("v26.1");
        assertThat(initech.workday().username()).isEqualTo("isu_hire@initech");
        assertThat(initech.workday().password()).isEqualTo("Wd&<pass>");
        assertThat(initech.workday().autoComplete()).isTrue();
        assertThat(initech.toString()).isEqualTo("Company[name=initech, secrets=1 configured, target=workday, "
                + "mapping=mappings/workday-hire-employee.yaml, bamboohr=null, workday=WorkdayAccount[endpoint="
                + "https://wd2-impl-services1.workday.com/ccx/service/initech/Staffing/v26.1/, version=v26.1, "
                + "username=isu_hire@initech, password=***, autoComplete=true]]");
        assertThat(new WorkdayProperties("https://x", "u", "Wd&<pass>", false).toString()).doesNotContain("Wd&");
    }

    @Test
    void refusesAWorkdayCompanyWithoutItsAccount() {
        assertThatThrownBy(() -> directory("initech", workday(null)))
                .hasMessage("hirebridge.companies.initech.workday is missing: set endpoint, username and password "
                        + "for target workday");
    }

    @Test
    void refusesABlankOrUnsetWorkdayPasswordWithoutPrintingIt() {
        String endpoint = "https://wd2-impl-services1.workday.com/ccx/service/initech/Staffing/v26.1";

        assertThatThrownBy(() -> directory("initech", workday(new WorkdayProperties(endpoint, "isu_hire@initech",
                " ", false))))
                .isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.companies.initech.workday.password is missing or blank");
        assertThatThrownBy(() -> directory("initech", workday(new WorkdayProperties(endpoint, "isu_hire@initech",
                "${INITECH_WORKDAY_PASSWORD}", false))))
                .hasMessage("hirebridge.companies.initech.workday.password refers to ${INITECH_WORKDAY_PASSWORD}, "
                        + "which is not set: set that environment variable");
        assertThatThrownBy(() -> directory("initech", workday(new WorkdayProperties(endpoint, "", "p", false))))
                .hasMessage("hirebridge.companies.initech.workday.username is missing: the integration system user, "
                        + "as user@tenant");
    }

    @Test
    void refusesAWorkdayEndpointWithoutTheStaffingVersion() {
        assertThatThrownBy(() -> directory("initech", workday(new WorkdayProperties(
                "https://wd2-impl-services1.workday.com/ccx/service/initech/Staffing", "isu_hire@initech", "p",
                false))))
                .hasMessage("hirebridge.companies.initech.workday.endpoint does not end with the Staffing service's "
                        + "version, as in https://<host>/ccx/service/<tenant>/Staffing/v26.1");
        assertThatThrownBy(() -> directory("initech", workday(new WorkdayProperties("ftp://wd2/Staffing/v26.1",
                "isu_hire@initech", "p", false))))
                .hasMessage("hirebridge.companies.initech.workday.endpoint is not an http(s) URL with a host and no "
                        + "query: 'ftp://wd2/Staffing/v26.1'");
    }

    private static CompanyProperties workday(WorkdayProperties account) {
        return new CompanyProperties(List.of("s"), "workday", null, null, account, null);
    }
}
