package com.comeet.hirebridge.signature;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties that hold in JavaScript for every JSON text, checked on generated documents without Node: what
 * {@code JSON.stringify} writes parses back to itself, and the sorted form depends only on the parsed value. And the
 * UTF-8 check accepts exactly what the JDK's strict decoder accepts.
 */
class JavaScriptJsonPropertyTests {

    @Provide
    Arbitrary<String> documents() {
        return JsonDocuments.documents();
    }

    /** Bytes around the UTF-8 boundaries, in runs long enough to cross the validator's eight-byte steps. */
    @Provide
    Arbitrary<byte[]> nearlyUtf8() {
        Arbitrary<Byte> interesting = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)),
                Tuple.of(2, Arbitraries.of((byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0,
                        (byte) 0xBF)),
                Tuple.of(2, Arbitraries.of((byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0,
                        (byte) 0xE1, (byte) 0xED, (byte) 0xEE, (byte) 0xEF, (byte) 0xF0, (byte) 0xF1, (byte) 0xF4,
                        (byte) 0xF5, (byte) 0xFF)),
                Tuple.of(1, Arbitraries.bytes()));
        return interesting.array(byte[].class).ofMaxSize(40);
    }

    @Property(tries = 5000)
    void utf8ValidityAgreesWithTheJdksStrictDecoder(@ForAll("nearlyUtf8") byte[] bytes) {
        boolean decodes;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            decodes = true;
        } catch (CharacterCodingException e) {
            decodes = false;
        }

        assertThat(JavaScriptJson.isUtf8(bytes)).isEqualTo(decodes);
    }

    @Property(tries = 2000)
    void stringifyOutputIsItsOwnStringify(@ForAll("documents") String document) {
        byte[] once = JavaScriptJson.stringify(document.getBytes(StandardCharsets.UTF_8));

        assertThat(JavaScriptJson.stringify(once)).asString(StandardCharsets.UTF_8)
                .isEqualTo(new String(once, StandardCharsets.UTF_8));
    }

    @Property(tries = 2000)
    void sortedFormIsTheSameForTheDocumentAndItsStringify(@ForAll("documents") String document) {
        byte[] utf8 = document.getBytes(StandardCharsets.UTF_8);

        assertThat(JavaScriptJson.sorted(JavaScriptJson.stringify(utf8))).asString(StandardCharsets.UTF_8)
                .isEqualTo(new String(JavaScriptJson.sorted(utf8), StandardCharsets.UTF_8));
    }
}
