package io.lambdajca.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;

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

    /** Jackson's parser factory: Lambda's front end parses payloads with Jackson, and answers with its messages. */
    private static final JsonFactory JACKSON = new JsonFactory();

    /**
     * Checks that a payload is JSON in UTF-8; returns null when it is, else Jackson's complaint, as AWS quotes it
     * ("Invalid UTF-8 start byte 0x87\n at [Source: REDACTED ...; line: 1, column: 3]"). Streams through the bytes
     * without building a tree. One value only, as a JSON text is: Jackson's parser reads values one after another
     * ({@code {} {}}), so a second value is refused here.
     */
    public static String jsonProblem(byte[] payload) {
        try (com.fasterxml.jackson.core.JsonParser parser = JACKSON.createParser(payload)) {
            if (parser.nextToken() == null) {
                return "empty payload";
            }
            parser.skipChildren(); // reads every token of the value: malformed JSON or bytes not UTF-8 throw
            JsonToken second = parser.nextToken();
            if (second != null) {
                JsonLocation at = parser.currentTokenLocation();
                return "Unexpected token (" + second + ") after the JSON value: a payload is one JSON value\n at "
                        + "[line: " + at.getLineNr() + ", column: " + at.getColumnNr() + "]";
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
