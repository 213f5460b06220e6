package com.comeet.hirebridge.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.comeet.hirebridge.signature.JavaScriptJsonVectors.Vector;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Byte-for-byte agreement with the JavaScript engine itself: every document goes through
 * {@code src/test/js/reference-serialiser.js} under Node and through {@link JavaScriptJson}, and both forms must be
 * the same bytes. Without Node these tests are skipped, and say so, since nothing here can pass without it.
 */
class JavaScriptJsonDifferentialTests {

    private static final Path REFERENCE_SERIALISER = Path.of("src/test/js/reference-serialiser.js");
    /** The Node executable; {@code -Djsjson.node=/path/to/node} when it is not {@code node} on the PATH. */
    private static final String NODE = System.getProperty("jsjson.node", "node");
    private static final String NODE_MISSING = "node not found: JavaScript differential tests SKIPPED";
    private static final int GENERATED_DOCUMENTS = 10_000;
    private static final int GENERATION_SIZE = 1000;
    private static final int NUMBERS_PER_DOCUMENT = 100;
    private static final long NODE_TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean nodeAvailable;

    @BeforeAll
    static void findNode() {
        nodeAvailable = runsNode();
        if (!nodeAvailable) {
            System.err.println("WARNING: " + NODE_MISSING + " (could not run `" + NODE + " --version`; install Node.js "
                    + "and put node on the PATH, or pass -Djsjson.node=/path/to/node)");
        }
    }

    @BeforeEach
    void requireNode() {
        assumeTrue(nodeAvailable, NODE_MISSING);
    }

    @Test
    void handWrittenVectorsMatchNode() {
        List<String> documents = JavaScriptJsonVectors.VECTORS.stream().map(Vector::document).toList();
        List<String[]> node = serialiseWithNode(documents);

        assertSameBytes(documents, node, "hand-written vectors");
        // The vectors' expectations were written by hand; Node must agree with them too, not only with the Java.
        for (int i = 0; i < documents.size(); i++) {
            Vector vector = JavaScriptJsonVectors.VECTORS.get(i);
            assertThat(node.get(i)).as(vector.name())
                    .containsExactly(base64(vector.stringify()), base64(vector.sorted()));
        }
    }

    @Test
    void refusesExactlyWhatNodeRefuses() {
        List<String[]> node = serialiseWithNode(JavaScriptJsonVectors.NOT_JSON);

        assertThat(node).as("Node's JSON.parse rejects every one of these texts").containsOnlyNulls();
        assertSameBytes(JavaScriptJsonVectors.NOT_JSON, node, "texts that are not JSON");
    }

    @Test
    void writesTheSmallestDoublesPowersOfTenAndTheirNeighboursAsNodeDoes() {
        List<Double> numbers = new ArrayList<>();
        for (long multiple = 1; multiple <= 5000; multiple++) {
            numbers.add(multiple * Double.MIN_VALUE);
        }
        for (int exponent = -325; exponent <= 309; exponent++) {
            double power = Double.parseDouble("1e" + exponent);
            numbers.addAll(List.of(power, Math.nextDown(power), Math.nextUp(power), 5 * power, 2 * power));
        }
        numbers.removeIf(number -> !Double.isFinite(number));
        // Double.toString's own digits read back as the same double, whatever its length.
        List<String> documents = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += NUMBERS_PER_DOCUMENT) {
            documents.add(numbers.subList(from, Math.min(from + NUMBERS_PER_DOCUMENT, numbers.size())).stream()
                    .map(number -> Double.toString(number)).collect(Collectors.joining(",", "[", "]")));
        }

