package io.lambdajca.adapter.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonPatch;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonPointer;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

/**
 * The JSON-P provider the adapter's JSON-B reads results with: the server's own, but its parsers give an {@code int}
 * or a {@code long} only when the number is one exactly. JSON-B (Yasson) reads an int or long property with the
 * parser's {@code getInt()}/{@code getLong()}, which JSON-P lets cut the number ({@code 99999999999} became the int
 * {@code 1215752191}, {@code 1.7} became {@code 1}, a long past its range wrapped around): a result was read wrong
 * rather than refused. Here such a number is a {@link JsonbException} naming it, which the mapping reports as a
 * {@code ResultMappingException}. Everything else is the server's provider's.
 */
final class ExactNumbers extends JsonProvider {

    private final JsonProvider delegate;

    ExactNumbers(JsonProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public JsonParser createParser(Reader reader) {
        return new Parser(delegate.createParser(reader));
    }

    @Override
    public JsonParser createParser(InputStream in) {
        return new Parser(delegate.createParser(in));
    }

    @Override
    public JsonParserFactory createParserFactory(Map<String, ?> config) {
        return new ParserFactory(delegate.createParserFactory(config));
    }

    @Override
    public JsonGenerator createGenerator(java.io.Writer writer) {
        return delegate.createGenerator(writer);
    }

    @Override
    public JsonGenerator createGenerator(java.io.OutputStream out) {
        return delegate.createGenerator(out);
    }

    @Override
    public JsonGeneratorFactory createGeneratorFactory(Map<String, ?> config) {
        return delegate.createGeneratorFactory(config);
    }

    @Override
    public JsonReader createReader(Reader reader) {
        return delegate.createReader(reader);
    }

    @Override
    public JsonReader createReader(InputStream in) {
        return delegate.createReader(in);
    }

    @Override
    public JsonWriter createWriter(java.io.Writer writer) {
        return delegate.createWriter(writer);
    }

    @Override
    public JsonWriter createWriter(java.io.OutputStream out) {
        return delegate.createWriter(out);
    }

    @Override
    public JsonWriterFactory createWriterFactory(Map<String, ?> config) {
        return delegate.createWriterFactory(config);
    }

    @Override
    public JsonReaderFactory createReaderFactory(Map<String, ?> config) {
        return delegate.createReaderFactory(config);
    }

    @Override
    public JsonObjectBuilder createObjectBuilder() {
        return delegate.createObjectBuilder();
    }

    @Override
    public JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return delegate.createObjectBuilder(object);
    }

    @Override
    public JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
        return delegate.createObjectBuilder(map);
    }

    @Override
    public JsonArrayBuilder createArrayBuilder() {
        return delegate.createArrayBuilder();
    }

    @Override
    public JsonArrayBuilder createArrayBuilder(JsonArray array) {
        return delegate.createArrayBuilder(array);
    }

    @Override
    public JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
        return delegate.createArrayBuilder(collection);
    }

    @Override
    public JsonPointer createPointer(String jsonPointer) {
        return delegate.createPointer(jsonPointer);
    }

    @Override
    public JsonPatchBuilder createPatchBuilder() {
        return delegate.createPatchBuilder();
    }

    @Override
    public JsonPatchBuilder createPatchBuilder(JsonArray array) {
        return delegate.createPatchBuilder(array);
    }

    @Override
    public JsonPatch createPatch(JsonArray array) {
        return delegate.createPatch(array);
    }

    @Override
    public JsonPatch createDiff(JsonStructure source, JsonStructure target) {
        return delegate.createDiff(source, target);
    }

    @Override
    public JsonMergePatch createMergePatch(JsonValue patch) {
        return delegate.createMergePatch(patch);
    }

    @Override
    public JsonMergePatch createMergeDiff(JsonValue source, JsonValue target) {
        return delegate.createMergeDiff(source, target);
    }

    @Override
    public JsonBuilderFactory createBuilderFactory(Map<String, ?> config) {
        return delegate.createBuilderFactory(config);
    }

    @Override
    public JsonString createValue(String value) {
        return delegate.createValue(value);
    }

    @Override
    public JsonNumber createValue(int value) {
        return delegate.createValue(value);
    }

    @Override
    public JsonNumber createValue(long value) {
        return delegate.createValue(value);
    }

    @Override
    public JsonNumber createValue(double value) {
        return delegate.createValue(value);
    }

    @Override
    public JsonNumber createValue(BigDecimal value) {
        return delegate.createValue(value);
    }

    @Override
    public JsonNumber createValue(BigInteger value) {
        return delegate.createValue(value);
    }

    @Override
    public JsonNumber createValue(Number value) {
        return delegate.createValue(value);
    }

    /** The delegate's parsers, each made exact. */
    private static final class ParserFactory implements JsonParserFactory {
        private final JsonParserFactory delegate;

        ParserFactory(JsonParserFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public JsonParser createParser(Reader reader) {
            return new Parser(delegate.createParser(reader));
        }

        @Override
        public JsonParser createParser(InputStream in) {
            return new Parser(delegate.createParser(in));
        }

        @Override
        public JsonParser createParser(InputStream in, Charset charset) {
            return new Parser(delegate.createParser(in, charset));
        }

        @Override
        public JsonParser createParser(JsonObject obj) {
            return new Parser(delegate.createParser(obj));
        }

        @Override
        public JsonParser createParser(JsonArray array) {
            return new Parser(delegate.createParser(array));
        }

        @Override
        public Map<String, ?> getConfigInUse() {
            return delegate.getConfigInUse();
        }
    }

    /** The delegate's parser, whose {@code getInt()} and {@code getLong()} refuse a number they would cut. */
    private static final class Parser implements JsonParser {
        private final JsonParser delegate;

        Parser(JsonParser delegate) {
            this.delegate = delegate;
        }

        @Override
        public int getInt() {
            BigDecimal number = delegate.getBigDecimal();
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw notCut(number, "an int", e);
            }
        }

        @Override
        public long getLong() {
            BigDecimal number = delegate.getBigDecimal();
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw notCut(number, "a long", e);
            }
        }

        private static JsonbException notCut(BigDecimal number, String what, ArithmeticException e) {
            return new JsonbException("the number " + RequestValidator.abbreviate(number.toString()) + " is not "
                    + what + ": it has a fraction or is out of range, and is not cut to fit", e);
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Event next() {
            return delegate.next();
        }

        @Override
        public Event currentEvent() {
            return delegate.currentEvent();
        }

        @Override
        public String getString() {
            return delegate.getString();
        }

        @Override
        public boolean isIntegralNumber() {
            return delegate.isIntegralNumber();
        }

        @Override
        public BigDecimal getBigDecimal() {
            return delegate.getBigDecimal();
        }

        @Override
        public JsonLocation getLocation() {
            return delegate.getLocation();
        }

        @Override
        public JsonObject getObject() {
            return delegate.getObject();
        }

        @Override
        public JsonValue getValue() {
            return delegate.getValue();
        }

        @Override
        public JsonArray getArray() {
            return delegate.getArray();
        }

        @Override
        public Stream<JsonValue> getArrayStream() {
            return delegate.getArrayStream();
        }

        @Override
        public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
            return delegate.getObjectStream();
        }

        @Override
        public Stream<JsonValue> getValueStream() {
            return delegate.getValueStream();
        }

        @Override
        public void skipArray() {
            delegate.skipArray();
        }

        @Override
        public void skipObject() {
            delegate.skipObject();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
