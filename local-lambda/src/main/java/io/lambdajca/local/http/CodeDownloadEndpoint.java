package io.lambdajca.local.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.runtime.FunctionCode;
import io.lambdajca.local.runtime.FunctionVersion;
import io.undertow.server.HttpServerExchange;

/**
 * The download behind GetFunction's {@code Code.Location}: where AWS gives a presigned S3 URL, the endpoint gives a URL
 * of its own host and port whose path carries the package's unguessable token, answered without a signature.
 */
public final class CodeDownloadEndpoint {

    static final String PATH = "/local-lambda/code/";
    /** 32 random bytes, base64url without padding (see {@link FunctionCode#downloadToken()}). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Path workDir;

    public CodeDownloadEndpoint(Path workDir) {
        this.workDir = workDir;
    }

    /** The URL of a version's package, on the host and port the request came to. */
    static String location(HttpServerExchange exchange, FunctionVersion v) {
        return exchange.getRequestScheme() + "://" + exchange.getHostAndPort() + PATH + v.codeDownloadToken();
    }

    void download(HttpServerExchange exchange, String requestPath) {
        String token = requestPath.substring(PATH.length());
        if (!TOKEN.matcher(token).matches()) {
            throw noSuchKey();
        }
        byte[] zip;
        try {
            zip = Files.readAllBytes(FunctionCode.archive(workDir, token));
        } catch (NoSuchFileException e) {
            throw noSuchKey();
        } catch (IOException e) {
            throw new ApiException(500, "ServiceException", "local-lambda could not read the package: " + e);
        }
        Exchanges.send(exchange, 200, "application/zip", zip);
    }

    private static ApiException noSuchKey() {
        return new ApiException(404, "NoSuchKey", "The specified key does not exist.");
    }
}
