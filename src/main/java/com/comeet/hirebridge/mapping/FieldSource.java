package com.comeet.hirebridge.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * Where one value is read from in a candidate payload: a JSONPath such as {@code $.position.name}, or the answer
 * to one of our questionnaire questions, {@code answer(<uid>)} (a dropdown choice's title) or
 * {@code answer(<uid>).uid} (the choice's uid).
 */
sealed interface FieldSource {

    /** The text found at this source, or null when it is missing, null, blank or not a single value. */
    String read(JsonNode candidate);

    static FieldSource parse(String expression) {
        String trimmed = expression.trim();
        Matcher answer = Answer.SYNTAX.matcher(trimmed);
        if (answer.matches()) {
            return new Answer(answer.group(1).trim(), ".uid".equals(answer.group(2)));
        }
        if (trimmed.startsWith("$")) {
            try {
                return new Path(trimmed, JsonPath.compile(trimmed));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a valid JSONPath: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("'" + trimmed + "' is neither a JSONPath (starting with $) nor "
                + "answer(<question uid>), answer(<question uid>).uid or answer(<question uid>).title");
    }

    /** A JSONPath into the payload; of several matches, the first that holds a value is taken. */
    record Path(String expression, JsonPath path) implements FieldSource {

        private static final Configuration JACKSON = Configuration.builder()
                .jsonProvider(new JacksonJsonNodeJsonProvider())
                .mappingProvider(new JacksonMappingProvider())
                .options(Option.SUPPRESS_EXCEPTIONS)
                .build();

        @Override
        public String read(JsonNode candidate) {
            Object found = path.read(candidate, JACKSON);
            if (!(found instanceof JsonNode node)) {
                return null;
            }
            if (node.isArray() && !path.isDefinite()) {
                for (JsonNode element : node) {
                    String text = PayloadText.of(element);
                    if (text != null) {
                        return text;
                    }
                }
                return null;
            }
            return PayloadText.of(node);
        }
    }

    /** The answer Comeet echoes back for one of our questionnaire questions; uids compare as strings. */
    record Answer(String questionUid, boolean choiceUid) implements FieldSource {

        private static final Pattern SYNTAX = Pattern.compile("answer\\(([^()]+)\\)(\\.uid|\\.title)?");

        @Override
        public String read(JsonNode candidate) {
            JsonNode questions = candidate.path("partner_questionnaire");
            if (!questions.isArray()) {
                return null;
            }
            for (JsonNode question : questions) {
                if (questionUid.equals(PayloadText.of(question.get("uid")))) {
                    JsonNode first = question.path("answers").path(0);
                    return PayloadText.of(first.isObject() ? first.get(choiceUid ? "uid" : "title") : first);
                }
            }
            return null;
        }
    }
}
