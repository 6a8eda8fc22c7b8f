package io.lambdajca.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Versions, aliases, reserved concurrency and tags of functions: the management calls of a {@link LambdaConnection},
 * kept apart from invoking. Had from {@link LambdaConnection#functions()}, and usable only while that connection is
 * open: once it is closed, every method throws a {@link ConnectionUnavailableException} saying so. Not thread-safe, like its
 * connection.
 * <p>
 * Every method throws an {@link InvalidRequestException} for arguments that break Lambda's rules (the message names
 * the value and the rule) before any network call, and a subclass of {@link LambdaException} for every other failure:
 * {@link FunctionNotFoundException} when the function (or the version or alias a change needs) does not exist,
 * {@link ResourceConflictException} when Lambda refuses a change that conflicts with the function's state (HTTP 409),
 * {@link PreconditionFailedException} when a revision id given as a precondition is no longer current (HTTP 412).
 * <p>
 * Reads, and the changes that leave the same result however often they are made, are retried under the connection's
 * retry policy: reserved concurrency, tags, deleting an alias, updating an alias without a revision id, and publishing
 * a version (Lambda publishes none when nothing changed since the last one, so a resend after a lost answer gets the
 * version the first attempt published; one that someone else's change reached in between gets a version with it).
 * Creating an alias and updating an alias with a revision id are resent only when the request cannot have reached
 * Lambda (throttled, or the endpoint refused the connection), as a resend after a lost answer that did the change
 * would fail on it (the alias exists, its revision changed): an {@link EndpointUnavailableException} then leaves it to
 * the application to look ({@link #getAlias(String, String)}) before trying again.
 */
public interface FunctionManagement {

    /**
     * The configuration of one version of a function (a version number, {@code $LATEST}) or of the version an alias
     * points to, or empty when there is no such function, version or alias.
     *
     * @param functionName a function name, partial ARN or ARN
     * @param qualifier a version or an alias; null for {@code $LATEST}
     */
    Optional<FunctionInfo> getFunction(String functionName, String qualifier);

    /**
     * Every version of a function: {@code $LATEST}, then the published versions, oldest first (ListVersionsByFunction,
     * every page).
     *
     * @throws FunctionNotFoundException when there is no such function
     */
    List<FunctionInfo> listVersions(String functionName);

    /**
     * Publishes the function's current code and configuration as a new version (PublishVersion). When neither has
     * changed since the last published version, Lambda publishes none and answers with that version.
     *
     * @param description the version's description (at most 256 characters), or null for none
     * @return the version, whose {@link FunctionInfo#version()} is its number
     * @throws ResourceConflictException when an update of the function is still in progress
     */
    FunctionInfo publishVersion(String functionName, String description);

    /**
     * Creates an alias (CreateAlias) pointing to {@link AliasRequest#functionVersion()}, which is required, with the
     * request's description and routing.
     *
     * @throws ResourceConflictException when the function already has an alias of that name
     * @throws FunctionNotFoundException when there is no such function or version
     */
    AliasInfo createAlias(AliasRequest request);

    /** The alias, or empty when the function has no alias of that name (or there is no such function). */
    Optional<AliasInfo> getAlias(String functionName, String aliasName);

    /**
     * Every alias of the function (ListAliases, every page).
     *
     * @throws FunctionNotFoundException when there is no such function
     */
    List<AliasInfo> listAliases(String functionName);

    /**
     * Changes an alias (UpdateAlias): its version, description or routing, as far as the request sets them (what it
     * leaves null stays as it is). With a {@link AliasRequest#revisionId() revision id}, only if the alias still has
     * that revision.
     *
     * @throws PreconditionFailedException when the alias no longer has the request's revision id
     * @throws FunctionNotFoundException when there is no such function, alias or version
     */
    AliasInfo updateAlias(AliasRequest request);

    /**
     * Deletes an alias (DeleteAlias); done also when the function has no such alias. Lambda answers a deletion of an
     * absent alias as it answers one of an existing alias, so whether there was one is not known here: ask
     * {@link #getAlias(String, String)} first when it matters.
     */
    void deleteAlias(String functionName, String aliasName);

    /**
     * The function's reserved concurrency (GetFunctionConcurrency), or empty when it has none (it then draws on the
     * account's unreserved concurrency). A reservation of 0 means the function is throttled: it cannot run.
     *
     * @throws FunctionNotFoundException when there is no such function
     */
    OptionalInt getReservedConcurrency(String functionName);

    /**
     * Reserves concurrency for the function (PutFunctionConcurrency): at most {@code reserved} instances at once, and
     * that many set aside from the account's pool. 0 stops every invocation of it.
     *
     * @throws FunctionNotFoundException when there is no such function
     * @throws InvalidRequestException when the account has not that much unreserved concurrency to give
     */
    void putReservedConcurrency(String functionName, int reserved);

    /**
     * Removes the function's reserved concurrency (DeleteFunctionConcurrency); done also when it had none.
     *
     * @throws FunctionNotFoundException when there is no such function
     */
    void deleteReservedConcurrency(String functionName);

    /**
     * The tags of a function (ListTags), by ARN ({@link FunctionInfo#arn()}): Lambda's tag operations take ARNs.
     *
     * @throws FunctionNotFoundException when there is no such function
     */
    Map<String, String> listTags(String functionArn);

    /**
     * Adds tags to a function (TagResource), replacing the values of keys it already has.
     *
     * @throws FunctionNotFoundException when there is no such function
     */
    void tag(String functionArn, Map<String, String> tags);

    /**
     * Removes tags from a function (UntagResource); keys it does not have are ignored.
     *
     * @throws FunctionNotFoundException when there is no such function
     */
    void untag(String functionArn, Collection<String> keys);
}
