package io.lambdajca.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
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
     * without building a tree.
     */
    public static String jsonProblem(byte[] payload) {
        try (com.fasterxml.jackson.core.JsonParser parser = JACKSON.createParser(payload)) {
            if (parser.nextToken() == null) {
                return "empty payload";
            }
            while (parser.nextToken() != null) {
                // every token read: malformed JSON or bytes that are not UTF-8 throw
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
