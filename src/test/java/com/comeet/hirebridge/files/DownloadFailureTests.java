package com.comeet.hirebridge.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each reason a download fails for gets its own advice for the operator; the ones the running bridge cannot
 * easily provoke (a timeout, a TLS or connection failure) are checked here, from the reason as recorded.
 */
class DownloadFailureTests {

    private static final String BY_HAND = " Comeet's links expire minutes after the hire is sent, so it cannot be "
            + "downloaded again: add it in the HRIS by hand.";

    @Test
    void eachRecordedReasonHasItsOwnAdvice() {
        assertThat(DownloadFailure.displayMessage("timed out")).isEqualTo("This file was not downloaded. Its "
                + "download took longer than hirebridge.files.timeout." + BY_HAND);
        assertThat(DownloadFailure.displayMessage(DownloadFailure.TLS_FAILED.reason("SSLHandshakeException")))
                .isEqualTo("This file was not downloaded. The TLS connection to its storage failed; if the storage's "
                        + "certificate is not publicly trusted, set hirebridge.files.trust-store." + BY_HAND);
        assertThat(DownloadFailure.displayMessage("connection failed (ConnectException)")).isEqualTo("This file was "
                + "not downloaded. Its storage could not be reached." + BY_HAND);
        assertThat(DownloadFailure.displayMessage("not a valid URL")).isEqualTo("This file was not downloaded. Its "
                + "link is not a valid address." + BY_HAND);
        assertThat(DownloadFailure.displayMessage("too many redirects")).isEqualTo("This file was not downloaded. "
                + "Comeet's storage redirected it more than 3 times." + BY_HAND);
        assertThat(DownloadFailure.displayMessage("redirect without a usable Location")).isEqualTo("This file was "
                + "not downloaded. Comeet's storage redirected it without a usable address." + BY_HAND);
        assertThat(DownloadFailure.displayMessage(DownloadFailure.storageAnswered(410))).isEqualTo("This file was "
                + "not downloaded. Comeet's storage refused the link (HTTP 4xx): it had expired or was not valid."
                + BY_HAND);
        assertThat(DownloadFailure.displayMessage(DownloadFailure.storageAnswered(503))).isEqualTo("This file was "
                + "not downloaded. Comeet's storage failed to serve it." + BY_HAND);
    }

    @Test
    void aReasonNotKnownHereStillGetsTheAdvice() {
        assertThat(DownloadFailure.displayMessage(null)).isEqualTo("This file was not downloaded." + BY_HAND);
        assertThat(DownloadFailure.displayMessage("gone")).isEqualTo("This file was not downloaded." + BY_HAND);
    }
}
