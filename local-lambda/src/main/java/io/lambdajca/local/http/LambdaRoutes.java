package io.lambdajca.local.http;

import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.auth.SigV4Verifier;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;

/**
 * The routes of the endpoint: Lambda's REST API, STS (Query protocol, at the root) and IAM Roles Anywhere's
 * CreateSession ({@code /sessions}). Reads the whole body, checks the signature, then hands the request to the
 * operation.
 * Invocations run without tying up a worker thread; management operations run on Undertow's worker pool.
 */
public final class LambdaRoutes implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(LambdaRoutes.class.getName());

    private final SigV4Verifier verifier;
    private final FunctionsEndpoint functions;
    private final InvokeEndpoint invoke;
    private final StreamingInvokeEndpoint streamingInvoke;
    private final LifecycleEndpoint lifecycle;
    private final AccountEndpoint account;
    private final CodeDownloadEndpoint downloads;
    private final StsEndpoint sts;
    private final RolesAnywhereEndpoint rolesAnywhere;
    private final AliasesEndpoint aliases;
    private final TagsEndpoint tags;
    private final LongAdder lambdaRequests = new LongAdder();

    public LambdaRoutes(SigV4Verifier verifier, FunctionsEndpoint functions, InvokeEndpoint invoke,
            LifecycleEndpoint lifecycle, AccountEndpoint account, CodeDownloadEndpoint downloads, StsEndpoint sts,
            RolesAnywhereEndpoint rolesAnywhere) {
        this.verifier = verifier;
        this.functions = functions;
        this.invoke = invoke;
        this.streamingInvoke = invoke.streaming();
        this.lifecycle = lifecycle;
        this.account = account;
        this.downloads = downloads;
        this.sts = sts;
        this.rolesAnywhere = rolesAnywhere;
        this.aliases = new AliasesEndpoint(functions.registry());
        this.tags = new TagsEndpoint(functions.registry());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Exchanges.newRequestId(exchange);
        if (exchange.getRequestContentLength() > CreateFunctionLimits.MAX_REQUEST) {
            refuseTooLarge(exchange);
            return;
        }
        exchange.getRequestReceiver().receiveFullBytes(this::route,
                (ex, e) -> LOG.log(Level.FINE, "request body could not be read", e));
    }

    /**
     * Answers a request larger than any operation takes as AWS does (413; Invoke's own limit for an invocation), after
     * reading and discarding its body: a client still sending would otherwise see a broken connection, not the answer.
     */
    private static void refuseTooLarge(HttpServerExchange exchange) {
        ApiException answer = exchange.getRelativePath().endsWith("invocations")
                ? ApiException.tooLarge(InvokeEndpoint.MAX_SYNC_PAYLOAD) : CreateFunctionLimits.requestTooLarge();
        exchange.setMaxEntitySize(exchange.getRequestContentLength());
        exchange.getRequestReceiver().receivePartialBytes((ex, bytes, last) -> {
            if (last) {
                Exchanges.error(ex, answer);
            }
        }, (ex, e) -> LOG.log(Level.FINE, "request body could not be read", e));
    }

    private void route(HttpServerExchange exchange, byte[] body) {
        String requestPath = exchange.getRequestPath();
        if (requestPath.length() <= 1) {
            // STS's Query protocol posts to the root; signature checks happen on a worker thread, off the I/O thread
            onWorker(exchange, () -> sts.handle(exchange, body));
            return;
        }
        if ("/sessions".equals(requestPath) && exchange.getRequestMethod().equals(Methods.POST)) {
            onWorker(exchange, () -> rolesAnywhere.createSession(exchange, body));
            return;
        }
        if (requestPath.startsWith(CodeDownloadEndpoint.PATH) && exchange.getRequestMethod().equals(Methods.GET)) {
            // GetFunction's Code.Location: unsigned, as a presigned URL is, its token standing for the signature
            onWorker(exchange, () -> downloads.download(exchange, requestPath));
            return;
        }
        lambdaRequests.increment();
        try {
            verifier.verify(SignedRequests.of(exchange, body));
            String[] path = exchange.getRelativePath().split("/");
            // path[0] is empty; path[1] the API version; path[2] "functions"; path[3] the name; path[4] a sub-resource
            if (path.length >= 3 && "functions".equals(path[2])) {
                dispatch(exchange, body, path);
                return;
            }
            if (path.length == 4 && "2017-03-31".equals(path[1]) && "tags".equals(path[2])) {
                tags.handle(exchange, path[3], body);
                return;
            }
            if (path.length == 3 && "2016-08-19".equals(path[1]) && "account-settings".equals(path[2])
                    && exchange.getRequestMethod().equals(Methods.GET)) {
                account.settings(exchange);
                return;
            }
            throw new ApiException(404, "UnknownOperationException", "Unknown operation " + exchange.getRequestMethod()
                    + " " + exchange.getRelativePath());
        } catch (ApiException e) {
            Exchanges.error(exchange, e);
        }
    }

    /** Requests received on Lambda's API (not STS or Roles Anywhere), whatever their outcome. */
    public long lambdaRequests() {
        return lambdaRequests.sum();
    }

    private void dispatch(HttpServerExchange exchange, byte[] body, String[] path) {
        String version = path[1];
        String name = path.length > 3 ? path[3] : null;
        String sub = path.length > 4 ? path[4] : null;
        boolean post = exchange.getRequestMethod().equals(Methods.POST);
        boolean get = exchange.getRequestMethod().equals(Methods.GET);
        boolean put = exchange.getRequestMethod().equals(Methods.PUT);
        boolean delete = exchange.getRequestMethod().equals(Methods.DELETE);
        if ("2015-03-31".equals(version) && "invocations".equals(sub) && post) {
            invoke.invoke(exchange, name, body);
        } else if ("2021-11-15".equals(version) && "response-streaming-invocations".equals(sub) && post) {
            streamingInvoke.invoke(exchange, name, body);
        } else if ("2015-03-31".equals(version) && name == null && post) {
            onWorker(exchange, () -> functions.create(exchange, body));
        } else if ("2015-03-31".equals(version) && name == null && get) {
            functions.list(exchange);
        } else if ("2015-03-31".equals(version) && sub == null && get) {
            functions.get(exchange, name);
        } else if ("2015-03-31".equals(version) && "configuration".equals(sub) && get) {
            functions.getConfiguration(exchange, name);
        } else if ("2015-03-31".equals(version) && sub == null && delete) {
            onWorker(exchange, () -> functions.delete(exchange, name));
        } else if ("2015-03-31".equals(version) && "versions".equals(sub) && post) {
            functions.publishVersion(exchange, name, body);
        } else if ("2015-03-31".equals(version) && "versions".equals(sub) && get) {
            lifecycle.listVersions(exchange, name);
        } else if ("2015-03-31".equals(version) && "code".equals(sub) && put) {
            onWorker(exchange, () -> lifecycle.updateCode(exchange, name, body));
        } else if ("2015-03-31".equals(version) && "configuration".equals(sub) && put) {
            onWorker(exchange, () -> lifecycle.updateConfiguration(exchange, name, body));
        } else if ("2017-10-31".equals(version) && "concurrency".equals(sub) && put) {
            functions.putConcurrency(exchange, name, body);
        } else if ("2017-10-31".equals(version) && "concurrency".equals(sub) && delete) {
            functions.deleteConcurrency(exchange, name);
        } else if ("2019-09-30".equals(version) && "concurrency".equals(sub) && get) {
            functions.getConcurrency(exchange, name);
        } else if ("2015-03-31".equals(version) && "aliases".equals(sub)) {
            dispatchAlias(exchange, body, name, path.length > 5 ? path[5] : null, post, get, put, delete);
        } else {
            throw new ApiException(404, "UnknownOperationException", "Unknown operation "
                    + exchange.getRequestMethod() + " " + exchange.getRelativePath());
        }
    }

    private void dispatchAlias(HttpServerExchange exchange, byte[] body, String name, String alias, boolean post,
            boolean get, boolean put, boolean delete) {
        if (alias == null && post) {
            aliases.create(exchange, name, body);
        } else if (alias == null && get) {
            aliases.list(exchange, name);
        } else if (alias != null && get) {
            aliases.get(exchange, name, alias);
        } else if (alias != null && put) {
            aliases.update(exchange, name, alias, body);
        } else if (alias != null && delete) {
            aliases.delete(exchange, name, alias);
        } else {
            throw new ApiException(404, "UnknownOperationException", "Unknown operation "
                    + exchange.getRequestMethod() + " " + exchange.getRelativePath());
        }
    }

    private static void onWorker(HttpServerExchange exchange, Runnable operation) {
        exchange.dispatch(() -> {
            try {
                operation.run();
            } catch (ApiException e) {
                Exchanges.error(exchange, e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "operation failed", e);
                Exchanges.error(exchange, new ApiException(500, "ServiceException", "local-lambda failed: " + e));
            }
        });
    }

}
