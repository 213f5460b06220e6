package com.comeet.hirebridge;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import com.comeet.hirebridge.company.CompanyConfigurationException;
import com.comeet.hirebridge.mapping.MappingException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service refuses to start on a broken company or mapping, with a report that names what to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalTests {

    private static Throwable startWith(String... properties) {
        return startWithProfile("startup-check", properties);
    }

    private static Throwable startWithProfile(String profile, String... properties) {
        try {
            new SpringApplicationBuilder(HireBridgeApplication.class)
                    .profiles(profile)
                    .run(Stream.concat(Stream.of("server.port=0", "spring.datasource.url=jdbc:h2:mem:startup-check"),
                            Arrays.stream(properties)).map(property -> "--" + property).toArray(String[]::new))
                    .close();
            return null;
        } catch (RuntimeException e) {
            return NestedExceptionUtils.getRootCause(e) == null ? e : NestedExceptionUtils.getRootCause(e);
        }
    }

    /** A valid company acme, with some of its properties replaced. */
    private static String[] acme(String... overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hirebridge.companies.acme.secrets[0]", "acme-secret");
        properties.put("hirebridge.companies.acme.target", "bamboohr");
        properties.put("hirebridge.companies.acme.bamboohr.base-url", "https://api.bamboohr.com/api/gateway.php/acme");
        properties.put("hirebridge.companies.acme.bamboohr.api-key", "key");
        for (String override : overrides) {
            properties.put(override.substring(0, override.indexOf('=')), override.substring(override.indexOf('=') + 1));
        }
        return properties.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
    }

    @Test
    void aMappingFileWithAnErrorStopsStartupNamingFileAndLine(CapturedOutput output) {
        Throwable failure = startWith(acme("hirebridge.companies.acme.mapping=src/test/resources/mappings-broken/"
                + "unknown-key.yaml"));

        assertThat(failure).isInstanceOf(MappingException.class).hasMessage("src/test/resources/mappings-broken/"
                + "unknown-key.yaml, line 6: field 'hireDate': unknown key 'requird'; allowed: default, from, "
                + "required, type, values");
        assertThat(output.getOut() + output.getErr()).contains("Invalid mapping file: src/test/resources/"
                + "mappings-broken/unknown-key.yaml, line 6");
    }

    @Test
    void aMalformedQuestionStopsStartupNamingCompanyQuestionAndKey(CapturedOutput output) {
        Throwable failure = startWith(acme("hirebridge.companies.acme.questionnaire[0].uid=laptop",
                "hirebridge.companies.acme.questionnaire[0].type=dropdown",
                "hirebridge.companies.acme.questionnaire[0].title=Laptop"));

        assertThat(failure).isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.companies.acme.questionnaire[0] (question 'laptop') is a dropdown without "
                        + "options: set options, or options-from to read them from the HRIS");
        assertThat(output.getOut() + output.getErr()).contains("Invalid configuration: "
                + "hirebridge.companies.acme.questionnaire[0] (question 'laptop') is a dropdown without options");
    }

    @Test
    void aBlankSecretStopsStartupNamingCompanyAndKey(CapturedOutput output) {
        Throwable failure = startWith(acme("hirebridge.companies.acme.secrets[0]= "));

        assertThat(failure).isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.companies.acme.secrets[0] is blank: an empty key would let anyone sign a hire");
        assertThat(output.getOut() + output.getErr()).contains("Invalid configuration: "
                + "hirebridge.companies.acme.secrets[0] is blank");
    }

    @Test
    void anUnknownTargetOrANonHttpBaseUrlStopsStartup() {
        assertThat(startWith(acme("hirebridge.companies.acme.target=sap")))
                .hasMessage("hirebridge.companies.acme.target names an unknown target 'sap': one of bamboohr, "
                        + "workday");
        assertThat(startWith(acme("hirebridge.companies.acme.target=workday")))
                .hasMessage("hirebridge.companies.acme.workday is missing: set endpoint, username and password for "
                        + "target workday");
        assertThat(startWith(acme("hirebridge.companies.acme.bamboohr.base-url=api.bamboohr.com/acme")))
                .hasMessage("hirebridge.companies.acme.bamboohr.base-url is not an http(s) URL with a host and no "
                        + "query: 'api.bamboohr.com/acme'");
    }

    @Test
    void theSandboxRefusesToRunUnderAProductionProfile(CapturedOutput output) {
        Throwable failure = startWithProfile("Prod-EU", "hirebridge.sandbox.enabled=true",
                "hirebridge.sandbox.api-key=k");

        assertThat(failure).isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.sandbox.enabled is true under the profile 'Prod-EU': the BambooHR sandbox is "
                        + "for demos and tests only; remove it from the production configuration");
        assertThat(output.getOut() + output.getErr()).contains("Invalid configuration: hirebridge.sandbox.enabled");
    }

    @Test
    void aLedgerOrRetrySettingThatCannotWorkStopsStartupNamingTheKey(CapturedOutput output) {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("hirebridge.ledger.retention=0s", "hirebridge.ledger.retention is not a positive duration: how "
                + "long payloads and files are kept, such as 30d");
        refusals.put("hirebridge.ledger.retention=-1d", refusals.get("hirebridge.ledger.retention=0s"));
        refusals.put("hirebridge.ledger.wait-for-outcome=-5s", "hirebridge.ledger.wait-for-outcome is negative: how "
                + "long a concurrent delivery waits, such as 5s (0 answers 409 at once)");
        refusals.put("hirebridge.retries.budget=-1s", "hirebridge.retries.budget is negative: how long a request may "
                + "retry the HRIS, such as 8s (0 never retries)");
        refusals.put("hirebridge.retries.first-delay=0ms", "hirebridge.retries.first-delay is not a positive "
                + "duration: the wait before the first retry, such as 250ms");
        refusals.put("hirebridge.retries.max-delay=100ms", "hirebridge.retries.max-delay is shorter than "
                + "hirebridge.retries.first-delay: the longest wait between two retries, such as 4s");
        refusals.put("hirebridge.ledger.creation-lease=0s", "hirebridge.ledger.creation-lease must be longer than "
                + "hirebridge.retries.budget plus camel.component.http.response-timeout (18000 ms): a shorter lease "
                + "lets another delivery create the employee a second time");
        // The default lease, 30 s, against the budget of 8 s and a response timeout raised to 25 s.
        refusals.put("camel.component.http.response-timeout=25000", refusals.get("hirebridge.ledger.creation-lease=0s")
                .replace("18000 ms", "33000 ms"));

        refusals.forEach((setting, message) -> assertThat(startWith(acme(setting))).as(setting)
                .isInstanceOf(CompanyConfigurationException.class).hasMessage(message));
        assertThat(output.getOut() + output.getErr()).contains("Invalid configuration: "
                + "hirebridge.ledger.creation-lease must be longer", "Correct hirebridge.ledger.creation-lease in "
                + "application.yaml");
    }

    @Test
    void aMisspeltKeyStopsStartupWithoutPrintingItsValue(CapturedOutput output) {
        Throwable failure = startWith(acme("hirebridge.companies.acme.secret=misplaced-secret-value"));

        assertThat(failure).isInstanceOf(UnboundConfigurationPropertiesException.class);
        assertThat(output.getOut() + output.getErr()).contains("Unknown configuration keys:",
                "hirebridge.companies.acme.secret").doesNotContain("misplaced-secret-value");
    }
}
