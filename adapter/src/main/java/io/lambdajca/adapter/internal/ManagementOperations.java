package io.lambdajca.adapter.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Function;

import io.lambdajca.api.AliasInfo;
import io.lambdajca.api.AliasRequest;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.LambdaServiceException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/**
 * The management calls behind {@code LambdaConnection.functions()}: versions, aliases, reserved concurrency and tags.
 * As {@link LambdaOperations}: validation first ({@link ManagementValidator}), then the shared SDK client under the
 * retry policy (each {@link Operation} says whether a resend is safe), then Lambda's answers as the connector's types
 * and its failures as the connector's exceptions. Changes are logged (LAMBDAJCA1301, at FINE). Stateless apart from
 * its shared, thread-safe collaborators.
 */
public final class ManagementOperations {

    /** The page size asked of the list operations. */
    static final int PAGE = 50;

    private final LambdaClient client;
    private final Retrier retrier;

    ManagementOperations(LambdaClient client, Retrier retrier) {
        this.client = client;
        this.retrier = retrier;
    }

    public Optional<FunctionInfo> getFunction(String functionName, String qualifier) {
        RequestValidator.functionName(functionName);
        RequestValidator.qualifier(functionName, qualifier);
        try {
            return Optional.of(FunctionInfos.of(call(Operation.GET_FUNCTION, functionName,
                    within -> client.getFunction(b -> b.functionName(functionName).qualifier(qualifier)
                            .overrideConfiguration(within))).configuration()));
        } catch (FunctionNotFoundException e) {
            return Optional.empty();
        }
    }

    public List<FunctionInfo> listVersions(String functionName) {
        RequestValidator.functionName(functionName);
        List<FunctionInfo> versions = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListVersionsByFunctionResponse page = call(Operation.LIST_VERSIONS, functionName,
                    within -> client.listVersionsByFunction(b -> b.functionName(functionName).marker(from)
                            .maxItems(PAGE).overrideConfiguration(within)));
            page.versions().forEach(v -> versions.add(FunctionInfos.of(v)));
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return versions;
    }

    public FunctionInfo publishVersion(String functionName, String description) {
        ManagementValidator.functionName(functionName);
        ManagementValidator.description(functionName, description);
        FunctionInfo published = FunctionInfos.ofPublished(call(Operation.PUBLISH_VERSION, functionName,
                within -> client.publishVersion(b -> b.functionName(functionName).description(description)
                        .overrideConfiguration(within))));
        AdapterLog.functionChanged("PublishVersion", functionName, "version " + published.version());
        return published;
    }

    public AliasInfo createAlias(AliasRequest request) {
        ManagementValidator.alias(request, true);
        String name = request.functionName();
        CreateAliasResponse r = call(Operation.CREATE_ALIAS, name, within -> client.createAlias(b -> b
                .functionName(name).name(request.aliasName()).functionVersion(request.functionVersion())
                .description(request.description()).routingConfig(routing(request.additionalVersionWeights()))
                .overrideConfiguration(within)));
        AliasInfo alias = alias(name, r.aliasArn(), r.name(), r.functionVersion(), r.description(),
                r.routingConfig(), r.revisionId());
        AdapterLog.functionChanged("CreateAlias", name, alias.toString());
        return alias;
    }

    public Optional<AliasInfo> getAlias(String functionName, String aliasName) {
        ManagementValidator.functionName(functionName);
        ManagementValidator.aliasName(functionName, aliasName);
        try {
            GetAliasResponse r = call(Operation.GET_ALIAS, functionName, within -> client.getAlias(b -> b
                    .functionName(functionName).name(aliasName).overrideConfiguration(within)));
            return Optional.of(alias(functionName, r.aliasArn(), r.name(), r.functionVersion(), r.description(),
                    r.routingConfig(), r.revisionId()));
        } catch (FunctionNotFoundException e) {
            return Optional.empty();
        }
    }

    public List<AliasInfo> listAliases(String functionName) {
        ManagementValidator.functionName(functionName);
        List<AliasInfo> aliases = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListAliasesResponse page = call(Operation.LIST_ALIASES, functionName,
                    within -> client.listAliases(b -> b.functionName(functionName).marker(from).maxItems(PAGE)
                            .overrideConfiguration(within)));
            for (AliasConfiguration a : page.aliases()) {
                aliases.add(alias(functionName, a.aliasArn(), a.name(), a.functionVersion(), a.description(),
                        a.routingConfig(), a.revisionId()));
            }
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return aliases;
    }

    public AliasInfo updateAlias(AliasRequest request) {
        ManagementValidator.alias(request, false);
        String name = request.functionName();
        Operation operation = request.revisionId() == null ? Operation.UPDATE_ALIAS
                : Operation.UPDATE_ALIAS_IF_REVISION;
        UpdateAliasResponse r = call(operation, name, within -> client.updateAlias(b -> b
                .functionName(name).name(request.aliasName()).functionVersion(request.functionVersion())
                .description(request.description()).routingConfig(routing(request.additionalVersionWeights()))
                .revisionId(request.revisionId()).overrideConfiguration(within)));
        AliasInfo alias = alias(name, r.aliasArn(), r.name(), r.functionVersion(), r.description(),
                r.routingConfig(), r.revisionId());
        AdapterLog.functionChanged("UpdateAlias", name, alias.toString());
        return alias;
    }

