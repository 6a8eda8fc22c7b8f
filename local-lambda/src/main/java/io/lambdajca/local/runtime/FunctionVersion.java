package io.lambdajca.local.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.lambdajca.local.Jsons;

/**
 * One version of a function ({@code $LATEST} or a published number) as the API reports it at one moment: its
 * configuration, its code, its state and its revision. Immutable: a change of state or configuration is a new
 * instance with a new revision id. The runtime is null until the code is prepared (state {@code Pending}, or an update
 * {@code InProgress}).
 */
public final class FunctionVersion {

    static final String LATEST = "$LATEST";
    static final String PENDING = "Pending";
    static final String ACTIVE = "Active";
    static final String FAILED = "Failed";
    static final String IN_PROGRESS = "InProgress";
    static final String SUCCESSFUL = "Successful";
    /** The reason AWS gives while a function is created, and (sic) while an update is in progress. */
    private static final String CREATING_REASON = "The function is being created.";
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
    /** Null when the function was given no Environment: AWS then reports none. */
    private final Map<String, String> environment;
    private final FunctionCode code;
    private final FunctionRuntime runtime;
    private final String state;
    private final String lastUpdateStatus;
    private final String failure;
    private final String lastModified;
    private final String revisionId;
    /** Counts the changes of $LATEST's code or configuration; a version published from it keeps the count. */
    private final int generation;
    /** Fixed at creation: AWS does not let an update change it. */
    private final Tenancy tenancy;

    private FunctionVersion(FunctionVersion from, String version, String description, FunctionCode code,
            FunctionRuntime runtime, String state, String lastUpdateStatus, String failure, String lastModified,
            int generation) {
        this(from.name, version, from.unqualifiedArn, from.runtimeId, from.handler, from.role, description,
                from.timeoutSeconds, from.memorySizeMb, from.environment, code, runtime, state, lastUpdateStatus,
                failure, lastModified, generation, from.tenancy);
    }

    private FunctionVersion(String name, String version, String unqualifiedArn, String runtimeId, String handler,
            String role, String description, int timeoutSeconds, int memorySizeMb, Map<String, String> environment,
            FunctionCode code, FunctionRuntime runtime, String state, String lastUpdateStatus, String failure,
            String lastModified, int generation, Tenancy tenancy) {
        this.name = name;
        this.version = version;
        this.unqualifiedArn = unqualifiedArn;
        this.runtimeId = runtimeId;
        this.handler = handler;
        this.role = role;
        this.description = description;
        this.timeoutSeconds = timeoutSeconds;
        this.memorySizeMb = memorySizeMb;
        this.environment = environment == null ? null : Map.copyOf(environment);
        this.code = code;
        this.runtime = runtime;
        this.state = state;
        this.lastUpdateStatus = lastUpdateStatus;
        this.failure = failure;
        this.lastModified = lastModified;
        this.revisionId = UUID.randomUUID().toString();
        this.generation = generation;
        this.tenancy = tenancy;
    }

    /** A new function's $LATEST, Pending until its code is prepared. */
    static FunctionVersion created(String unqualifiedArn, FunctionRegistry.Spec spec, FunctionCode code) {
        return new FunctionVersion(spec.name, LATEST, unqualifiedArn, spec.runtime, spec.handler, spec.role,
                spec.description, spec.timeoutSeconds, spec.memorySizeMb,
                spec.environmentGiven || !spec.environment.isEmpty() ? spec.environment : null, code, null, PENDING,
                null, null, now(), 0, spec.tenancy);
    }

    /** This $LATEST with new settings (and maybe new code), its update in progress until the code is prepared. */
    FunctionVersion updated(FunctionRegistry.Spec spec, FunctionCode newCode) {
        return new FunctionVersion(name, LATEST, unqualifiedArn, spec.runtime, spec.handler, spec.role,
                spec.description, spec.timeoutSeconds, spec.memorySizeMb,
                spec.environmentGiven || environment != null ? spec.environment : null, newCode, null, state,
                IN_PROGRESS, null, now(), generation + 1, tenancy);
    }

    /** This version once its code is ready: Active, its last update Successful. */
    FunctionVersion prepared(FunctionRuntime prepared) {
        return new FunctionVersion(this, version, description, code, prepared, ACTIVE, SUCCESSFUL, null,
                lastModified, generation);
    }

    /** This version when its code could not be prepared. */
    FunctionVersion failed(String reason) {
        return new FunctionVersion(this, version, description, code, null, PENDING.equals(state) ? FAILED : state,
                FAILED, reason, lastModified, generation);
    }

    /** This version unchanged but for a new revision id: PublishVersion gives $LATEST one. */
    FunctionVersion revised() {
        return new FunctionVersion(this, version, description, code, runtime, state, lastUpdateStatus, failure,
                lastModified, generation);
    }

    /** A published copy of this $LATEST; Pending (without an update status) while $LATEST's code is not ready. */
    FunctionVersion publish(String number, String versionDescription) {
        boolean ready = runtime != null;
        return new FunctionVersion(this, number, versionDescription == null ? description : versionDescription, code,
                runtime, ready ? ACTIVE : PENDING, ready ? SUCCESSFUL : null, null, lastModified, generation);
    }

    public String name() {
        return name;
    }

