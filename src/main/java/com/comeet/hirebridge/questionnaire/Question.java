package com.comeet.hirebridge.questionnaire;

import java.util.List;

/**
 * One validated question of a company's questionnaire.
 *
 * @param optionsFrom the HRIS list field the options are read from, or null for fixed (or no) options
 * @param options     the fixed options; empty for a list read from the HRIS and for questions without options
 * @param condition   when the question is asked
 */
public record Question(String uid, QuestionType type, String title, boolean required, String optionsFrom,
        List<QuestionOption> options, QuestionCondition condition) {
}
