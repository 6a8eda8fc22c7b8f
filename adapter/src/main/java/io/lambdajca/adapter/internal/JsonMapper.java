package io.lambdajca.adapter.internal;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import io.lambdajca.api.ResultMappingException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/** Maps application objects to and from JSON payloads with JSON-B (the server's implementation). Thread-safe. */
public final class JsonMapper implements AutoCloseable {

    private final Jsonb jsonb = JsonbBuilder.create();

    public byte[] toJson(String functionName, Object value) {
        try {
            return jsonb.toJson(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new ResultMappingException(functionName, "input of type " + value.getClass().getName()
                    + " for function '" + functionName + "' cannot be mapped to JSON: " + e.getMessage(), e);
        }
    }

    public <T> T fromJson(String functionName, byte[] json, Type type) {
        try {
            return jsonb.fromJson(new String(json, StandardCharsets.UTF_8), type);
        } catch (JsonbException e) {
            throw new ResultMappingException(functionName, "result of function '" + functionName
                    + "' does not map to " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // JSON-B holds no resources that outlive it
        }
    }
}
