package com.comeet.hirebridge.signature;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.comeet.hirebridge.signature.JavaScriptJsonVectors.Vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Both serialisations Comeet signs, on hand-written vectors: numbers, escapes, key order, raw sorted keys, lone
 * surrogates, duplicates and nesting, with the exact text expected.
 */
class JavaScriptJsonTests {

    static final List<Vector> VECTORS = JavaScriptJsonVectors.VECTORS;
    static final List<String> NOT_JSON = JavaScriptJsonVectors.NOT_JSON;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("VECTORS")
    void writesTheOriginalOrderFormAsJsonStringify(Vector vector) {
        assertThat(JavaScriptJson.stringify(utf8(vector.document()))).asString(StandardCharsets.UTF_8)
                .isEqualTo(vector.stringify());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("VECTORS")
    void writesComeetsSortedForm(Vector vector) {
        assertThat(JavaScriptJson.sorted(utf8(vector.document()))).asString(StandardCharsets.UTF_8)
                .isEqualTo(vector.sorted());
    }

    @Test
    void encodesAnUnescapedLoneSurrogateAsTheReplacementCharacter() {
        byte[] sorted = JavaScriptJson.sorted(utf8("{\"\\ud800\":1,\"\\udc00\":2}"));

        assertThat(HexFormat.of().formatHex(sorted)).isEqualTo("7b22efbfbd223a312c22efbfbd223a327d");
    }

    @Test
    void keepsASurrogatePairSpelledAsTwoEscapes() {
        assertThat(JavaScriptJson.sorted(utf8("{\"\\ud83d\\ude00\":\"\\ud83d\\ude00\"}")))
                .isEqualTo(utf8("{\"😀\":\"😀\"}"));
    }

    @Test
    void sortsAnEmojiKeyBeforeAHalfwidthIdeographicFullStopByCodeUnits() {
        // U+1F600 is the pair D83D DE00, which sorts before U+FF61 although its code point is larger.
        assertThat(JavaScriptJson.sorted(utf8("{\"\uff61\":1,\"😀\":2}"))).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"😀\":2,\"\uff61\":1}");
    }

    @Test
    void roundsEveryNumberToADoubleOnce() {
        assertThat(JavaScriptJson.stringify(utf8("[9007199254740993,9007199254740995,0.30000000000000004,"
                + "2.4703282292062328e-324,2.4703282292062327e-324,1.7976931348623158e308,1.7976931348623159e308]")))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("[9007199254740992,9007199254740996,0.30000000000000004,5e-324,0,"
                        + "1.7976931348623157e+308,null]");
    }

    @Test
    void writesShortestDigitsWhereJavasToStringDoesNot() {
        // Java 17's Double.toString gives 1.9999999999999998E23 and 9.999999999999999E22 for the first two;
        // Schubfach alone keeps two digits for the smallest doubles (4.9E-324, 9.9E-324).
        assertThat(JavaScriptJson.stringify(utf8("[2e23,1e23,4.9e-324,9.9e-324,1e-322]")))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("[2e+23,1e+23,5e-324,1e-323,1e-322]");
    }

    @Test
    void keepsHugeNumberLiteralsAndLongStrings() {
        String digits = "1" + "0".repeat(5000);
        String text = "x".repeat(100_000);

        assertThat(JavaScriptJson.stringify(utf8("[" + digits + ",\"" + text + "\"]")))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("[null,\"" + text + "\"]");
    }

    @ParameterizedTest
    @FieldSource("NOT_JSON")
    void refusesWhatJsonParseRefuses(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptJson.stringify(utf8(text)))
                .withMessageStartingWith("not valid JSON");
        assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptJson.sorted(utf8(text)))
                .withMessageStartingWith("not valid JSON");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = {'"', (byte) 0xE9, '"'};
        byte[] encodedSurrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};

        assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptJson.stringify(latin1))
                .withMessage("not valid UTF-8");
        assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptJson.sorted(encodedSurrogate))
                .withMessage("not valid UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C0 AF", "C1 BF", "E0 80 AF", "E0 9F BF", "ED A0 80", "ED BF BF", "F0 80 80 AF",
        "F0 8F BF BF", "F4 90 80 80", "F5 80 80 80", "FF", "80", "BF", "C3", "E2 82", "F0 9F 98", "C3 28",
        "E2 28 A1", "E2 82 28", "F0 28 8C BC", "F0 90 28 BC"})
    void refusesEveryIllFormedUtf8Sequence(String hex) {
        byte[] sequence = HexFormat.ofDelimiter(" ").parseHex(hex);
        byte[] document = new byte[sequence.length + 12];
        System.arraycopy(utf8("[\"abcdefgh"), 0, document, 0, 10);
        System.arraycopy(sequence, 0, document, 10, sequence.length);
        System.arraycopy(utf8("\"]"), 0, document, 10 + sequence.length, 2);

        assertThat(JavaScriptJson.isUtf8(document)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptJson.sorted(document))
                .withMessage("not valid UTF-8");
    }

    @Test
    void acceptsTheEdgesOfEveryUtf8Range() {
        String edges = "\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff";

        assertThat(JavaScriptJson.sorted(utf8("[\"" + edges + "\"]"))).asString(StandardCharsets.UTF_8)
                .isEqualTo("[\"" + edges + "\"]");
    }

    @Test
    void refusesUtf16AndUtf32TextsThatJacksonWouldDecode() {
        byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf32 = {0, 0, 0, '1'};

        assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptJson.stringify(utf16))
                .withMessageStartingWith("not valid JSON");
        assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptJson.sorted(utf32))
                .withMessageStartingWith("not valid JSON");
    }

    @Test
    void readsAThousandLevelsOfNestingAndRefusesDeeper() {
        String thousand = "[".repeat(999) + "{\"a\":1}" + "]".repeat(999);
        String deeper = "[" + thousand + "]";

        assertThat(JavaScriptJson.sorted(utf8(thousand))).isEqualTo(utf8(thousand));
        assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptJson.stringify(utf8(deeper)))
                .withMessage("JSON nested deeper than 1000 levels is not supported");
    }

    @Test
    void recognisesArrayIndicesAsJavaScriptDoes() {
        assertThat(List.of("0", "1", "10", "4294967294")).allMatch(JavaScriptJson::isArrayIndex);
        assertThat(List.of("", "-0", "-1", "01", "1.5", "1e3", " 1", "4294967295", "99999999999", "١"))
                .noneMatch(JavaScriptJson::isArrayIndex);
    }
}
