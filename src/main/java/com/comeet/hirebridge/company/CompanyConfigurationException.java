package com.comeet.hirebridge.company;

/**
 * A setting (a company's, the sandbox's, the ledger's) is missing or malformed. The message names the full property
 * key and never its value.
 */
public class CompanyConfigurationException extends RuntimeException {

    private final String key;

    public CompanyConfigurationException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
