package com.comeet.hirebridge.questionnaire;

/**
 * One choice of a dropdown question: Comeet echoes its {@code uid} and {@code title} back with the hire. For a list
 * read from BambooHR, the uid is BambooHR's option id and the title its name.
 */
public record QuestionOption(String uid, String title) {
}
