package com.comeet.hirebridge.ledger;

import java.util.Locale;

/**
 * Where a hire stands. {@code UNKNOWN}: the HRIS was asked and its answer lost, so the employee may exist.
 */
public enum HireStatus {
    RECEIVED, CREATING, CREATED, FAILED, UNKNOWN;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status as a sentence to a person says it: "This hire is being created". */
    public String inWords() {
        return this == CREATING ? "being created" : column();
    }

    static HireStatus of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
