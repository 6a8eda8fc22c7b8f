package io.lambdajca.adapter.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import io.lambdajca.api.FunctionError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** Reads Lambda's function error payload {@code {"errorMessage", "errorType", "stackTrace"}}, leniently. */
final class FunctionErrorParser {

    private FunctionErrorParser() {
    }

    static FunctionError parse(String header, byte[] payload) {
        FunctionError.Kind kind = "Handled".equalsIgnoreCase(header) ? FunctionError.Kind.HANDLED
                : FunctionError.Kind.UNHANDLED;
        try (JsonReader reader = JsonP.PROVIDER.createReader(new ByteArrayInputStream(payload))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new FunctionError(kind, null, value.toString(), List.of());
            }
            JsonObject o = value.asJsonObject();
            return new FunctionError(kind, text(o, "errorType"), text(o, "errorMessage"), frames(o));
        } catch (RuntimeException notJson) {
            return new FunctionError(kind, null, new String(payload, java.nio.charset.StandardCharsets.UTF_8),
                    List.of());
        }
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : v.toString();
    }

    private static List<String> frames(JsonObject o) {
        JsonValue v = o.get("stackTrace");
        List<String> frames = new ArrayList<>();
        if (v != null && v.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue f : (JsonArray) v) {
                frames.add(f.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) f).getString()
                        : f.toString());
            }
        }
        return frames;
    }
}
