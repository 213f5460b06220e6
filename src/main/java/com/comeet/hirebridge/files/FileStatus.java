package com.comeet.hirebridge.files;

import java.util.Locale;

/**
 * Where a candidate's file stands. {@code DOWNLOAD_FAILED} is final once Comeet's link has expired; the others can
 * still reach the HRIS.
 */
public enum FileStatus {
    DOWNLOADED, DOWNLOAD_FAILED, UPLOADED, UPLOAD_FAILED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FileStatus of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
