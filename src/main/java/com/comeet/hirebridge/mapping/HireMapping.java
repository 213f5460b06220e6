package com.comeet.hirebridge.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated mapping file: the HRIS fields of one target and operation, in the order the file lists them.
 */
public final class HireMapping {

    private final String file;
    private final List<FieldRule> rules;

    HireMapping(String file, List<FieldRule> rules) {
        this.file = file;
        this.rules = List.copyOf(rules);
    }

    public String file() {
        return file;
    }

    /** The HRIS fields the file maps, in its order. */
    public List<String> fields() {
        return rules.stream().map(FieldRule::field).toList();
    }

    /** Whether the file maps this HRIS field at all. */
    public boolean maps(String field) {
        return rules.stream().anyMatch(rule -> rule.field().equals(field));
    }

    /** The kind of identifier the file declares for this field ({@code type:}), or null. */
    public String type(String field) {
        return rules.stream().filter(rule -> rule.field().equals(field)).map(FieldRule::type)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * The HRIS fields for this candidate. Fields without a value are left out; when required values are missing,
     * the result lists the recruiter's sentence for each.
     */
    public Result apply(JsonNode candidate) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> unlisted = new LinkedHashMap<>();
        for (FieldRule rule : rules) {
            String found = rule.sourceValue(candidate);
            String value = found == null ? rule.defaultValue() : rule.translated(found);
            if (found != null && rule.unlisted(found)) {
                unlisted.put(rule.field(), found);
            }
            if (value != null && !value.isEmpty()) {
                fields.put(rule.field(), value);
            } else if (rule.required() != null) {
                missing.add(rule.required());
            }
        }
        return new Result(fields, missing, unlisted);
    }

    /**
     * The mapped fields, the sentences of required values that are missing (empty when complete), and, field by
     * field, each source value that the field's {@code values} does not list (no {@code "*"} either): it is in
     * {@code fields} unchanged, which a target whose values are ids may refuse.
     */
    public record Result(Map<String, String> fields, List<String> missing, Map<String, String> unlisted) {
    }
}
