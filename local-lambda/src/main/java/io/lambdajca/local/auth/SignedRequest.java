package io.lambdajca.local.auth;

import java.util.function.Function;

/** The parts of an HTTP request that SigV4 covers, as received (path and query still percent-encoded). */
public final class SignedRequest {

    final String method;
    final String rawPath;
    final String rawQuery;
    final Function<String, String> header;
    final byte[] body;

    public SignedRequest(String method, String rawPath, String rawQuery, Function<String, String> header, byte[] body) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.header = header;
        this.body = body;
    }
}
