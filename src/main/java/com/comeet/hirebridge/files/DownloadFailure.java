package com.comeet.hirebridge.files;

/**
 * Why a file was not downloaded: the reason {@link FileDownloader} records in {@code hire_file.error}, and what the
 * operator is told about it. The links are dead by the time an operator looks, so every answer ends in the same
 * advice; what comes before it says what to fix, if anything.
 */
public enum DownloadFailure {
    // Matched on the start of the recorded reason, in this order: a 4xx before any other status.
    EXPIRED("storage answered HTTP 4", "Comeet's storage refused the link (HTTP 4xx): it had expired or was "
            + "not valid."),
    STORAGE_FAILED("storage answered HTTP", "Comeet's storage failed to serve it."),
    NOT_A_URL("not a valid URL", "Its link is not a valid address."),
    NOT_HTTPS("not an https URL", "Its link is not an https address; files are fetched over https only."),
    HOST_NOT_ALLOWED("host not allowed", "Its link is on a host missing from hirebridge.files.allowed-hosts; if "
            + "that host is Comeet's storage, add it there for the next hires."),
    REDIRECT_TO_ANOTHER_HOST("redirect to another host", "Comeet's storage redirected it to another host, which "
            + "the bridge never follows."),
    REDIRECT_WITHOUT_LOCATION("redirect without a usable Location", "Comeet's storage redirected it without a "
            + "usable address."),
    TOO_MANY_REDIRECTS("too many redirects", "Comeet's storage redirected it more than " + FileDownloader.MAX_REDIRECTS
            + " times."),
    TOO_LARGE("larger than max-size", "It is larger than hirebridge.files.max-size."),
    TIMED_OUT("timed out", "Its download took longer than hirebridge.files.timeout."),
    TLS_FAILED("TLS failed", "The TLS connection to its storage failed; if the storage's certificate is not "
            + "publicly trusted, set hirebridge.files.trust-store."),
    CONNECTION_FAILED("connection failed", "Its storage could not be reached.");

    private static final String NOT_DOWNLOADED = "This file was not downloaded.";
    private static final String BY_HAND = "Comeet's links expire minutes after the hire is sent, so it cannot be "
            + "downloaded again: add it in the HRIS by hand.";

    private final String reason;
    private final String explanation;

    DownloadFailure(String reason, String explanation) {
        this.reason = reason;
        this.explanation = explanation;
    }

    /** The reason as recorded. */
    String reason() {
        return reason;
    }

    /** The reason as recorded, with what caused it (an exception's simple name). */
    String reason(String cause) {
        return reason + " (" + cause + ")";
    }

    /** The reason recorded for a storage answer other than 200 or a redirect. */
    static String storageAnswered(int status) {
        return "storage answered HTTP " + status;
    }

    /** What the operator is told about a file whose download failed with the {@code recorded} reason. */
    public static String displayMessage(String recorded) {
        for (DownloadFailure failure : values()) {
            if (recorded != null && recorded.startsWith(failure.reason)) {
                return NOT_DOWNLOADED + " " + failure.explanation + " " + BY_HAND;
            }
        }
        return NOT_DOWNLOADED + " " + BY_HAND;
    }
}
