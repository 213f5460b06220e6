package com.comeet.hirebridge.signature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The two payload serialisations Comeet signs, reproduced byte for byte: {@code JSON.stringify(JSON.parse(body))}
 * as Node computes it, and Comeet's key-sorted form of {@code JSON.parse(body)}. The document is parsed the way
 * {@code JSON.parse} does (every number a double, the last of duplicated keys wins) and written back with
 * JavaScript's rules for strings, numbers and property order.
 */
public final class JavaScriptJson {

    /** Array indices (canonical integers up to 2^32 - 2) come first in JavaScript's own property order. */
    private static final long MAX_ARRAY_INDEX = 4_294_967_294L;
    private static final int MAX_ARRAY_INDEX_DIGITS = 10;
    private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_NESTING_DEPTH = 1000;

    // The body size limit bounds numbers, strings and names; JSON.parse has no limits of its own to match.
    // Names are canonicalised (Comeet's keys repeat from hire to hire), but no set of colliding keys may make a
    // valid document fail.
    // Limitation: nesting deeper than MAX_NESTING_DEPTH, which JSON.parse accepts, is refused, so such a payload
    // cannot be verified; it keeps the recursion below well within the stack. Comeet's payloads are a few levels deep.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JavaScriptJson() {
    }

    /**
     * UTF-8 bytes of {@code JSON.stringify(JSON.parse(json))} as Node does it.
     *
     * @throws IllegalArgumentException when the bytes are not strict UTF-8 or not a JSON text
     */
    public static byte[] stringify(byte[] utf8Json) {
        Text out = new Text(utf8Json.length + 16);
        writeOriginalOrder(parse(utf8Json), out);
        return utf8(out);
    }

    /**
     * UTF-8 bytes of Comeet's key-sorted serialisation of {@code JSON.parse(json)}: members ordered by
     * {@code Object.keys(o).sort()}, keys written without escaping, scalars as {@code JSON.stringify} writes them.
     *
     * @throws IllegalArgumentException when the bytes are not strict UTF-8 or not a JSON text
     */
    public static byte[] sorted(byte[] utf8Json) {
        Text out = new Text(utf8Json.length + 16);
        writeSorted(parse(utf8Json), out);
        return utf8(out);
    }

    /**
     * The document as JavaScript values: {@code null}, {@link Boolean}, {@link Double}, {@link String},
     * {@link List} and {@link LinkedHashMap}, whose iteration order is the order of each key's first occurrence.
     */
    private static Object parse(byte[] utf8Json) {
        // The JDK's fast decoder replaces malformed bytes with U+FFFD: only then is the strict decoder needed.
        String text = new String(utf8Json, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8Json));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("not valid UTF-8", e);
            }
        }

        // Parsing characters, not bytes, keeps Jackson from guessing UTF-16 or UTF-32 and from skipping a BOM,
        // neither of which JSON.parse does.
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("not valid JSON: the document is empty");
            }
            Object value = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not valid JSON: more than one value at "
                        + parser.currentTokenLocation().offsetDescription());
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("JSON nested deeper than " + MAX_NESTING_DEPTH
                    + " levels is not supported");
        } catch (JsonProcessingException e) {
            // Only where: Jackson's own message quotes the offending token, and payloads stay out of logs.
            String where = e.getLocation() == null ? "" : " at " + e.getLocation().offsetDescription();
            throw new IllegalArgumentException("not valid JSON" + where);
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory failed", e);
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    members.put(key, readValue(parser, parser.nextToken()));
                }
                return members;
            }
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(readValue(parser, next));
                }
                return elements;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                // The literal as written, rounded once to the nearest double: 9007199254740993 is 9007199254740992.
                return Double.parseDouble(parser.getText());
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static void writeOriginalOrder(Object value, Text out) {
        if (value instanceof Map<?, ?> members) {
            out.append('{');
            boolean first = true;
            for (String key : javaScriptPropertyOrder(members)) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(key, out);
                out.append(':');
                writeOriginalOrder(members.get(key), out);
            }
            out.append('}');
        } else if (value instanceof List<?> elements) {
            out.append('[');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeOriginalOrder(elements.get(i), out);
            }
            out.append(']');
        } else {
            writeScalar(value, out);
        }
    }

    private static void writeSorted(Object value, Text out) {
        if (value instanceof Map<?, ?> members) {
            @SuppressWarnings("unchecked")
            Map.Entry<String, Object>[] entries = members.entrySet().toArray(new Map.Entry[0]);
            // Array.prototype.sort compares UTF-16 code units, as String.compareTo does.
            Arrays.sort(entries, Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < entries.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                // Comeet's function pastes the key between quotes as it is, without escaping.
                out.append('"').appendRawKey(entries[i].getKey()).append("\":");
                writeSorted(entries[i].getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> elements) {
            out.append('[');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeSorted(elements.get(i), out);
            }
            out.append(']');
        } else {
            writeScalar(value, out);
        }
    }

    /** Array indices in ascending numeric order, then every other key in the order it first appeared. */
    private static List<String> javaScriptPropertyOrder(Map<?, ?> members) {
        List<String> indices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Object key : members.keySet()) {
            String name = (String) key;
            (isArrayIndex(name) ? indices : names).add(name);
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        indices.addAll(names);
        return indices;
    }

    static boolean isArrayIndex(String key) {
        int length = key.length();
        if (length == 0 || length > MAX_ARRAY_INDEX_DIGITS || (length > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(key) <= MAX_ARRAY_INDEX;
    }

    private static void writeScalar(Object value, Text out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            quote(string, out);
        } else if (value instanceof Double number) {
            // JSON.stringify writes Infinity (what 1e400 parses to) as null.
            out.append(Double.isFinite(number) ? JavaScriptNumber.format(number) : "null");
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "true" : "false");
        } else {
            throw new IllegalStateException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** JSON.stringify's QuoteJSONString: short escapes, other controls and lone surrogates as lowercase \\u. */
    private static void quote(String string, Text out) {
        out.append('"');
        int length = string.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = string.charAt(i);
            if (c >= ' ' && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(string.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(string, plainFrom, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> unicodeEscape(c, out);
            }
            plainFrom = i + 1;
        }
        out.append(string, plainFrom, length);
        out.append('"');
    }

    private static void unicodeEscape(char c, Text out) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }

    /** Encodes as Node's Buffer.from(string, 'utf8') does: each lone surrogate becomes U+FFFD. */
    private static byte[] utf8(Text text) {
        String string = text.toString();
        if (!text.rawLoneSurrogate) {
            // The common case, on the JDK's fast path, which would write a lone surrogate as '?'.
            return string.getBytes(StandardCharsets.UTF_8);
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT_CHARACTER);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(string));
            return Arrays.copyOfRange(bytes.array(), bytes.arrayOffset() + bytes.position(),
                    bytes.arrayOffset() + bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 encoding with replacement cannot fail", e);
        }
    }

    private static boolean hasLoneSurrogate(String string) {
        int length = string.length();
        for (int i = 0; i < length; i++) {
            char c = string.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(string.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The serialisation being written, as UTF-16 characters in one growing array: turned into a string once, and
     * encoded once. It notes whether a key written raw carried a lone surrogate, which the encoding must replace.
     */
    private static final class Text {

        private char[] chars;
        private int length;
        private boolean rawLoneSurrogate;

        Text(int capacity) {
            chars = new char[capacity];
        }

        Text append(char c) {
            ensure(1);
            chars[length++] = c;
            return this;
        }

        Text append(String string) {
            return append(string, 0, string.length());
        }

        Text append(String string, int from, int to) {
            int count = to - from;
            if (count > 0) {
                ensure(count);
                string.getChars(from, to, chars, length);
                length += count;
            }
            return this;
        }

        Text appendRawKey(String key) {
            rawLoneSurrogate |= hasLoneSurrogate(key);
            return append(key);
        }

        private void ensure(int more) {
            if (length + more > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
