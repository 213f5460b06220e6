package com.comeet.hirebridge.signature;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * JSON documents generated as text, so that they can hold what a tree cannot: duplicated keys, every spelling of a
 * number (exponents, {@code -0}, {@code 1E+2}, huge integers, denormals, long fractions), every escape including
 * lone surrogates and {@code \/}, and whitespace between tokens. Every generated text is valid JSON.
 */
final class JsonDocuments {

    private static final int MAX_DEPTH = 3;

    // Keys drawn from here collide often (duplicates, "é" spelled raw and escaped) and probe every ordering rule.
    private static final List<String> KEYS = List.of("\"a\"", "\"b\"", "\"B\"", "\"_\"", "\"a_b\"", "\"10\"",
            "\"2\"", "\"0\"", "\"01\"", "\"-0\"", "\"-1\"", "\"1.5\"", "\"4294967294\"", "\"4294967295\"",
            "\"9007199254740993\"", "\"\"", "\"a\\\"b\"", "\"\\\\\"", "\"a/b\"", "\"a\\/b\"", "\"é\"", "\"\\u00e9\"",
            "\"\\u00E9\"", "\"😀\"", "\"\\ud83d\\ude00\"", "\"\uff61\"", "\"\\ud800\"", "\"\\udfff\"", "\"שם\"",
            "\"\\n\"", "\"\\u0001\"", "\"\u2028\"", "\"\u007f\"", "\"__proto__\"", "\"comeet_id\"",
            "\"first_name\"", "\"toString\"");

    /** Mostly none, as Comeet sends; otherwise some of each kind. */
    private static final List<String> WHITESPACE = List.of("", "", "", "", "", "", "", "", "", "", "", " ", "\n  ",
            "\t", "\r\n", " \t\n\r");

    private static final List<String> FIXED_NUMBERS = List.of("0", "-0", "0.0", "-0.0", "0e0", "-0E-5", "1E+2",
            "1e21", "1e+21", "1E21", "1e-7", "1e-6", "0.000001", "0.0000001", "999999999999999999999",
            "100000000000000000000", "123e-20", "12345678.5", "0.1", "0.3", "5e-324", "-5e-324",
            "2.4703282292062328e-324", "2.4703282292062327e-324", "4.9406564584124654e-324", "1e-323",
            "2.2250738585072014e-308", "2.225073858507201e-308", "1.7976931348623157e308", "1.7976931348623158e308",
            "1.7976931348623159e308", "1e309", "-1e400", "1e-400", "9007199254740992", "9007199254740993",
            "-9007199254740993", "18446744073709551616", "1.0000000000000000000000000001", "2e23", "1e23",
            "5e-7", "4.35", "0.000001234", "1.5e-7", "123456789012345678901234567890");

    private JsonDocuments() {
    }

    /** A whole document: mostly objects, as Comeet sends, but any value is a JSON text. */
    static Arbitrary<String> documents() {
        return Combinators.combine(whitespace(), Arbitraries.frequencyOf(
                        Tuple.of(8, object(MAX_DEPTH - 1)),
                        Tuple.of(2, array(MAX_DEPTH - 1)),
                        Tuple.of(1, scalar())), whitespace())
                .as((before, value, after) -> before + value + after);
    }