    Tenancy tenancy() {
        return tenancy;
    }

    public String version() {
        return version;
    }

    /** A variable of this version's environment, or null. */
    String environmentVariable(String key) {
        return environment == null ? null : environment.get(key);
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public int memorySizeMb() {
        return memorySizeMb;
    }

    public String revisionId() {
        return revisionId;
    }

    public String codeSha256() {
        return code.sha256();
    }

    /** The token of this version's deployment package download. */
    public String codeDownloadToken() {
        return code.downloadToken();
    }

    /** Pending, Active or Failed. */
    public String state() {
        return state;
    }

    /** Whether an update of this $LATEST is in progress. */
    public boolean updating() {
        return IN_PROGRESS.equals(lastUpdateStatus);
    }

    int generation() {
        return generation;
    }

    FunctionCode code() {
        return code;
    }

    FunctionRuntime runtime() {
        return runtime;
    }

    String runtimeId() {
        return runtimeId;
    }

    String handler() {
        return handler;
    }

    /** The settings of this version, to be changed by an update. */
    FunctionRegistry.Spec spec() {
        FunctionRegistry.Spec spec = new FunctionRegistry.Spec();
        spec.name = name;
        spec.runtime = runtimeId;
        spec.handler = handler;
        spec.role = role;
        spec.description = description;
        spec.timeoutSeconds = timeoutSeconds;
        spec.memorySizeMb = memorySizeMb;
        spec.environment = environment == null ? Map.of() : environment;
        spec.tenancy = tenancy;
        return spec;
    }

    /** The ARN the API reports: unqualified for $LATEST, with the version number otherwise. */
    public String functionArn() {
        return LATEST.equals(version) ? unqualifiedArn : unqualifiedArn + ":" + version;
    }

    /** The ARN with the version always, {@code :$LATEST} included (ListVersionsByFunction, Qualifier=$LATEST). */
    public String qualifiedArn() {
        return unqualifiedArn + ":" + version;
    }

    /** Lambda's FunctionConfiguration, as GetFunction and the operations that change a function answer it. */
    public JsonObject toJson() {
        return toJson(functionArn(), true);
    }

    /**
     * Lambda's FunctionConfiguration under the given ARN; without the state members ({@code State},
     * {@code LastUpdateStatus}, their reasons and {@code RuntimeVersionConfig}) that list operations leave out.
     */
    public JsonObject toJson(String functionArn, boolean withState) {
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder()
                .add("FunctionName", name)
                .add("FunctionArn", functionArn)
                .add("Runtime", runtimeId)
                .add("Role", role)
                .add("Handler", handler)
                .add("CodeSize", code.size())
                .add("Description", description)
                .add("Timeout", timeoutSeconds)
                .add("MemorySize", memorySizeMb)
                .add("LastModified", lastModified)
                .add("CodeSha256", code.sha256())
                .add("Version", version);
        if (environment != null) {
            JsonObjectBuilder env = Jsons.PROVIDER.createObjectBuilder();
            environment.forEach(env::add);
            out.add("Environment", Jsons.PROVIDER.createObjectBuilder().add("Variables", env));
        }
        out.add("TracingConfig", Jsons.PROVIDER.createObjectBuilder().add("Mode", "PassThrough"))
                .add("RevisionId", revisionId)
                .add("PackageType", "Zip")
                .add("Architectures", Jsons.PROVIDER.createArrayBuilder().add("x86_64"))
                .add("EphemeralStorage", Jsons.PROVIDER.createObjectBuilder().add("Size", 512))
                .add("SnapStart", Jsons.PROVIDER.createObjectBuilder().add("ApplyOn", "None")
                        .add("OptimizationStatus", "Off"))
                .add("LoggingConfig", Jsons.PROVIDER.createObjectBuilder().add("LogFormat", "Text")
                        .add("LogGroup", "/aws/lambda/" + name))
                .addAll(tenancy.configJson());
        if (withState) {
            out.add("State", state);
            if (PENDING.equals(state)) {
                out.add("StateReason", CREATING_REASON).add("StateReasonCode", "Creating");
            } else if (FAILED.equals(state)) {
                out.add("StateReason", failure).add("StateReasonCode", "InternalError");
            }
            if (lastUpdateStatus != null) {
                out.add("LastUpdateStatus", lastUpdateStatus);
            }
            if (IN_PROGRESS.equals(lastUpdateStatus)) {
                out.add("LastUpdateStatusReason", CREATING_REASON).add("LastUpdateStatusReasonCode", "Creating");
            } else if (FAILED.equals(lastUpdateStatus)) {
                out.add("LastUpdateStatusReason", failure).add("LastUpdateStatusReasonCode", "InternalError");
            }
            out.add("RuntimeVersionConfig", Jsons.PROVIDER.createObjectBuilder()
                    .add("RuntimeVersionArn", runtimeVersionArn()));
        }
        return out.build();
    }

    /** {@code arn:aws:lambda:REGION::runtime:HASH}, the hash standing for the runtime's current build. */
    private String runtimeVersionArn() {
        String region = unqualifiedArn.split(":")[3];
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(runtimeId.getBytes(StandardCharsets.UTF_8));
            return "arn:aws:lambda:" + region + "::runtime:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String now() {
        return LAST_MODIFIED.format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
