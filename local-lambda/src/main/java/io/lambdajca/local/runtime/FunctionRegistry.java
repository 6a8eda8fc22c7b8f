package io.lambdajca.local.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.lambdajca.local.ApiException;

/** The functions of the one account and region the endpoint plays. */
public final class FunctionRegistry implements AutoCloseable {

    /** Lambda returns at most 50 functions a page, whatever MaxItems asks for. */
    public static final int MAX_PAGE = 50;

    private static final Logger LOG = Logger.getLogger(FunctionRegistry.class.getName());

    private final String region;
    private final String accountId;
    private final Path workDir;
    private final ConcurrentSkipListMap<String, LambdaFunction> functions = new ConcurrentSkipListMap<>();
    private final Executor preparation;

    /**
     * @param preparation runs the preparation of a created or updated function's code, after which it is Active and
     *        its update Successful
     */
    public FunctionRegistry(String region, String accountId, Path workDir, Executor preparation) {
        this.region = region;
        this.accountId = accountId;
        this.workDir = workDir;
        this.preparation = preparation;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public Path workDir() {
        return workDir;
    }

    public String arn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /**
     * Settings of a new function; {@link #create} takes them with their name and configuration already checked
     * against Lambda's constraints.
     */
    public static final class Spec {
        public String name;
        public String runtime = "java21";
        public String handler;
        public String role;
        public String description = "";
        public int timeoutSeconds = 3;
        public int memorySizeMb = 128;
        public Map<String, String> environment = Map.of();
        public Tenancy tenancy = Tenancy.NONE;
        /** Whether the request had an Environment (AWS reports one, even empty, only then). */
        public boolean environmentGiven;
    }

    /**
     * Creates a function whose name and configuration the caller has checked as CreateFunction does (CreateFunction's
     * request, {@code LocalLambda.deploy}); this checks the runtime. The code is closed if the function cannot be
     * created. A function created {@code active} has its code prepared at once (functions deployed with the
     * endpoint); otherwise it is Pending until {@link #prepare} has run.
     */
    public LambdaFunction create(Spec spec, FunctionCode code, boolean active) {
        try {
            Runtimes.check(spec.runtime);
            if (functions.containsKey(spec.name)) {
                throw ApiException.conflict("Function already exist: " + spec.name);
            }
            FunctionVersion latest = FunctionVersion.created(arn(spec.name), spec, code);
            LambdaFunction function = new LambdaFunction(active ? latest.prepared(runtimeOf(latest)) : latest);
            if (functions.putIfAbsent(spec.name, function) != null) {
                function.close();
                throw ApiException.conflict("Function already exist: " + spec.name);
            }
            return function;
        } catch (RuntimeException e) {
            code.close();
            throw e;
        }
    }

    /**
     * Prepares, in the background, the code of the function's $LATEST as it is now (just created, or updated): a new
     * runtime (new execution environments); then the function is Active and its update Successful.
     */
    public void prepare(LambdaFunction function) {
        FunctionVersion pending = function.latest();
        preparation.execute(() -> {
            FunctionRuntime runtime;
            try {
                runtime = runtimeOf(pending);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not prepare function " + pending.name(), e);
                function.failed(pending, "local-lambda could not prepare the code: " + e);
                return;
            }
            if (!function.prepared(pending, runtime)) {
                runtime.close();
            }
        });
    }

    private FunctionRuntime runtimeOf(FunctionVersion v) {
        Map<String, String> env = new LinkedHashMap<>(v.spec().environment);
        env.put("AWS_LAMBDA_FUNCTION_NAME", v.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", FunctionVersion.LATEST);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(v.memorySizeMb()));
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + v.runtimeId());
        env.put("LAMBDA_TASK_ROOT", v.code().taskRoot().toString());
        env.put("TZ", ":UTC");
        return new FunctionRuntime(v.name(), v.handler(), v.code(), env, v.tenancy());
    }

    public LambdaFunction get(String name) {
        return get(name, null);
    }

    /**
     * The function of that name, else 404 naming it as AWS does: "Function not found: ARN", with the qualifier when
     * the operation names one (null: none).
     */
    public LambdaFunction get(String name, String qualifierInMessage) {
        LambdaFunction f = functions.get(name);
        if (f == null) {
            throw ApiException.notFound("Function not found: " + arn(name)
                    + (qualifierInMessage == null ? "" : ":" + qualifierInMessage));
        }
        return f;
    }

    /** The reference, when it names this endpoint's region and account (404 or 403 as AWS answers otherwise). */
    public FunctionNames.Ref reachable(FunctionNames.Ref ref) {
        return ref.checkReachable(region, accountId);
    }

    /** Every function, in name order. */
    public Collection<LambdaFunction> all() {
        return functions.values();
    }

    public boolean exists(String name) {
        return functions.containsKey(name);
    }

    /**
     * Deletes the function with all versions (qualifier null), or one published version: deleting a version that does
     * not exist (of a function that does) succeeds, as on AWS.
     */
    public void delete(String name, String qualifier) {
        // both refused before the function is looked up (recorded: test_ops_with_arn_qualifier_mismatch
        // [delete_function] "match_exception", and test_function_name_and_qualifier_validation[...-delete_function],
        // each for a function that does not exist)
        if (FunctionVersion.LATEST.equals(qualifier)) {
            throw ApiException.lowerCaseMessage(400, "InvalidParameterValueException",
                    "$LATEST version cannot be deleted without deleting the function.");
        }
        if (qualifier != null && Aliases.isName(qualifier)) {
            throw ApiException.invalidParameter("Deletion of aliases is not currently supported.");
        }
        LambdaFunction f = get(name);
        if (qualifier == null) {
            if (functions.remove(name, f)) {
                f.close();
            }
            return;
        }
        f.removeVersion(qualifier); // a version number, or another qualifier ("$latest"): nothing to delete
    }

    /** One page of ListFunctions. */
    public Page list(String marker, Integer maxItems, boolean allVersions) {
        int size = Math.min(maxItems == null ? MAX_PAGE : maxItems, MAX_PAGE);
        String after = marker == null ? null : decodeMarker(marker);
        List<FunctionVersion> page = new ArrayList<>(size);
        String lastKey = null;
        boolean more = false;
        outer:
        for (LambdaFunction f : (after == null ? functions : functions.tailMap(after.split("\u0000", 2)[0], true))
                .values()) {
            for (FunctionVersion v : allVersions ? f.allVersions() : List.of(f.latest())) {
                String key = v.name() + "\u0000" + sortableVersion(v.version());
                if (after != null && key.compareTo(after) <= 0) {
                    continue;
                }
                if (page.size() == size) {
                    more = true;
                    break outer;
                }
                page.add(v);
                lastKey = key;
            }
        }
        return new Page(page, more ? encodeMarker(lastKey) : null);
    }

    private static String sortableVersion(String version) {
        return FunctionVersion.LATEST.equals(version) ? "" : String.format("%010d", Integer.parseInt(version));
    }

    private static String encodeMarker(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeMarker(String marker) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (!key.contains("\u0000")) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Invalid marker: " + marker);
        }
    }

    /** A page of functions and the marker of the next page, or null on the last. */
    public static final class Page {
        public final List<FunctionVersion> functions;
        public final String nextMarker;

        Page(List<FunctionVersion> functions, String nextMarker) {
            this.functions = functions;
            this.nextMarker = nextMarker;
        }
    }

    @Override
    public void close() {
        for (LambdaFunction f : functions.values()) {
            f.close();
        }
        functions.clear();
    }
}
