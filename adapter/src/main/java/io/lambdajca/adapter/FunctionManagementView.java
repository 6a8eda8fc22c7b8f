package io.lambdajca.adapter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.lambdajca.adapter.internal.ManagementOperations;
import io.lambdajca.api.AliasInfo;
import io.lambdajca.api.AliasRequest;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionManagement;

/**
 * The management view of a connection handle ({@code LambdaConnection.functions()}): every call checks, as the
 * handle's own do, that the handle is still open and associated and the adapter runs, then goes to the management
 * operations of the handle's credentials.
 */
final class FunctionManagementView implements FunctionManagement {

    private final LambdaConnectionHandle handle;

    FunctionManagementView(LambdaConnectionHandle handle) {
        this.handle = handle;
    }

    private ManagementOperations operations() {
        return handle.operations().management();
    }

    @Override
    public Optional<FunctionInfo> getFunction(String functionName, String qualifier) {
        return operations().getFunction(functionName, qualifier);
    }

    @Override
    public List<FunctionInfo> listVersions(String functionName) {
        return operations().listVersions(functionName);
    }

    @Override
    public FunctionInfo publishVersion(String functionName, String description) {
        return operations().publishVersion(functionName, description);
    }

    @Override
    public AliasInfo createAlias(AliasRequest request) {
        return operations().createAlias(request);
    }

    @Override
    public Optional<AliasInfo> getAlias(String functionName, String aliasName) {
        return operations().getAlias(functionName, aliasName);
    }

    @Override
    public List<AliasInfo> listAliases(String functionName) {
        return operations().listAliases(functionName);
    }

    @Override
    public AliasInfo updateAlias(AliasRequest request) {
        return operations().updateAlias(request);
    }

    @Override
    public void deleteAlias(String functionName, String aliasName) {
        operations().deleteAlias(functionName, aliasName);
    }

    @Override
    public OptionalInt getReservedConcurrency(String functionName) {
        return operations().getReservedConcurrency(functionName);
    }

    @Override
    public void putReservedConcurrency(String functionName, int reserved) {
        operations().putReservedConcurrency(functionName, reserved);
    }

    @Override
    public void deleteReservedConcurrency(String functionName) {
        operations().deleteReservedConcurrency(functionName);
    }

    @Override
    public Map<String, String> listTags(String functionArn) {
        return operations().listTags(functionArn);
    }

    @Override
    public void tag(String functionArn, Map<String, String> tags) {
        operations().tag(functionArn, tags);
    }

    @Override
    public void untag(String functionArn, Collection<String> keys) {
        operations().untag(functionArn, keys);
    }
}
