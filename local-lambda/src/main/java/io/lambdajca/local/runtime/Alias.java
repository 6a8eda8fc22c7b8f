package io.lambdajca.local.runtime;

import java.util.UUID;
import java.util.function.DoubleSupplier;

import io.lambdajca.local.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A function alias: a name pointing to one version ({@code $LATEST} or a number), optionally routing a share of the
 * invocations (weight 0.0-1.0) to one additional published version. Immutable; an update replaces it.
 */
public final class Alias {

    private final String name;
    private final String arn;
    private final String functionVersion;
    private final String description;
    private final String additionalVersion;
    private final double weight;
    private final String revisionId;

    Alias(String name, String arn, String functionVersion, String description, String additionalVersion,
            double weight) {
        this.name = name;
        this.arn = arn;
        this.functionVersion = functionVersion;
        this.description = description;
        this.additionalVersion = additionalVersion;
        this.weight = weight;
        this.revisionId = UUID.randomUUID().toString();
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String functionVersion() {
        return functionVersion;
    }

    public String description() {
        return description;
    }

    /** The version that receives a share of the invocations, or null without routing. */
    public String additionalVersion() {
        return additionalVersion;
    }

    public double weight() {
        return weight;
    }

    public String revisionId() {
        return revisionId;
    }

    /**
     * The version one invocation runs: the additional version when {@code random} (uniform in [0, 1)) falls below its
     * weight, else the alias's own version.
     */
    public String pick(DoubleSupplier random) {
        if (additionalVersion == null || weight <= 0.0) {
            return functionVersion;
        }
        return random.getAsDouble() < weight ? additionalVersion : functionVersion;
    }

    /** Lambda's AliasConfiguration; {@code RoutingConfig} only when the alias routes to a second version. */
    public JsonObject toJson() {
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder()
                .add("AliasArn", arn)
                .add("Name", name)
                .add("FunctionVersion", functionVersion)
                .add("Description", description)
                .add("RevisionId", revisionId);
        if (additionalVersion != null) {
            out.add("RoutingConfig", Jsons.PROVIDER.createObjectBuilder().add("AdditionalVersionWeights",
                    Jsons.PROVIDER.createObjectBuilder().add(additionalVersion, weight)));
        }
        return out.build();
    }
}
