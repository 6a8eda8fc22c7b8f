package io.lambdajca.local.http;

import io.lambdajca.local.auth.SignedRequest;
import io.undertow.server.HttpServerExchange;

/**
 * What a received request's signature covers, for the checks of Lambda's API, STS and Roles Anywhere alike: the
 * method, the path and query as sent (still percent-encoded), the headers and the body.
 * <p>
 * A request line may name its target in absolute form ({@code POST http://host:port/path HTTP/1.1}), as a client
 * sends it to a forward proxy that may pass it on, and a server must accept that form (RFC 9112, section 3.2.2).
 * Undertow routes it by its path already, but its {@code getRequestURI()} then starts with the scheme and authority;
 * the path signed is the origin form's, as the client's signer computed it from the URI's path. The Host header is
 * the one sent and signed, as in origin form (Undertow answers 400 to a target whose authority is not the Host's).
 */
final class SignedRequests {

    private SignedRequests() {
    }

    /** The signed parts of the exchange, with its path as the origin form has it. */
    static SignedRequest of(HttpServerExchange exchange, byte[] body) {
        return new SignedRequest(exchange.getRequestMethod().toString(), originPath(exchange),
                exchange.getQueryString(), exchange.getRequestHeaders()::getFirst, body);
    }

    /**
     * The request's path, percent-encoded, without the scheme and authority of an absolute-form target; an empty one
     * is "/", as the origin form sends it (RFC 9112, section 3.2.1).
     */
    private static String originPath(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int scheme = uri.indexOf("://");
        int path = uri.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return path < 0 ? "/" : uri.substring(path);
    }
}
