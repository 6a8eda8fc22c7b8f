package io.lambdajca.local.http;

import io.lambdajca.local.Jsons;
import io.lambdajca.local.runtime.FunctionCode;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.LambdaFunction;
import io.undertow.server.HttpServerExchange;

/** GetAccountSettings: the account's limits (the endpoint's concurrency) and usage (functions, code stored). */
public final class AccountEndpoint {

    /** AWS's default quotas: 75 GB of code stored, 250 MB unzipped, 50 MB zipped for a direct upload. */
    static final long TOTAL_CODE_SIZE = 80_530_636_800L;
    static final long CODE_SIZE_UNZIPPED = 262_144_000L;
    static final long CODE_SIZE_ZIPPED = 52_428_800L;

    private final FunctionRegistry registry;
    private final int accountConcurrency;

    public AccountEndpoint(FunctionRegistry registry, int accountConcurrency) {
        this.registry = registry;
        this.accountConcurrency = accountConcurrency;
    }

    void settings(HttpServerExchange exchange) {
        long functions = 0;
        long codeSize = 0;
        long reserved = 0;
        for (LambdaFunction f : registry.all()) {
            functions++;
            for (FunctionCode code : f.codes()) {
                codeSize += code.size();
            }
            Integer r = f.reservedConcurrency();
            reserved += r == null ? 0 : r;
        }
        Exchanges.json(exchange, 200, Jsons.PROVIDER.createObjectBuilder()
                .add("AccountLimit", Jsons.PROVIDER.createObjectBuilder()
                        .add("TotalCodeSize", TOTAL_CODE_SIZE)
                        .add("CodeSizeUnzipped", CODE_SIZE_UNZIPPED)
                        .add("CodeSizeZipped", CODE_SIZE_ZIPPED)
                        .add("ConcurrentExecutions", accountConcurrency)
                        .add("UnreservedConcurrentExecutions", Math.max(0, accountConcurrency - reserved)))
                .add("AccountUsage", Jsons.PROVIDER.createObjectBuilder()
                        .add("TotalCodeSize", codeSize)
                        .add("FunctionCount", functions))
                .build());
    }
}
