package com.comeet.hirebridge.signature;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
 *
 * <p>The serialisation is built once, as the UTF-8 bytes Node hashes, and each piece of it is encoded at most once.
 * A string received without escapes is copied as received: {@code JSON.stringify} escapes only quotes, backslashes,
 * control characters and lone surrogates, none of which a valid document holds unescaped, and well-formed UTF-8 has
 * one spelling per text. So is an integer of at most 15 digits, which {@code Number::toString} writes as it is.
 */
public final class JavaScriptJson {

    /** Array indices (canonical integers up to 2^32 - 2) come first in JavaScript's own property order. */
    private static final long MAX_ARRAY_INDEX = 4_294_967_294L;
    private static final int MAX_ARRAY_INDEX_DIGITS = 10;
    /** Integers of up to 15 digits are exact doubles that Number::toString writes digit for digit. */
    private static final int MAX_VERBATIM_INTEGER_DIGITS = 15;
    private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_NESTING_DEPTH = 1000;
    /** Objects with more members than this find duplicated keys through a hash index instead of a scan. */
    private static final int MEMBERS_SCANNED_FOR_DUPLICATES = 8;
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

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
        Output out = new Output(utf8Json.length + 16);
        new Document(utf8Json).writeOriginalOrder(out);
        return out.toByteArray();
    }

    /**
     * UTF-8 bytes of Comeet's key-sorted serialisation of {@code JSON.parse(json)}: members ordered by
     * {@code Object.keys(o).sort()}, keys written without escaping, scalars as {@code JSON.stringify} writes them.
     *
     * @throws IllegalArgumentException when the bytes are not strict UTF-8 or not a JSON text
     */
    public static byte[] sorted(byte[] utf8Json) {
        Output out = new Output(utf8Json.length + 16);
        new Document(utf8Json).writeSorted(out);
        return out.toByteArray();
    }

    /**
     * A parsed document as JavaScript values. Scalars are kept as the bytes {@code JSON.stringify} writes for them:
     * a {@link Span} of the body when the body already spells them so, a {@code byte[]} otherwise. Objects are
     * {@link Members}, arrays {@link List}s.
     */
    private static final class Document {

        private final byte[] body;
        private final Object root;

        Document(byte[] body) {
            this.body = body;
            if (!isUtf8(body)) {
                throw new IllegalArgumentException("not valid UTF-8");
            }
            this.root = parse();
        }

        private Object parse() {
            // Jackson would take a byte order mark, or zero bytes at the start, as a sign of UTF-16 or UTF-32 and
            // skip or decode them; JSON.parse refuses both, and so do we.
            if (startsLikeAnotherEncoding(body)) {
                throw new IllegalArgumentException("not valid JSON at #0");
            }
            try (JsonParser parser = FACTORY.createParser(body)) {
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

        private Object readValue(JsonParser parser, JsonToken token) throws IOException {
            switch (token) {
                case START_OBJECT -> {
                    Members members = new Members();
                    for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT;
                            next = parser.nextToken()) {
                        int nameStart = (int) parser.currentTokenLocation().getByteOffset() + 1;
                        int nameEnd = endOfUnescaped(nameStart);
                        String name = parser.currentName();
                        members.put(name, nameEnd < 0 ? -1 : nameStart, nameEnd,
                                readValue(parser, parser.nextToken()));
                    }
                    return members;
                }
                case START_ARRAY -> {
                    List<Object> elements = new ArrayList<>();
                    for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY;
                            next = parser.nextToken()) {
                        elements.add(readValue(parser, next));
                    }
                    return elements;
                }
                case VALUE_STRING -> {
                    int quote = (int) parser.currentTokenLocation().getByteOffset();
                    int end = endOfUnescaped(quote + 1);
                    if (end >= 0) {
                        return new Span(quote, end + 1);
                    }
                    return quoted(parser.getText());
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    int length = parser.getTextLength();
                    if (token == JsonToken.VALUE_NUMBER_INT && isVerbatimInteger(parser, length)) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        return new Span(start, start + length);
                    }
                    // The literal as written, rounded once to the nearest double: 9007199254740993 is
                    // 9007199254740992. JSON.stringify writes Infinity (what 1e400 parses to) as null.
                    double number = Double.parseDouble(parser.getText());
                    return Double.isFinite(number) ? ascii(JavaScriptNumber.format(number)) : NULL;
                }
                case VALUE_TRUE -> {
                    return TRUE;
                }
                case VALUE_FALSE -> {
                    return FALSE;
                }
                case VALUE_NULL -> {
                    return NULL;
                }
                default -> throw new IllegalStateException("unexpected JSON token " + token);
            }
        }

        /**
         * Where the string starting at {@code from} closes, or -1 when it holds an escape before that or does not
         * close (Jackson, reading it, then says why).
         */
        private int endOfUnescaped(int from) {
            for (int i = from; i < body.length; i++) {
                byte b = body[i];
                if (b == '"') {
                    return i;
                }
                if (b == '\\') {
                    return -1;
                }
            }
            return -1;
        }

        private static boolean isVerbatimInteger(JsonParser parser, int length) throws IOException {
            char[] text = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            boolean negative = text[offset] == '-';
            int digits = negative ? length - 1 : length;
            // -0 is written 0.
            return digits <= MAX_VERBATIM_INTEGER_DIGITS && !(negative && text[offset + 1] == '0');
        }

        void writeOriginalOrder(Output out) {
            write(root, false, out);
        }

        void writeSorted(Output out) {
            write(root, true, out);
        }

        private void write(Object value, boolean sortedForm, Output out) {
            if (value instanceof Members members) {
                if (sortedForm) {
                    writeSortedMembers(members, out);
                } else {
                    writeMembersInOriginalOrder(members, out);
                }
            } else if (value instanceof List<?> elements) {
                out.write('[');
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    write(elements.get(i), sortedForm, out);
                }
                out.write(']');
            } else if (value instanceof Span span) {
                out.write(body, span.start(), span.end());
            } else {
                out.write((byte[]) value);
            }
        }

        private void writeMembersInOriginalOrder(Members members, Output out) {
            out.write('{');
            boolean first = true;
            for (Member member : members.inJavaScriptPropertyOrder()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                if (member.nameStart >= 0) {
                    out.write(body, member.nameStart - 1, member.nameEnd + 1);
                } else {
                    out.write(quoted(member.name));
                }
                out.write(':');
                write(member.value, false, out);
            }
            out.write('}');
        }

        private void writeSortedMembers(Members members, Output out) {
            out.write('{');
            Member[] sorted = members.sortedByName();
            for (int i = 0; i < sorted.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                // Comeet's function pastes the key between quotes as it is, without escaping.
                out.write('"');
                if (sorted[i].nameStart >= 0) {
                    out.write(body, sorted[i].nameStart, sorted[i].nameEnd);
                } else {
                    out.write(utf8AsNode(sorted[i].name));
                }
                out.write('"');
                out.write(':');
                write(sorted[i].value, true, out);
            }
            out.write('}');
        }
    }

    /** Bytes {@code start} (inclusive) to {@code end} (exclusive) of the body, written as they are. */
    private record Span(int start, int end) {
    }

    /** One member of an object: its name, where the body spells it without escapes (or -1), and its value. */
    private static final class Member {

        final String name;
        final int nameStart;
        final int nameEnd;
        Object value;

        Member(String name, int nameStart, int nameEnd, Object value) {
            this.name = name;
            this.nameStart = nameStart;
            this.nameEnd = nameEnd;
            this.value = value;
        }
    }

    /** An object's members in the order each name first appeared; a repeated name keeps its place, takes the value. */
    private static final class Members {

        private static final Comparator<Member> BY_NAME = Comparator.comparing(member -> member.name);

        private Member[] members = new Member[4];
        private int size;
        private Map<String, Member> byName;

        void put(String name, int nameStart, int nameEnd, Object value) {
            Member known = find(name);
            if (known != null) {
                known.value = value;
                return;
            }
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
            }
            Member member = new Member(name, nameStart, nameEnd, value);
            members[size++] = member;
            if (byName != null) {
                byName.put(name, member);
            } else if (size > MEMBERS_SCANNED_FOR_DUPLICATES) {
                byName = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    byName.put(members[i].name, members[i]);
                }
            }
        }

        private Member find(String name) {
            if (byName != null) {
                return byName.get(name);
            }
            for (int i = 0; i < size; i++) {
                if (members[i].name.equals(name)) {
                    return members[i];
                }
            }
            return null;
        }

        /** Array.prototype.sort compares UTF-16 code units, as String.compareTo does. */
        Member[] sortedByName() {
            Member[] sorted = Arrays.copyOf(members, size);
            Arrays.sort(sorted, BY_NAME);
            return sorted;
        }

        /** Array indices in ascending numeric order, then every other name in the order it first appeared. */
        List<Member> inJavaScriptPropertyOrder() {
            List<Member> indices = new ArrayList<>();
            List<Member> names = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                (isArrayIndex(members[i].name) ? indices : names).add(members[i]);
            }
            if (indices.isEmpty()) {
                return names;
            }
            indices.sort(Comparator.comparingLong(member -> Long.parseLong(member.name)));
            indices.addAll(names);
            return indices;
        }
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

    /**
     * Whether UTF-8 JSON bytes start with a byte order mark, or hold a zero byte among the first four: Jackson, given
     * bytes, takes these as signs of UTF-16 or UTF-32 and skips or decodes them, where {@code JSON.parse} of the
     * UTF-8 text refuses both. Such bytes are not a JSON text; Jackson reads any other strict UTF-8 as UTF-8.
     */
    public static boolean startsLikeAnotherEncoding(byte[] body) {
        if (body.length >= BYTE_ORDER_MARK.length
                && Arrays.equals(body, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length)) {
            return true;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the bytes are well-formed UTF-8 (Unicode, table 3-7): no overlong forms, no surrogates, nothing above
     * U+10FFFF, no sequence cut short. Runs of ASCII are passed eight bytes at a time.
     */
    public static boolean isUtf8(byte[] bytes) {
        int length = bytes.length;
        int i = 0;
        while (i < length) {
            if (i + 8 <= length && ((long) EIGHT_BYTES.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuations;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
                secondMin = lead == 0xE0 ? 0xA0 : 0x80;
                secondMax = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
                secondMin = lead == 0xF0 ? 0x90 : 0x80;
                secondMax = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + continuations >= length) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k <= continuations; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return true;
    }

    /**
     * JSON.stringify's QuoteJSONString, in UTF-8: short escapes, other controls and lone surrogates as lowercase
     * \\u, so that what is left encodes as it is.
     */
    private static byte[] quoted(String string) {
        StringBuilder out = new StringBuilder(string.length() + 8);
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
                default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
            plainFrom = i + 1;
        }
        out.append(string, plainFrom, length);
        out.append('"');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Encodes as Node's Buffer.from(string, 'utf8') does: each lone surrogate becomes U+FFFD. */
    private static byte[] utf8AsNode(String string) {
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The serialisation being written, in one growing byte array. */
    private static final class Output {

        private byte[] bytes;
        private int length;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        void write(char asciiCharacter) {
            ensure(1);
            bytes[length++] = (byte) asciiCharacter;
        }

        void write(byte[] source) {
            write(source, 0, source.length);
        }

        void write(byte[] source, int from, int to) {
            int count = to - from;
            ensure(count);
            System.arraycopy(source, from, bytes, length, count);
            length += count;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
