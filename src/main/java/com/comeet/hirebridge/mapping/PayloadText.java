package com.comeet.hirebridge.mapping;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A single value of Comeet's payload as text, the way mappings and questionnaire conditions compare it: trimmed,
 * numbers written plainly ({@code 40598}, {@code 1.5}); missing, null, blank, objects and arrays are no value.
 */
public final class PayloadText {

    private PayloadText() {
    }

    /** The scalar's text, or null when the node holds no single value. */
    public static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()
                || (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue()))) {
            return null;
        }
        String text = node.isBigDecimal() || node.isDouble() || node.isFloat() ? decimal(node.decimalValue())
                : node.asText();
        return text.isBlank() ? null : text.trim();
    }

    /**
     * A decimal as people write it ({@code 25.0} is {@code 25}); an exponent only where plain digits would run
     * long, as JavaScript does, so that {@code 1e99999999} stays short.
     */
    private static String decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        return exponent >= -7 && exponent < 21 ? stripped.toPlainString() : stripped.toString();
    }
}
