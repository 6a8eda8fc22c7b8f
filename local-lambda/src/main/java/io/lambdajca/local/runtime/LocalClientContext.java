package io.lambdajca.local.runtime;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** The client context a caller sent in {@code X-Amz-Client-Context} (base64 JSON with client, custom and env). */
final class LocalClientContext implements ClientContext {

    private final Client client;
    private final Map<String, String> custom;
    private final Map<String, String> environment;

    private LocalClientContext(Client client, Map<String, String> custom, Map<String, String> environment) {
        this.client = client;
        this.custom = custom;
        this.environment = environment;
    }

    /** Parses the decoded JSON; throws {@link jakarta.json.JsonException} when it is not a JSON object. */
    static LocalClientContext parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            JsonObject c = o.containsKey("client") && o.get("client").getValueType() == JsonValue.ValueType.OBJECT
                    ? o.getJsonObject("client") : JsonValue.EMPTY_JSON_OBJECT;
            return new LocalClientContext(new LocalClient(c), strings(o, "custom"), strings(o, "env"));
        }
    }

    private static Map<String, String> strings(JsonObject o, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.OBJECT) {
            o.getJsonObject(key).forEach((k, v) -> out.put(k, v.getValueType() == JsonValue.ValueType.STRING
                    ? ((jakarta.json.JsonString) v).getString() : v.toString()));
        }
        return Map.copyOf(out);
    }

    @Override
    public Client getClient() {
        return client;
    }

    @Override
    public Map<String, String> getCustom() {
        return custom;
    }

    @Override
    public Map<String, String> getEnvironment() {
        return environment;
    }

    private static final class LocalClient implements Client {
        private final JsonObject json;

        LocalClient(JsonObject json) {
            this.json = json;
        }

        private String field(String name) {
            return json.containsKey(name) && json.get(name).getValueType() == JsonValue.ValueType.STRING
                    ? json.getString(name) : null;
        }

        @Override
        public String getInstallationId() {
            return field("installation_id");
        }

        @Override
        public String getAppTitle() {
            return field("app_title");
        }

        @Override
        public String getAppVersionName() {
            return field("app_version_name");
        }

        @Override
        public String getAppVersionCode() {
            return field("app_version_code");
        }

        @Override
        public String getAppPackageName() {
            return field("app_package_name");
        }
    }
}
