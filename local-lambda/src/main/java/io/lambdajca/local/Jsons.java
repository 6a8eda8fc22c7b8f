package io.lambdajca.local;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

/** JSON-P helpers with one provider looked up once (the lookup is costly on a hot path). */
public final class Jsons {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static byte[] bytes(JsonStructure value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PROVIDER.createWriter(out)) {
            writer.write(value);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a request body that must be a JSON object. */
    public static JsonObject object(byte[] body) {
        if (body.length == 0) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (var reader = PROVIDER.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.invalidContent("Could not parse request body into json: " + e.getMessage());
        }
    }

    /**
     * Checks that a payload is one complete JSON value; returns null when it is, else the parser's complaint.
     * Streams through the bytes without building a tree.
     */
    public static String jsonProblem(byte[] payload) {
        // from a Reader: the InputStream form sniffs the encoding and builds a decoder per call
        try (JsonParser parser = PROVIDER.createParser(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
            if (!parser.hasNext()) {
                return "empty payload";
            }
            while (parser.hasNext()) {
                parser.next();
            }
            return null;
        } catch (JsonException | IllegalStateException e) {
            return e.getMessage();
        }
    }
}
