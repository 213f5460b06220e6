package com.comeet.hirebridge.console;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored hire payload as an operator may see it: every personal field, at any depth, replaced by
 * {@code "[redacted]"}, and the names and e-mails of the hiring manager and the leading recruiter too.
 */
final class PayloadRedaction {

    static final String REDACTED = "[redacted]";

    private static final Set<String> PERSONAL = Set.of("first_name", "middle_name", "last_name", "email", "phone",
            "mobile_phone", "id_number", "linkedin_url", "resume", "picture", "files", "links",
            // The recruiter's answers to our questions can be a preferred name or other personal details.
            "partner_questionnaire");
    // A referral's source name is a person's name too.
    private static final Set<String> PEOPLE = Set.of("hiring_manager", "leading_recruiter", "source");
    private static final Set<String> PERSON_NAMES = Set.of("name", "full_name", "first_name", "middle_name",
            "last_name", "email");

    private PayloadRedaction() {
    }

    /** Redacts {@code payload} in place and returns it. */
    static JsonNode redact(JsonNode payload) {
        redact(payload, PERSONAL);
        return payload;
    }

    private static void redact(JsonNode node, Set<String> personal) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (personal.contains(field.getKey())) {
                    field.setValue(object.textNode(REDACTED));
                } else if (PEOPLE.contains(field.getKey())) {
                    redact(field.getValue(), PERSON_NAMES);
                    redact(field.getValue(), PERSONAL);
                } else {
                    redact(field.getValue(), PERSONAL);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(element -> redact(element, personal));
        }
    }
}
