package com.comeet.hirebridge.mapping;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one HRIS field gets its value: the first source that holds a value, translated through {@code values}
 * (key {@code "*"} catches every value not listed), else {@code defaultValue}.
 *
 * @param type     the kind of identifier the HRIS expects for this value (Workday's {@code wd:type}, such as
 *                 {@code Location_ID}), or null for a plain value
 * @param required the sentence shown to the recruiter when no value is found, or null when the field is optional
 */
record FieldRule(String field, List<FieldSource> sources, Map<String, String> values, String defaultValue,
        String type, String required) {

    static final String ANY_OTHER_VALUE = "*";

    /** The value of the first source that has one, before {@code values} translates it; null when none has. */
    String sourceValue(JsonNode candidate) {
        for (FieldSource source : sources) {
            String found = source.read(candidate);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    String translated(String found) {
        return values.getOrDefault(found, values.getOrDefault(ANY_OTHER_VALUE, found));
    }

    /** Whether {@code values} lists neither this source value nor {@code "*"}: the value passes unchanged. */
    boolean unlisted(String found) {
        return !values.isEmpty() && !values.containsKey(found) && !values.containsKey(ANY_OTHER_VALUE);
    }
}