    static Arbitrary<String> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(7, scalar()),
                Tuple.of(1, array(depth - 1)),
                Tuple.of(2, object(depth - 1)));
    }

    static Arbitrary<String> object(int depth) {
        Arbitrary<String> member = Combinators.combine(key(), whitespace(), value(depth), whitespace())
                .as((key, around, value, after) -> around + key + around + ':' + after + value + after);
        return Combinators.combine(member.list().ofMaxSize(6), whitespace())
                .as((members, empty) -> members.isEmpty() ? "{" + empty + "}" : "{" + String.join(",", members) + "}");
    }

    static Arbitrary<String> array(int depth) {
        Arbitrary<String> element = Combinators.combine(whitespace(), value(depth))
                .as((around, value) -> around + value + around);
        return Combinators.combine(element.list().ofMaxSize(5), whitespace())
                .as((elements, empty) -> elements.isEmpty() ? "[" + empty + "]"
                        : "[" + String.join(",", elements) + "]");
    }

    static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, string()),
                Tuple.of(5, number()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    static Arbitrary<String> key() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(KEYS)),
                Tuple.of(1, string()));
    }

    /** Insignificant whitespace: JSON.parse allows exactly space, tab, line feed and carriage return. */
    static Arbitrary<String> whitespace() {
        return Arbitraries.of(WHITESPACE);
    }

    static Arbitrary<String> string() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').excludeChars('"', '\\').ofMaxLength(6)),
                Tuple.of(2, Arbitraries.of("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t")),
                Tuple.of(3, unicodeEscape()),
                Tuple.of(1, Arbitraries.of("\\u0022", "\\u002f", "\\u005c", "\\u007f", "\\u2028", "\\u2029",
                        "\\uFEFF", "\\uffff")),
                Tuple.of(1, Arbitraries.of("\\ud83d\\ude00", "\\uD834\\uDD1E", "\\udbff\\udfff", "\\ud800\\ud800",
                        "\\udc00\\ud800")),
                Tuple.of(2, Arbitraries.of("é", "שלום", "נועה", "😀", "👩‍💻", "\u2028", "\u2029", "\u007f",
                        "\uff61", "中文", "\u00a0", "\ufeff", "\u0080", "\uffff", "\ud800\udc00", "\udbff\udfff")),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x10FFFF)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                        .map(cp -> new String(Character.toChars(cp)))));
        return piece.list().ofMaxSize(6).map(pieces -> "\"" + String.join("", pieces) + "\"");
    }

    /** {@code \\uXXXX} for control characters, lone surrogates or anything, in either hex case. */
    static Arbitrary<String> unicodeEscape() {
        // Picking a range by weight and a unit within it by modulo keeps generation cheap for ten thousand documents.
        Arbitrary<int[]> range = Arbitraries.frequency(
                Tuple.of(3, new int[] {0, 0x21}),
                Tuple.of(3, new int[] {Character.MIN_SURROGATE, 0x800}),
                Tuple.of(3, new int[] {0, 0x10000}));
        return Combinators.combine(range, Arbitraries.integers().between(0, 0xFFFF), Arbitraries.of(true, false))
                .as((from, offset, upper) -> {
                    String hex = Integer.toHexString(0x10000 + from[0] + offset % from[1]).substring(1);
                    return "\\u" + (upper ? hex.toUpperCase(Locale.ROOT) : hex);
                });
    }

    static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(FIXED_NUMBERS)),
                Tuple.of(2, Arbitraries.integers().between(-100_000, 100_000).map(String::valueOf)),
                Tuple.of(2, hugeInteger()),
                Tuple.of(4, decimalLiteral()),
                Tuple.of(3, anyDouble()),
                Tuple.of(1, denormal()));
    }

    private static Arbitrary<String> hugeInteger() {
        return Combinators.combine(Arbitraries.of("", "-"), Arbitraries.integers().between(1, 9),
                        Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(45))
                .as((sign, first, rest) -> sign + first + rest);
    }

    /** Literals with an integer part, a fraction and an exponent, each optional where JSON allows. */
    private static Arbitrary<String> decimalLiteral() {
        Arbitrary<String> integerPart = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("0")),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(1, 9),
                        Arbitraries.strings().numeric().ofMaxLength(20)).as((first, rest) -> first + rest)));
        Arbitrary<String> fraction = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25).map(d -> "." + d)));
        Arbitrary<Integer> exponentValue = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-30, 30)),
                Tuple.of(1, Arbitraries.of(-330, -325, -324, -323, -309, -308, -7, -6, 20, 21, 22, 307, 308, 309)),
                Tuple.of(1, Arbitraries.integers().between(-400, 400)));
        Arbitrary<String> exponent = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(2, Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of(true, false),
                        exponentValue).as((e, plus, value) -> e + (value >= 0 && plus ? "+" : "") + value)));
        return Combinators.combine(Arbitraries.of("", "-"), integerPart, fraction, exponent)
                .as((sign, integer, fractionDigits, exponentPart) -> sign + integer + fractionDigits + exponentPart);
    }

    /** Any finite double, from its bits, written with up to 25 significant digits or as Java writes it. */
    private static Arbitrary<String> anyDouble() {
        Arbitrary<Double> doubles = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        return Combinators.combine(doubles, Arbitraries.integers().between(0, 25)).as((value, digits) ->
                digits == 0 ? Double.toString(value)
                        : new BigDecimal(value).round(new MathContext(digits)).toString());
    }

    /**
     * The smallest doubles, where the shortest form has one or two digits and Java's and JavaScript's choices differ;
     * written as Java writes them, to 20 digits, or exactly (some 750 digits).
     */
    private static Arbitrary<String> denormal() {
        return Combinators.combine(Arbitraries.longs().between(1, 1L << 20), Arbitraries.integers().between(0, 9))
                .as((multiple, form) -> {
                    double value = multiple * Double.MIN_VALUE;
                    if (form == 0) {
                        return new BigDecimal(value).toString();
                    }
                    return form < 5 ? Double.toString(value)
                            : new BigDecimal(value).round(new MathContext(20)).toString();
                });
    }
}
