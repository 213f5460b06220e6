package com.comeet.hirebridge.inbound;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that ends in an error answer to Comeet. {@code displayMessage} is written for the recruiter;
 * {@code details} are shown to them under "Technical details"; {@code reason} is a short code for logs.
 * {@link #hireMayExist()} marks an HRIS answer that does not confirm the hire but may mean it was created.
 */
public class ComeetRejection extends RuntimeException {

    private final int status;
    private final String reason;
    private final String displayMessage;
    private final Map<String, Object> details;
    private final boolean hireMayExist;

    public ComeetRejection(int status, String reason, String displayMessage) {
        this(status, reason, displayMessage, Map.of());
    }

    public ComeetRejection(int status, String reason, String displayMessage, Map<String, Object> details) {
        this(status, reason, displayMessage, details, false);
    }

    private ComeetRejection(int status, String reason, String displayMessage, Map<String, Object> details,
            boolean hireMayExist) {
        super(reason, null, false, false);
        this.status = status;
        this.reason = reason;
        this.displayMessage = displayMessage;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.hireMayExist = hireMayExist;
    }

    /**
     * The same rejection, for an HRIS answer that does not confirm the hire but may mean the HRIS created it (a
     * success without the employee's id or event): the ledger records the hire {@code unknown}, and the next
     * delivery looks the employee up before creating one.
     */
    public ComeetRejection hireMayExist() {
        return new ComeetRejection(status, reason, displayMessage, details, true);
    }

    /** Whether the HRIS may have created the employee despite this answer. */
    public boolean mayHaveCreatedHire() {
        return hireMayExist;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String displayMessage() {
        return displayMessage;
    }

    public Map<String, Object> details() {
        return details;
    }
}
