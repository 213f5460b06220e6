package com.comeet.hirebridge.questionnaire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;

import com.comeet.hirebridge.company.HireBridgeProperties;

/** The service's settings from YAML as an operator writes it, bound as the service binds application.yaml. */
final class OperatorYaml {

    private OperatorYaml() {
    }

    /**
     * Company acme on BambooHR at this base URL, with these questions (YAML list items, unindented), then any
     * further {@code hirebridge} settings (indented as under {@code hirebridge:}).
     */
    static HireBridgeProperties acme(String baseUrl, String questions, String settings) {
        return bind("""
                hirebridge:
                  companies:
                    acme:
                      secrets: [acme-secret]
                      target: bamboohr
                      bamboohr:
                        base-url: %s
                        api-key: acme-key
                """.formatted(baseUrl) + (questions.isEmpty() ? "" : "      questionnaire:\n" + questions.indent(8))
                + settings);
    }

    static HireBridgeProperties bind(String yaml) {
        try {
            var sources = new YamlPropertySourceLoader().load("operator.yaml",
                    new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("hirebridge", Bindable.of(HireBridgeProperties.class)).get();
        } catch (IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
    }
}
