package com.comeet.hirebridge.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.comeet.hirebridge.company.CompanyConfigurationException;
import com.comeet.hirebridge.mapping.PayloadText;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code when} of a question, the content-based router of the questionnaire: the question is asked only when
 * every listed payload path holds one of its listed values. A path is dotted ({@code position.department}, an
 * optional leading {@code $.}, a number to index an array); values compare as text, exactly, as mappings read
 * them. A path that is missing or holds no single value matches nothing. No rule at all: always asked.
 */
public final class QuestionCondition {

    /** Always asked. */
    public static final QuestionCondition ALWAYS = new QuestionCondition(List.of());

    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");

    /** Filters, wildcards and brackets are JSONPath, which a condition does not evaluate: refused, not ignored. */
    private static final Pattern JSONPATH_SYNTAX = Pattern.compile("[\\[\\]*?()@$]");

    private final List<Rule> rules;

    private QuestionCondition(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** One path and the values it may hold. */
    record Rule(String path, List<String> segments, Set<String> values) {

        boolean holdsFor(JsonNode candidate) {
            JsonNode node = candidate;
            for (String segment : segments) {
                node = node.isArray() && INDEX.matcher(segment).matches() ? node.path(Integer.parseInt(segment))
                        : node.path(segment);
            }
            String text = PayloadText.of(node);
            return text != null && values.contains(text);
        }
    }

    /**
     * Reads {@code when} as bound from the configuration: paths to a value or a list of values. Nested maps are
     * paths too ({@code position: {department: R&D}}), and a list arrives as a map keyed 0, 1, ...
     *
     * @param key      the configuration key of {@code when}, named in every error
     * @param question which question it is, to start the problem's sentence
     */
    public static QuestionCondition of(String key, String question, Map<String, ?> when) {
        if (when == null) {
            return ALWAYS;
        }
        Map<String, Object> paths = new LinkedHashMap<>();
        flatten("", when, paths);
        if (paths.isEmpty()) {
            throw new CompanyConfigurationException(key,
                    question + "is empty: list payload paths and the values that ask "
                    + "the question, or remove 'when'");
        }
        List<Rule> rules = new ArrayList<>();
        paths.forEach((path, value) -> rules.add(rule(key, question, path, value)));
        return new QuestionCondition(rules);
    }

    /** True when every rule holds for the candidate payload. */
    public boolean holdsFor(JsonNode candidate) {
        for (Rule rule : rules) {
            if (!rule.holdsFor(candidate)) {
                return false;
            }
        }
        return true;
    }

    /** The paths and the values each may hold, as configured, for logs and documentation. */
    public Map<String, Set<String>> rules() {
        return rules.stream().collect(Collectors.toMap(Rule::path, Rule::values, (a, b) -> a, LinkedHashMap::new));
    }

    private static void flatten(String prefix, Map<String, ?> map, Map<String, Object> paths) {
        map.forEach((name, value) -> {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            if (value instanceof Map<?, ?> nested && !isList(nested)) {
                @SuppressWarnings("unchecked")
                Map<String, ?> children = (Map<String, ?>) nested;
                if (children.isEmpty()) {
                    paths.put(path, List.of());
                }
                flatten(path, children, paths);
            } else {
                paths.put(path, value);
            }
        });
    }

    /**
     * The binder gives a list under a map of objects as a map keyed 0, 1, 2, ... A map so keyed whose entries are
     * maps is no list of values but a path through an array element ({@code offer_fields.0.PTO: '25'}).
     */
    private static boolean isList(Map<?, ?> map) {
        if (map.isEmpty()) {
            return false;
        }
        for (int index = 0; index < map.size(); index++) {
            if (!map.containsKey(Integer.toString(index)) || map.get(Integer.toString(index)) instanceof Map) {
                return false;
            }
        }
        return true;
    }

    private static Rule rule(String key, String question, String path, Object value) {
        String where = key + "." + path;
        String dotted = path.startsWith("$.") ? path.substring(2) : path;
        List<String> segments = List.of(dotted.split("\\.", -1));
        if (dotted.isBlank() || segments.stream().anyMatch(segment -> segment.isBlank()
                || JSONPATH_SYNTAX.matcher(segment).find())) {
            throw new CompanyConfigurationException(where, question + "is not a dotted payload path such as "
                    + "position.department");
        }
        List<Object> listed = new ArrayList<>();
        if (value == null || value.toString().isBlank()) {
            // An empty list in YAML ([]) reaches here as an empty value.
            throw new CompanyConfigurationException(where, question + "lists no value: the question would never be "
                    + "asked");
        }
        if (value instanceof Map<?, ?> list) {
            for (int index = 0; index < list.size(); index++) {
                listed.add(list.get(Integer.toString(index)));
            }
        } else if (value instanceof List<?> list) {
            listed.addAll(list);
        } else {
            listed.add(value);
        }
        Set<String> values = new LinkedHashSet<>();
        for (Object each : listed) {
            if (each == null || each instanceof Map || each instanceof List || each.toString().isBlank()) {
                throw new CompanyConfigurationException(where,
                        question + "must be a value, or a list of values, that the "
                        + "payload holds at that path");
            }
            values.add(each.toString().trim());
        }
        if (values.isEmpty()) {
            throw new CompanyConfigurationException(where,
                    question + "lists no value: the question would never be asked");
        }
        return new Rule(path, segments, values);
    }
}
