package com.comeet.hirebridge.signature;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties that hold in JavaScript for every JSON text, checked on generated documents without Node: what
 * {@code JSON.stringify} writes parses back to itself, and the sorted form depends only on the parsed value.
 */
class JavaScriptJsonPropertyTests {

    @Provide
    Arbitrary<String> documents() {
        return JsonDocuments.documents();
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
