package io.lambdajca.local.http;

import io.lambdajca.local.Jsons;
import io.lambdajca.local.runtime.AccountConcurrency;
import io.lambdajca.local.runtime.FunctionCode;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.LambdaFunction;
import io.undertow.server.HttpServerExchange;

/** GetAccountSettings: the account's limits (the endpoint's concurrency) and usage (functions, code stored). */
public final class AccountEndpoint {

    /** AWS's default quota of code stored: 75 GB. */
    static final long TOTAL_CODE_SIZE = 80_530_636_800L;

    private final FunctionRegistry registry;
    private final AccountConcurrency concurrency;

    public AccountEndpoint(FunctionRegistry registry, AccountConcurrency concurrency) {
        this.registry = registry;
        this.concurrency = concurrency;
    }

    void settings(HttpServerExchange exchange) {
        long functions = 0;
        long codeSize = 0;
        for (LambdaFunction f : registry.all()) {
            functions++;
            codeSize += f.totalCodeSize();
        }
        Exchanges.json(exchange, 200, Jsons.PROVIDER.createObjectBuilder()
                .add("AccountLimit", Jsons.PROVIDER.createObjectBuilder()
                        .add("TotalCodeSize", TOTAL_CODE_SIZE)
                        .add("CodeSizeUnzipped", FunctionCode.MAX_UNZIPPED)
                        .add("CodeSizeZipped", CreateFunctionLimits.MAX_ZIPPED)
                        .add("ConcurrentExecutions", concurrency.limit())
                        .add("UnreservedConcurrentExecutions", concurrency.unreserved(registry)))
                .add("AccountUsage", Jsons.PROVIDER.createObjectBuilder()
                        .add("TotalCodeSize", codeSize)
                        .add("FunctionCount", functions))
                .build());
    }
}
