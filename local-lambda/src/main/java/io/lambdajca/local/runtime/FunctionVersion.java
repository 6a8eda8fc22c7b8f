package io.lambdajca.local.runtime;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.lambdajca.local.Jsons;

/** One version of a function ({@code $LATEST} or a published number): its configuration, immutable. */
public final class FunctionVersion {

    static final String LATEST = "$LATEST";
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final String name;
    private final String version;
    private final String unqualifiedArn;
    private final String runtimeId;
    private final String handler;
    private final String role;
    private final String description;
    private final int timeoutSeconds;
    private final int memorySizeMb;
    private final Map<String, String> environment;
    private final String lastModified;
    private final String revisionId;
    private final FunctionRuntime runtime;

    FunctionVersion(String name, String version, String unqualifiedArn, String runtimeId, String handler, String role,
            String description, int timeoutSeconds, int memorySizeMb, Map<String, String> environment,
            FunctionRuntime runtime) {
        this.name = name;
        this.version = version;
        this.unqualifiedArn = unqualifiedArn;
        this.runtimeId = runtimeId;
        this.handler = handler;
        this.role = role;
        this.description = description;
        this.timeoutSeconds = timeoutSeconds;
        this.memorySizeMb = memorySizeMb;
        this.environment = Map.copyOf(environment);
        this.lastModified = LAST_MODIFIED.format(ZonedDateTime.now(ZoneOffset.UTC));
        this.revisionId = UUID.randomUUID().toString();
        this.runtime = runtime;
    }

    FunctionVersion publish(String number) {
        return new FunctionVersion(name, number, unqualifiedArn, runtimeId, handler, role, description, timeoutSeconds,
                memorySizeMb, environment, runtime);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public int memorySizeMb() {
        return memorySizeMb;
    }

    FunctionRuntime runtime() {
        return runtime;
    }

    /** The ARN the API reports: unqualified for $LATEST, with the version number otherwise. */
    public String functionArn() {
        return LATEST.equals(version) ? unqualifiedArn : unqualifiedArn + ":" + version;
    }

    /** Lambda's FunctionConfiguration. */
    public JsonObject toJson() {
        JsonObjectBuilder env = Jsons.PROVIDER.createObjectBuilder();
        environment.forEach(env::add);
        return Jsons.PROVIDER.createObjectBuilder()
                .add("FunctionName", name)
                .add("FunctionArn", functionArn())
                .add("Runtime", runtimeId)
                .add("Role", role)
                .add("Handler", handler)
                .add("CodeSize", runtime.code().size())
                .add("Description", description)
                .add("Timeout", timeoutSeconds)
                .add("MemorySize", memorySizeMb)
                .add("LastModified", lastModified)
                .add("CodeSha256", runtime.code().sha256())
                .add("Version", version)
                .add("Environment", Jsons.PROVIDER.createObjectBuilder().add("Variables", env))
                .add("TracingConfig", Jsons.PROVIDER.createObjectBuilder().add("Mode", "PassThrough"))
                .add("RevisionId", revisionId)
                .add("State", "Active")
                .add("LastUpdateStatus", "Successful")
                .add("PackageType", "Zip")
                .add("Architectures", Jsons.PROVIDER.createArrayBuilder().add("x86_64"))
                .add("EphemeralStorage", Jsons.PROVIDER.createObjectBuilder().add("Size", 512))
                .addAll(runtime.tenancy().configJson())
                .build();
    }
}
