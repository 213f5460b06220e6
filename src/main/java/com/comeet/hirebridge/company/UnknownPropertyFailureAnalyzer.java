package com.comeet.hirebridge.company;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * A misspelt key under {@code hirebridge} stops start-up, named with where it was written but never with its
 * value: a mistyped {@code secret:} holds a secret. Runs before Spring Boot's own report, which prints values.
 */
class UnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException>
        implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        String keys = cause.getUnboundProperties().stream()
                .map(property -> property.getName() + origin(property))
                .sorted()
                .collect(Collectors.joining("\n    ", "\n    ", ""));
        return new FailureAnalysis("Unknown configuration keys:" + keys,
                "Correct or remove these keys; docs/configuration.md lists every key.", cause);
    }

    private static String origin(ConfigurationProperty property) {
        return property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