    public void deleteAlias(String functionName, String aliasName) {
        ManagementValidator.functionName(functionName);
        ManagementValidator.aliasName(functionName, aliasName);
        call(Operation.DELETE_ALIAS, functionName, within -> client.deleteAlias(b -> b.functionName(functionName)
                .name(aliasName).overrideConfiguration(within)));
        AdapterLog.functionChanged("DeleteAlias", functionName, "alias " + aliasName);
    }

    public OptionalInt getReservedConcurrency(String functionName) {
        ManagementValidator.functionName(functionName);
        Integer reserved = call(Operation.GET_CONCURRENCY, functionName, within -> client.getFunctionConcurrency(b -> b
                .functionName(functionName).overrideConfiguration(within))).reservedConcurrentExecutions();
        return reserved == null ? OptionalInt.empty() : OptionalInt.of(reserved);
    }

    public void putReservedConcurrency(String functionName, int reserved) {
        ManagementValidator.functionName(functionName);
        ManagementValidator.reservedConcurrency(functionName, reserved);
        call(Operation.PUT_CONCURRENCY, functionName, within -> client.putFunctionConcurrency(b -> b
                .functionName(functionName).reservedConcurrentExecutions(reserved).overrideConfiguration(within)));
        AdapterLog.functionChanged("PutFunctionConcurrency", functionName, "reserved concurrency " + reserved);
    }

    public void deleteReservedConcurrency(String functionName) {
        ManagementValidator.functionName(functionName);
        call(Operation.DELETE_CONCURRENCY, functionName, within -> client.deleteFunctionConcurrency(b -> b
                .functionName(functionName).overrideConfiguration(within)));
        AdapterLog.functionChanged("DeleteFunctionConcurrency", functionName, "no reserved concurrency");
    }

    public Map<String, String> listTags(String functionArn) {
        ManagementValidator.taggable(functionArn);
        ManagementValidator.notAVersionOrAlias(functionArn);
        Map<String, String> tags = call(Operation.LIST_TAGS, functionArn, within -> client.listTags(b -> b
                .resource(functionArn).overrideConfiguration(within))).tags();
        return Answers.read(functionArn, "the tags of '" + functionArn + "'", () -> Map.copyOf(tags));
    }

    public void tag(String functionArn, Map<String, String> tags) {
        ManagementValidator.taggable(functionArn);
        ManagementValidator.notAVersionOrAlias(functionArn);
        ManagementValidator.tags(functionArn, tags);
        Map<String, String> copy = Map.copyOf(tags);
        call(Operation.TAG, functionArn, within -> client.tagResource(b -> b.resource(functionArn).tags(copy)
                .overrideConfiguration(within)));
        // the keys only: a tag's value is the application's data
        AdapterLog.functionChanged("TagResource", functionArn, "keys " + new TreeSet<>(copy.keySet()));
    }

    public void untag(String functionArn, Collection<String> keys) {
        ManagementValidator.taggable(functionArn);
        ManagementValidator.tagKeys(functionArn, keys);
        List<String> copy = List.copyOf(keys);
        call(Operation.UNTAG, functionArn, within -> client.untagResource(b -> b.resource(functionArn).tagKeys(copy)
                .overrideConfiguration(within)));
        AdapterLog.functionChanged("UntagResource", functionArn, "keys " + copy);
    }

    /** The request's routing for the SDK: null (not sent) when not given, else the weights, empty to clear it. */
    private static AliasRoutingConfiguration routing(Map<String, Double> weights) {
        return weights == null ? null : AliasRoutingConfiguration.builder().additionalVersionWeights(weights).build();
    }

    private static AliasInfo alias(String functionName, String arn, String name, String version, String description,
            AliasRoutingConfiguration routing, String revisionId) {
        if (name == null) {
            // Lambda always names the alias; an endpoint that does not must not fail with the api's NPE
            throw new LambdaServiceException(functionName, "an answer about an alias of function '" + functionName
                    + "' has no alias Name" + (arn == null ? "" : " (AliasArn " + arn + ")") + ", which Lambda "
                    + "always sends: is the endpoint Lambda's?", 200, null, null);
        }
        return Answers.read(functionName, "alias '" + name + "' of function '" + functionName + "'",
                () -> AliasInfo.builder().aliasArn(arn).name(name).functionVersion(version).description(description)
                        .additionalVersionWeights(routing == null ? null : routing.additionalVersionWeights())
                        .revisionId(revisionId).build());
    }

    /** One call under the retry policy, as {@link LambdaOperations} makes them. */
    private <T> T call(Operation operation, String functionName, Function<AwsRequestOverrideConfiguration, T> call) {
        return retrier.sdkCall(operation, functionName, call);
    }
}
