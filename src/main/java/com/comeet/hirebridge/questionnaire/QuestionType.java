package com.comeet.hirebridge.questionnaire;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of question Comeet's Hire form shows; dropdowns offer options. */
public enum QuestionType {
    SHORT_ANSWER("short_answer", false),
    DATE_PICKER("date_picker", false),
    DROPDOWN("dropdown", true),
    SEARCH_DROPDOWN("search_dropdown", true);

    private final String id;
    private final boolean offersOptions;

    QuestionType(String id, boolean offersOptions) {
        this.id = id;
        this.offersOptions = offersOptions;
    }

    /** The type as Comeet names it. */
    public String id() {
        return id;
    }

    public boolean offersOptions() {
        return offersOptions;
    }

    static Optional<QuestionType> byId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id.trim())).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(QuestionType::id).collect(Collectors.joining(", "));
    }
}
