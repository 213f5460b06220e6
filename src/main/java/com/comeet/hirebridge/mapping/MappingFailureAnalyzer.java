package com.comeet.hirebridge.mapping;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a mapping file error into Spring Boot's short "APPLICATION FAILED TO START" report.
 */
class MappingFailureAnalyzer extends AbstractFailureAnalyzer<MappingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MappingException cause) {
        return new FailureAnalysis("Invalid mapping file: " + cause.getMessage(),
                "Correct the mapping file; its format is described in docs/configuration.md.", cause);
    }
}
