package com.comeet.hirebridge.company;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a configuration error (a company, the sandbox) into Spring Boot's short "APPLICATION FAILED TO START" report.
 */
class CompanyConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CompanyConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CompanyConfigurationException cause) {
        return new FailureAnalysis("Invalid configuration: " + cause.getMessage(),
                "Correct " + cause.key() + " in application.yaml (or the environment variable it reads).", cause);
    }
}
