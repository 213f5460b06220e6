package com.comeet.hirebridge.files;

import java.util.Locale;

/** What a candidate's file is, as the {@code kind} column of {@code hire_file} names it. */
public enum FileKind {
    RESUME, PICTURE, OFFER_LETTER;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FileKind of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
