package com.comeet.hirebridge.signature;

import java.util.List;

/**
 * Hand-written vectors for both serialisations: each document with the exact text of
 * {@code JSON.stringify(JSON.parse(document))} and of Comeet's sorted form. {@link JavaScriptJsonTests} checks them
 * against the Java code, {@link JavaScriptJsonDifferentialTests} against Node.
 */
final class JavaScriptJsonVectors {

    /** A document and the two texts it serialises to; their UTF-8 bytes are what gets signed. */
    record Vector(String name, String document, String stringify, String sorted) {

        static Vector same(String name, String document, String both) {
            return new Vector(name, document, both, both);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String ALL_CONTROL_CHARACTERS_ESCAPED = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
            + "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
            + "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"";

    static final List<Vector> VECTORS = List.of(
            Vector.same("numbers in ECMAScript's shortest form",
                    "[1.0,1e21,1e-7,0.000001,-0,5e-324,1.7976931348623157e308,9007199254740993,12345678.5,0.1,"
                            + "123e-20,1e400]",
                    "[1,1e+21,1e-7,0.000001,0,5e-324,1.7976931348623157e+308,9007199254740992,12345678.5,0.1,"
                            + "1.23e-18,null]"),
            Vector.same("number spellings, exponent boundaries and the smallest doubles",
                    "[100,1E+2,-1.5e-7,1e20,123456789012345678901234567890,0.0000001,-0.0,4.35,2e-323,1e-323,"
                            + "-1e-400,0.1e1,5e-7,0.000001234,1.0000000000000000000000000001,-1e400]",
                    "[100,100,-1.5e-7,100000000000000000000,1.2345678901234568e+29,1e-7,0,4.35,2e-323,1e-323,"
                            + "0,1,5e-7,0.000001234,1,null]"),
            Vector.same("infinity at the root", "1e400", "null"),
            Vector.same("negative zero at the root", "-0", "0"),
            Vector.same("a string at the root", "\"x\"", "\"x\""),
            Vector.same("every control character, escaped as JSON.stringify does",
                    "[\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\u0008\\u0009\\u000A\\u000B"
                            + "\\u000C\\u000D\\u000E\\u000F\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016"
                            + "\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F\"]",
                    "[" + ALL_CONTROL_CHARACTERS_ESCAPED + "]"),
            Vector.same("DEL, line and paragraph separators, slash and non-ASCII written as themselves",
                    "{\"s\":\"DEL\\u007f LS\\u2028 PS\u2029 emoji😀 \\ud83d\\ude00 Hebrew נועה slash\\/ / "
                            + "é\\u00e9\\u00E9 quote\\\" backslash\\\\ tab\\t\"}",
                    "{\"s\":\"DEL\u007f LS\u2028 PS\u2029 emoji😀 😀 Hebrew נועה slash/ / ééé quote\\\" "
                            + "backslash\\\\ tab\\t\"}"),
            Vector.same("lone surrogates in values, escaped in lower case",
                    "[\"\\ud800\",\"\\uDFFFx\",\"\\udc00\\ud800\",\"\\ud83d\\ude00\"]",
                    "[\"\\ud800\",\"\\udfffx\",\"\\udc00\\ud800\",\"😀\"]"),
            new Vector("keys sorted by UTF-16 code units and written raw",
                    "{\"a\\\"b\":1,\"back\\\\slash\":2,\"\":3,\"😀\":4,\"\uff61\":5,\"10\":6,\"2\":7,\"B\":8,\"a\":9,"
                            + "\"_\":10,\"A\":11}",
                    "{\"2\":7,\"10\":6,\"a\\\"b\":1,\"back\\\\slash\":2,\"\":3,\"😀\":4,\"\uff61\":5,\"B\":8,\"a\":9,"
                            + "\"_\":10,\"A\":11}",
                    "{\"\":3,\"10\":6,\"2\":7,\"A\":11,\"B\":8,\"_\":10,\"a\":9,\"a\"b\":1,\"back\\slash\":2,"
                            + "\"😀\":4,\"\uff61\":5}"),
            new Vector("a lone surrogate key reaches the sorted form raw and is encoded as U+FFFD",
                    "{\"\\ud800x\":1,\"k\":\"\\ud800\"}",
                    "{\"\\ud800x\":1,\"k\":\"\\ud800\"}",
                    "{\"k\":\"\\ud800\",\"\ufffdx\":1}"),
            new Vector("control characters in keys are escaped in order and raw when sorted",
                    "{\"tab\\tkey\":1,\"nl\\u000akey\":2}",
                    "{\"tab\\tkey\":1,\"nl\\nkey\":2}",
                    "{\"nl\nkey\":2,\"tab\tkey\":1}"),
            new Vector("nested arrays of objects, empty containers and null members",
                    "{\"z\":[{\"b\":1,\"a\":[true,false,null]},[],{}],\"y\":{\"d\":{},\"c\":[]},\"x\":null}",
                    "{\"z\":[{\"b\":1,\"a\":[true,false,null]},[],{}],\"y\":{\"d\":{},\"c\":[]},\"x\":null}",
                    "{\"x\":null,\"y\":{\"c\":[],\"d\":{}},\"z\":[{\"a\":[true,false,null],\"b\":1},[],{}]}"),
            new Vector("a duplicated key keeps its last value at its first position",
                    "{\"a\":1,\"b\":2,\"a\":{\"c\":3,\"c\":4},\"é\":5,\"\\u00e9\":6}",
                    "{\"a\":{\"c\":4},\"b\":2,\"é\":6}",
                    "{\"a\":{\"c\":4},\"b\":2,\"é\":6}"),
            new Vector("array-index keys come first in the original order",
                    "{\"b\":1,\"4294967295\":2,\"4294967294\":3,\"01\":4,\"1\":5,\"-0\":6,\"0\":7,\"1.5\":8,\"a\":9}",
                    "{\"0\":7,\"1\":5,\"4294967294\":3,\"b\":1,\"4294967295\":2,\"01\":4,\"-0\":6,\"1.5\":8,\"a\":9}",
                    "{\"-0\":6,\"0\":7,\"01\":4,\"1\":5,\"1.5\":8,\"4294967294\":3,\"4294967295\":2,\"a\":9,\"b\":1}"),
            Vector.same("__proto__ is an ordinary key in JSON.parse",
                    "{\"__proto__\":{\"x\":1},\"a\":2}",
                    "{\"__proto__\":{\"x\":1},\"a\":2}"),
            new Vector("a pretty-printed Comeet hire loses its whitespace",
                    "{\r\n  \"first_name\": \"נועה\",\n\t\"comeet_id\" : \"3C1.A07\",\n  \"salary\": 12000.50,\n"
                            + "  \"start_date\": \"2026-03-01\",\n  \"tags\": [ ]\n}\n",
                    "{\"first_name\":\"נועה\",\"comeet_id\":\"3C1.A07\",\"salary\":12000.5,"
                            + "\"start_date\":\"2026-03-01\",\"tags\":[]}",
                    "{\"comeet_id\":\"3C1.A07\",\"first_name\":\"נועה\",\"salary\":12000.5,"
                            + "\"start_date\":\"2026-03-01\",\"tags\":[]}"));

    /** Texts that JSON.parse rejects; a serialisation of them must be refused, not guessed. */
    static final List<String> NOT_JSON = List.of("", " ", "\ufeff{}", "{} x", "1 2", "[1,]", "{\"a\":1,}", "01",
            "-01", "NaN", "Infinity", "-Infinity", "'a'", "{'a':1}", "{a:1}", "\"\\x\"", "\"\\'\"", "\"a\u0001b\"",
            "\"tab\tinside\"", "1.", ".5", "+1", "-", "1e", "1e+", "[", "{\"a\"}", "\"\\ud8\"", "{}\u00a0", "{}\u000b",
            "{}\f", "tru", "nul", "/* c */{}", "{}// c", "[1 2]", "{\"a\":1 \"b\":2}", "0x10", "\"unterminated");

    private JavaScriptJsonVectors() {
    }
}
