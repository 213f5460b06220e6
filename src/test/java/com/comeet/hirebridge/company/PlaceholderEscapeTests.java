package com.comeet.hirebridge.company;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a secret from the environment that holds {@code ${} reaches the bridge: Spring resolves placeholders inside
 * environment values, and {@code \${} (Spring Framework 6.2's escape) keeps it literal, as the README says.
 */
class PlaceholderEscapeTests {

    @Test
    void anEscapedPlaceholderInAnEnvironmentValueArrivesLiterally() {
        assertThat(bound("pa\\${ss}word")).isEqualTo("pa${ss}word");
        assertThat(bound("\\${ACME_OTHER}")).isEqualTo("${ACME_OTHER}");
    }

    @Test
    void anUnescapedPlaceholderIsResolvedOrLeftAsItIs() {
        // Another variable's value replaces it: the secret silently changes.
        assertThat(bound("pa${ACME_OTHER}word")).isEqualTo("paXword");
        // Nothing to resolve: it stays, and the bridge refuses to start on a secret still holding ${.
        assertThat(bound("pa${ss}word")).isEqualTo("pa${ss}word");
    }

    /** The value of ACME_WORKDAY_PASSWORD as application.yaml's {@code password: ${ACME_WORKDAY_PASSWORD}} reads it. */
    private static String bound(String environmentValue) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("ACME_WORKDAY_PASSWORD", environmentValue, "ACME_OTHER", "X")));
        environment.getPropertySources().addLast(new MapPropertySource("yaml",
                Map.of("hirebridge.password", "${ACME_WORKDAY_PASSWORD}")));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind("hirebridge.password", String.class).get();
    }
}