        assertSameBytes(documents, serialiseWithNode(documents), "number series");
    }

    @Test
    void largeObjectsAndDeepNestingMatchNode() {
        // Thousands of keys put V8's objects in dictionary mode; the property order must not change with it.
        Random random = new Random(20_260_301L);
        StringBuilder large = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) {
            String key = switch (random.nextInt(4)) {
                case 0 -> Long.toString(random.nextInt(1 << 16));
                case 1 -> Long.toString(4_294_967_290L + random.nextInt(10));
                case 2 -> "k" + random.nextInt(3000);
                default -> "\\u" + String.format(Locale.ROOT, "%04x", random.nextInt(0x10000));
            };
            large.append(i == 0 ? "" : ",").append('"').append(key).append("\":").append(random.nextInt());
        }
        large.append('}');
        String deep = "[{\"b\":".repeat(499) + "-0" + "}]".repeat(499);
        List<String> documents = List.of(large.toString(), deep);

        assertSameBytes(documents, serialiseWithNode(documents), "large and deep documents");
    }

    @Test
    void generatedDocumentsMatchNode() {
        long seed = Long.getLong("jsjson.seed", new SecureRandom().nextLong());
        List<String> documents = generateDocuments(seed);

        List<String[]> node = serialiseWithNode(documents);

        assertThat(node).as("jqwik generates only valid JSON (seed %s)", seed).doesNotContainNull();
        assertSameBytes(documents, node, "generated documents, rerun with -Djsjson.seed=" + seed);
    }

    /** The documents a seed stands for, drawn straight from the generator: edge cases would crowd out the rest. */
    private static List<String> generateDocuments(long seed) {
        JqwikSession.start();
        try {
            RandomGenerator<String> generator = JsonDocuments.documents().generator(GENERATION_SIZE);
            Random random = new Random(seed);
            return Stream.generate(() -> generator.next(random).value()).limit(GENERATED_DOCUMENTS).toList();
        } finally {
            JqwikSession.finish();
        }
    }

    /** Compares both forms of every document, failing on the first difference with everything needed to redo it. */
    private static void assertSameBytes(List<String> documents, List<String[]> node, String batch) {
        assertThat(node).as("one answer from Node per document").hasSameSizeAs(documents);
        for (int i = 0; i < documents.size(); i++) {
            byte[] utf8 = documents.get(i).getBytes(StandardCharsets.UTF_8);
            String[] expected = node.get(i) == null ? new String[2] : node.get(i);
            String stringify = javaOrRefusal(JavaScriptJson::stringify, utf8);
            String sorted = javaOrRefusal(JavaScriptJson::sorted, utf8);
            String[] actual = {stringify, sorted};
            if (!Arrays.equals(expected, actual)) {
                fail("%s: document %d of %d differs from Node%n  document: %s%n  Node stringify: %s%n"
                                + "  Java stringify: %s%n  Node sorted:    %s%n  Java sorted:    %s",
                        batch, i, documents.size(), quoted(documents.get(i)), shown(expected, 0), shown(actual, 0),
                        shown(expected, 1), shown(actual, 1));
            }
        }
    }

    /** The base64 of the serialisation's bytes, or null when it refuses the document, as the reference does. */
    private static String javaOrRefusal(Function<byte[], byte[]> serialisation, byte[] document) {
        try {
            return Base64.getEncoder().encodeToString(serialisation.apply(document));
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static String shown(String[] pair, int form) {
        if (pair[form] == null) {
            return "(refused)";
        }
        return quoted(new String(Base64.getDecoder().decode(pair[form]), StandardCharsets.UTF_8));
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One Node process for the whole batch: the texts go in as a JSON array, base64 pairs (or null) come out. */
    private static List<String[]> serialiseWithNode(List<String> documents) {
        assertThat(Files.isRegularFile(REFERENCE_SERIALISER)).as(REFERENCE_SERIALISER + " exists").isTrue();
        try {
            byte[] input = JSON.writeValueAsBytes(documents);
            Process process = new ProcessBuilder(NODE, REFERENCE_SERIALISER.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("node did not finish within %d s", NODE_TIMEOUT_SECONDS);
            }
            writing.join();
            assertThat(process.exitValue()).as("node's exit status").isZero();
            return JSON.readValue(output, new TypeReference<List<String[]>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("running " + REFERENCE_SERIALISER + " with node failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node was running", e);
        }
    }

    private static boolean runsNode() {
        try {
            Process process = new ProcessBuilder(NODE, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
