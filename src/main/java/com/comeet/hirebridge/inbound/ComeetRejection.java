package com.comeet.hirebridge.inbound;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that ends in an error answer to Comeet. {@code displayMessage} is written for the recruiter;
 * {@code details} are shown to them under "Technical details"; {@code reason} is a short code for logs.
 */
public class ComeetRejection extends RuntimeException {

    private final int status;
    private final String reason;
    private final String displayMessage;
    private final Map<String, Object> details;

    public ComeetRejection(int status, String reason, String displayMessage) {
        this(status, reason, displayMessage, Map.of());
    }

    public ComeetRejection(int status, String reason, String displayMessage, Map<String, Object> details) {
        super(reason, null, false, false);
        this.status = status;
        this.reason = reason;
        this.displayMessage = displayMessage;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
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
