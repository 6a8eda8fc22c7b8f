package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "0", "-0", "12.5e-3", "1E+2", "-1.0", "\"\"", "true", "false", "null",
            " \t\r\n{ \"a\" : [ 1 , { } , [ ] , \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\" ] } \n",
            "{\"a\":{\"b\":{\"c\":[null,true,false]}}}", "\"caf\u00e9 \u20ac \uD83D\uDE00\""})
    void json_isAccepted_asByTheJakartaJsonParser(String json) {
        assertThat(JsonCheck.problem(utf8(json))).isNull();
        assertThat(parserProblem(json)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n\t", "{", "}", "[1,]", "[1 2]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{a:1}",
            "{'a':1}", "01", "1.", ".5", "-", "1e", "+1", "NaN", "Infinity", "tru", "nul", "True", "\"abc",
            "\"a\\x\"", "\"\\u12G4\"", "\"tab\there\"", "{} {}", "1 2", "[] x", "{}}", "[]]", "\"a\" \"b\"",
            "/* c */ {}", "{\"a\":1]", "[1}"})
    void notJson_isRefused_asByTheJakartaJsonParser(String text) {
        assertThat(JsonCheck.problem(utf8(text))).isNotNull();
        assertThat(parserProblem(text)).isNotNull();
    }

    @Test
    void bytesThatAreNotUtf8_areRefused_asLambdaRefusesThem() {
        // Lambda: "Could not parse payload into json: Invalid UTF-8 start byte 0x97"
        assertThat(JsonCheck.problem(new byte[] {'"', (byte) 0x97, '"'})).contains("UTF-8 start byte 0x97")
                .contains("offset 1");
        assertThat(JsonCheck.problem(new byte[] {'"', (byte) 0xC3, '"'})).contains("invalid UTF-8 sequence");
        assertThat(JsonCheck.problem(new byte[] {'"', (byte) 0xE2, (byte) 0x82, '"'})).isNotNull();
        assertThat(JsonCheck.problem(new byte[] {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, '"'})).isNotNull();
        assertThat(JsonCheck.problem(new byte[] {'"', (byte) 0xFF, '"'})).isNotNull();
        assertThat(JsonCheck.problem(new byte[] {'"', (byte) 0xC3})).isNotNull();
        assertThat(JsonCheck.problem(new byte[] {(byte) 0xC3, (byte) 0xA9})).contains("unexpected byte 0xC3");
        assertThat(JsonCheck.problem(new byte[] {'"', (byte) 0xC3, (byte) 0xA9, '"'})).isNull();
    }

    @Test
    void aUtf8ByteOrderMark_isSkipped_asLambdasParserSkipsIt() {
        assertThat(JsonCheck.problem(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).isNull();
        assertThat(JsonCheck.problem(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isNotNull();
    }

    @Test
    void nesting_isAcceptedTo1000Levels_andRefusedBeyond_asByTheParsersDefaults() {
        for (String open : List.of("[", "{\"k\":")) {
            String close = open.equals("[") ? "]" : "}";
            String deepest = open.repeat(JsonCheck.MAX_DEPTH) + "1" + close.repeat(JsonCheck.MAX_DEPTH);
            assertThat(JsonCheck.problem(utf8(deepest))).isNull();
            String tooDeep = open.repeat(JsonCheck.MAX_DEPTH + 1) + "1" + close.repeat(JsonCheck.MAX_DEPTH + 1);
            assertThat(JsonCheck.problem(utf8(tooDeep))).contains("nesting deeper than 1000");
            assertThat(JsonCheck.problem(utf8(open.repeat(500) + "1" + close.repeat(499)))).contains("ends inside");
        }
        // objects and arrays alternating beyond the first 64 levels close with their own brackets
        String mixed = "[{\"k\":".repeat(300) + "1" + "}]".repeat(300);
        assertThat(JsonCheck.problem(utf8(mixed))).isNull();
        assertThat(JsonCheck.problem(utf8("[{\"k\":".repeat(300) + "1" + "]}".repeat(300)))).isNotNull();
    }

    @Test
    void aLargePayload_isChecked_toItsLastByte() {
        StringBuilder b = new StringBuilder("[");
        while (b.length() < 5_000_000) {
            b.append("{\"id\":12345,\"name\":\"caf\u00e9 \\\"x\\\"\",\"ok\":true,\"v\":-1.5e3},");
        }
        b.setLength(b.length() - 1);
        assertThat(JsonCheck.problem(utf8(b + "]"))).isNull();
        assertThat(JsonCheck.problem(utf8(b + "]x"))).contains("after the end of the JSON value");
        assertThat(JsonCheck.problem(utf8(b.toString()))).contains("ends inside an array");
    }

    @Test
    void longStrings_areCheckedByteByByte() {
        String run = "x".repeat(10_000);
        assertThat(JsonCheck.problem(utf8("[\"" + run + "\u00e9" + run + "\\n" + run + "\"]"))).isNull();
        assertThat(JsonCheck.problem(utf8("\"" + run + "\tafter\""))).isEqualTo(
                "control character 0x09 inside a string at offset 10001 (it must be escaped)");
        byte[] notUtf8 = utf8("\"" + run + "??\"");
        notUtf8[10_001] = (byte) 0x97;
        assertThat(JsonCheck.problem(notUtf8)).contains("UTF-8 start byte 0x97 at offset 10001");
        assertThat(JsonCheck.problem(utf8("\"" + run))).isEqualTo("the string starting at offset 0 is not closed");
        assertThat(JsonCheck.problem(utf8("\"" + run + "\\"))).contains("ends inside an escape");
    }

    @Test
    void problem_namesWhatAndWhere() {
        assertThat(JsonCheck.problem(utf8("{\"a\":1,}"))).isEqualTo(
                "unexpected '}' at offset 7 where an object member's name (a string) was expected");
        assertThat(JsonCheck.problem(utf8("{} {}"))).isEqualTo(
                "unexpected '{' at offset 3 after the end of the JSON value");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The check this class replaced: a jakarta.json parser over the decoded payload (Parsson here, as in WildFly). */
    static String parserProblem(String json) {
        try (JsonParser parser = JsonProvider.provider().createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                parser.next();
            }
            return null;
        } catch (JsonException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    /**
     * The fast pass and the explaining walk decide alike: on generated documents (every kind of value, whitespace,
     * escapes, UTF-8, nesting past the 64 levels the bit stack keeps in a long) and on each of them spoiled once (a byte
     * dropped, replaced or added, or the end cut off), with a fixed seed.
     */
    @Test
    void fastPass_decidesAsTheExplainingWalk() {
        Random random = new Random(18);
        byte[] spoilers = utf8("{}[]\",:\\ \t\n0123456789-+.eEtrufalsn/u\u00e9\u20acx");
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder doc = new StringBuilder();
            generate(random, doc, random.nextInt(4) == 0 ? 80 : 4);
            String text = doc.toString();
            byte[] json = utf8(text);
            assertThat(JsonCheck.valid(json)).as(text).isTrue();
            assertThat(JsonCheck.explain(json)).as(text).isNull();
            byte[] spoiled = spoil(random, json, spoilers);
            boolean explainedAsValid = JsonCheck.explain(spoiled) == null;
            assertThat(JsonCheck.valid(spoiled)).as(new String(spoiled, StandardCharsets.ISO_8859_1))
                    .isEqualTo(explainedAsValid);
            refused += explainedAsValid ? 0 : 1;
        }
        assertThat(refused).as("spoiled documents that are not JSON").isGreaterThan(10_000);
    }

    private static final String RUN = "abcdefghijklmnopqrstuvwxyz 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static void generate(Random random, StringBuilder doc, int depth) {
        if (random.nextInt(5) == 0) {
            doc.append(List.of(" ", "\n", "\t ", "\r\n").get(random.nextInt(4)));
        }
        int kind = depth == 0 ? 2 + random.nextInt(5) : depth > 10 ? random.nextInt(2) : random.nextInt(7);
        switch (kind) {
            case 0, 1 -> {
                boolean object = kind == 0;
                doc.append(object ? '{' : '[');
                int members = depth > 10 ? 1 : random.nextInt(4);
                for (int m = 0; m < members; m++) {
                    if (m > 0) {
                        doc.append(',');
                    }
                    if (object) {
                        doc.append("\"k").append(m).append("\"").append(random.nextBoolean() ? " : " : ":");
                    }
                    generate(random, doc, depth - 1);
                }
                doc.append(object ? '}' : ']');
            }
            // a plain run of any length (read eight bytes at a time), or one with escapes or UTF-8
            case 2 -> doc.append(random.nextBoolean() ? "\"" + RUN.substring(0, random.nextInt(RUN.length())) + "\""
                    : List.of("\"\"", "\"plain\"", "\"caf\u00e9 \u20ac \uD83D\uDE00\"",
                    "\"esc \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00E9\"").get(random.nextInt(4)));
            case 3 -> doc.append(List.of("0", "-0", "12", "-3.25", "1e9", "2.5E-3", "6e+1").get(random.nextInt(7)));
            case 4 -> doc.append("true");
            case 5 -> doc.append("false");
            default -> doc.append("null");
        }
        if (random.nextInt(5) == 0) {
            doc.append(' ');
        }
    }

    private static byte[] spoil(Random random, byte[] json, byte[] spoilers) {
        int at = random.nextInt(json.length);
        byte spoiler = spoilers[random.nextInt(spoilers.length)];
        return switch (random.nextInt(4)) {
            case 0 -> concat(Arrays.copyOf(json, at), Arrays.copyOfRange(json, at + 1,
                    json.length));
            case 1 -> {
                byte[] copy = json.clone();
                copy[at] = spoiler;
                yield copy;
            }
            case 2 -> concat(Arrays.copyOf(json, at), concat(new byte[] {spoiler},
                    Arrays.copyOfRange(json, at, json.length)));
            default -> Arrays.copyOf(json, at);
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
